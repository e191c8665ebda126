package com.emite.setup.ui.connect;

import com.emite.setup.ui.common.Words;
import com.emite.setup.region.Detection;
import com.emite.setup.region.EmiteRedirectUrl;
import com.emite.setup.region.Region;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.region.RegionDetector;
import com.emite.setup.region.ShortName;
import com.emite.setup.ui.common.TextClipboard;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * State of the Connect tab, as JavaFX properties and nothing else: no I/O, no network, no clipboard of its own. The
 * admin pastes an address (detected as they type) or picks a target from the list; types the org short name (checked
 * as they type); and copies the eMite redirect URL.
 *
 * <p>The picked target is the one truth: a recognised address selects its region; an address that is not recognised
 * clears the selection and says why; picking another entry in the list clears an address that says otherwise.
 */
public final class ConnectViewModel {
    /** Which state a message is in, for its style. */
    public enum Status {
        NONE, OK, WARNING, ERROR
    }

    private final RegionDetector detector;
    private final TextClipboard clipboard;

    private final StringProperty address = new SimpleStringProperty(this, "address", "");
    private final ReadOnlyStringWrapper addressMessage = new ReadOnlyStringWrapper(this, "addressMessage", "");
    private final ReadOnlyObjectWrapper<Status> addressStatus =
            new ReadOnlyObjectWrapper<>(this, "addressStatus", Status.NONE);

    private final ObservableList<ConnectTarget> targets;
    private final ObjectProperty<ConnectTarget> selectedTarget = new SimpleObjectProperty<>(this, "selectedTarget");
    private final ReadOnlyStringWrapper targetSummary = new ReadOnlyStringWrapper(this, "targetSummary", "");
    private final ReadOnlyObjectWrapper<Status> targetStatus =
            new ReadOnlyObjectWrapper<>(this, "targetStatus", Status.NONE);
    private final ReadOnlyStringWrapper emiteCode = new ReadOnlyStringWrapper(this, "emiteCode", "");

    private final StringProperty shortName = new SimpleStringProperty(this, "shortName", "");
    private final ReadOnlyStringWrapper shortNameMessage = new ReadOnlyStringWrapper(this, "shortNameMessage", "");
    private final ReadOnlyObjectWrapper<Status> shortNameStatus =
            new ReadOnlyObjectWrapper<>(this, "shortNameStatus", Status.NONE);

    private final ReadOnlyStringWrapper redirectUrl = new ReadOnlyStringWrapper(this, "redirectUrl", "");
    private final ReadOnlyStringWrapper redirectUrlMessage =
            new ReadOnlyStringWrapper(this, "redirectUrlMessage", "");
    private final ReadOnlyObjectWrapper<Status> redirectUrlStatus =
            new ReadOnlyObjectWrapper<>(this, "redirectUrlStatus", Status.NONE);
    private final ReadOnlyBooleanWrapper canCopy = new ReadOnlyBooleanWrapper(this, "canCopy", false);
    private final ReadOnlyBooleanWrapper copied = new ReadOnlyBooleanWrapper(this, "copied", false);
    private final BooleanProperty targetLocked = new SimpleBooleanProperty(this, "targetLocked", false);

    private boolean updating;

    /**
     * @param catalog        the regions to offer and detect
     * @param sandboxRegion  the region the sandbox stands for (for its eMite code); empty: no sandbox entry
     * @param clipboard      where Copy puts the redirect URL
     */
    public ConnectViewModel(RegionCatalog catalog, Optional<Region> sandboxRegion, TextClipboard clipboard) {
        this.detector = new RegionDetector(catalog);
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        List<ConnectTarget> list = new ArrayList<>();
        catalog.all().forEach(r -> list.add(new ConnectTarget.RegionTarget(r)));
        sandboxRegion.ifPresent(r -> list.add(new ConnectTarget.SandboxTarget(r)));
        this.targets = FXCollections.unmodifiableObservableList(FXCollections.observableArrayList(list));

        address.addListener((obs, old, text) -> onAddressChanged(text));
        selectedTarget.addListener((obs, old, target) -> onTargetChanged(target));
        shortName.addListener((obs, old, text) -> update());
        update();
    }

    /** The standard regions, a sandbox entry standing for Americas (US East), and the given clipboard. */
    public static ConnectViewModel standard(TextClipboard clipboard) {
        RegionCatalog catalog = RegionCatalog.standard();
        return new ConnectViewModel(catalog, catalog.byEmiteCode("useast"), clipboard);
    }

    private void onAddressChanged(String text) {
        if (updating) {
            return;
        }
        Detection detection = detector.detectIn(text);
        if (detection instanceof Detection.Found found) {
            addressMessage.set(Words.get("connect.recognised", found.region().name()));
            addressStatus.set(Status.OK);
            select(targetFor(found.region()).orElse(null));
        } else if (detection instanceof Detection.NotRecognised not) {
            if (not.reason() == Detection.Reason.EMPTY) {
                addressMessage.set("");
                addressStatus.set(Status.NONE);
            } else {
                addressMessage.set(not.message());
                addressStatus.set(Status.ERROR);
                select(null);
            }
        }
        update();
    }

    private void onTargetChanged(ConnectTarget target) {
        if (!updating && target != null && !address.get().isBlank()) {
            Detection detection = detector.detectIn(address.get());
            boolean agrees = detection instanceof Detection.Found found && !target.isSandbox()
                    && found.region().equals(target.region());
            if (!agrees) {
                // The admin picked from the list: the pick wins over an address that says otherwise.
                updating = true;
                try {
                    address.set("");
                    addressMessage.set("");
                    addressStatus.set(Status.NONE);
                } finally {
                    updating = false;
                }
            }
        }
        update();
    }

    private void select(ConnectTarget target) {
        updating = true;
        try {
            selectedTarget.set(target);
        } finally {
            updating = false;
        }
    }

    private Optional<ConnectTarget> targetFor(Region region) {
        return targets.stream().filter(t -> !t.isSandbox() && t.region().equals(region)).findFirst();
    }

    private void update() {
        ConnectTarget target = selectedTarget.get();
        if (target == null) {
            targetSummary.set(Words.get("connect.noRegion"));
            targetStatus.set(Status.NONE);
            emiteCode.set("");
        } else {
            Region region = target.region();
            emiteCode.set(region.emiteCode().orElse(""));
            String code = region.emiteCode().isPresent() ? ""
                    : Words.get("connect.noEmiteCode");
            if (target.isSandbox()) {
                targetSummary.set(Words.get("connect.sandboxSummary", region.name()) + code);
            } else {
                targetSummary.set(Words.get("connect.signsInAt", region.loginHost()) + code);
            }
            targetStatus.set(region.hasEmiteCode() ? Status.OK : Status.WARNING);
        }

        ShortName.Check check = ShortName.validate(shortName.get());
        if (shortName.get() == null || shortName.get().isBlank()) {
            shortNameMessage.set(Words.get("connect.shortNameWhere"));
            shortNameStatus.set(Status.NONE);
        } else if (check.isValid()) {
            shortNameMessage.set(Words.get("connect.looksRight"));
            shortNameStatus.set(Status.OK);
        } else {
            shortNameMessage.set(check.message());
            shortNameStatus.set(Status.ERROR);
        }

        String oldUrl = redirectUrl.get();
        if (target == null) {
            redirectUrl.set("");
            redirectUrlMessage.set(Words.get("connect.urlNeedsRegion"));
            redirectUrlStatus.set(Status.NONE);
        } else if (!target.region().hasEmiteCode()) {
            redirectUrl.set("");
            redirectUrlMessage.set(EmiteRedirectUrl.build(target.region(), shortName.get()).text());
            redirectUrlStatus.set(Status.WARNING);
        } else if (!check.isValid()) {
            redirectUrl.set("");
            redirectUrlMessage.set(Words.get("connect.urlNeedsShortName"));
            redirectUrlStatus.set(Status.NONE);
        } else {
            EmiteRedirectUrl.Result result = EmiteRedirectUrl.build(target.region(), shortName.get());
            redirectUrl.set(result.url().orElse(""));
            redirectUrlMessage.set(result.url().isPresent()
                    ? Words.get("connect.urlWhy") : result.text());
            redirectUrlStatus.set(result.url().isPresent() ? Status.OK : Status.ERROR);
        }
        canCopy.set(!redirectUrl.get().isEmpty());
        if (!Objects.equals(oldUrl, redirectUrl.get())) {
            copied.set(false);
        }
    }

    /** Picks the built-in sandbox (the app starts on it, so that a first-time user can sign in at once). */
    /** Selects the region with this Genesys region id; false when the list has none. */
    public boolean selectRegion(String genesysRegionId) {
        Optional<ConnectTarget> t = targets.stream().filter(x -> !x.isSandbox()
                && x.region().genesysRegionId().equals(genesysRegionId)).findFirst();
        t.ifPresent(selectedTarget::set);
        return t.isPresent();
    }

    public void selectSandbox() {
        targets.stream().filter(ConnectTarget::isSandbox).findFirst().ifPresent(selectedTarget::set);
    }

    /** True while signed in: the address and the region cannot change (sign out first). */
    public BooleanProperty targetLockedProperty() {
        return targetLocked;
    }

    /** Puts the redirect URL on the clipboard; false (and nothing copied) when there is no URL yet. */
    public boolean copyRedirectUrl() {
        if (!canCopy.get()) {
            return false;
        }
        clipboard.put(redirectUrl.get());
        copied.set(true);
        return true;
    }

    /** Turns the "Copied" state back to "Copy" (the view calls it a moment after copying). */
    public void clearCopied() {
        copied.set(false);
    }

    /** The short name if valid. */
    public Optional<String> validShortName() {
        return ShortName.validate(shortName.get()).value();
    }

    public StringProperty addressProperty() {
        return address;
    }

    public ReadOnlyStringProperty addressMessageProperty() {
        return addressMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> addressStatusProperty() {
        return addressStatus.getReadOnlyProperty();
    }

    public ObservableList<ConnectTarget> targets() {
        return targets;
    }

    public ObjectProperty<ConnectTarget> selectedTargetProperty() {
        return selectedTarget;
    }

    public ReadOnlyStringProperty targetSummaryProperty() {
        return targetSummary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> targetStatusProperty() {
        return targetStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty emiteCodeProperty() {
        return emiteCode.getReadOnlyProperty();
    }

    public StringProperty shortNameProperty() {
        return shortName;
    }

    public ReadOnlyStringProperty shortNameMessageProperty() {
        return shortNameMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> shortNameStatusProperty() {
        return shortNameStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redirectUrlProperty() {
        return redirectUrl.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redirectUrlMessageProperty() {
        return redirectUrlMessage.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Status> redirectUrlStatusProperty() {
        return redirectUrlStatus.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canCopyProperty() {
        return canCopy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty copiedProperty() {
        return copied.getReadOnlyProperty();
    }
}
