package com.emite.setup.ui.orgs;

import com.emite.setup.app.OrgSummaries;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/**
 * The orgs the vault holds (a partner sets eMite up for many customers), as the command line's {@code orgs} lists
 * them ({@link OrgSummaries}): short name, region, last run, state. Read whenever a vault opens; the list holds no
 * secret, so it stays shown after a sign-out (the vault closes then) for choosing the next org.
 */
public final class OrgsModel {
    private final Session session;
    private final Executor executor;
    private final ObservableList<OrgSummaries.Summary> orgs = FXCollections.observableArrayList();
    private final ObjectProperty<OrgSummaries.Summary> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public OrgsModel(Session session, Executor executor) {
        this.session = session;
        this.executor = executor;
        session.vaultProperty().addListener((obs, old, v) -> {
            if (v != null) {
                load(v);
            }
        });
        // What was said about one org's sign-in does not stay for the next.
        session.connectionProperty().addListener((obs, old, c) -> message.set(""));
    }

    /** True when the vault of real orgs exists in the data folder (then the list is offered at start). */
    public boolean vaultOfOrgsExists() {
        return Files.exists(session.dataDir().resolve(Session.DEFAULT_VAULT));
    }

    /** Reads the open vault's orgs again (after an apply or a removal changed their journals). */
    public void reload() {
        Vault v = session.vault();
        if (v != null) {
            load(v);
        }
    }

    private void load(Vault v) {
        Path data = session.dataDir();
        Tasks.create(p -> OrgSummaries.of(v.contents().orgs(), data))
                .onSuccess(list -> {
                    String keep = chosen.get() == null ? null : chosen.get().orgId();
                    orgs.setAll(list);
                    chosen.set(list.stream().filter(s -> s.orgId().equals(keep)).findFirst().orElse(null));
                })
                .onProblem(x -> message.set(x.message()))
                .runOn(executor);
    }

    /** Why "Continue with this org" cannot be pressed now (empty when it can). */
    public StringBinding continueReason() {
        return Bindings.createStringBinding(() -> {
            if (session.connection() != null) {
                return Words.get("orgs.why.signedIn");
            }
            return chosen.get() == null ? Words.get("orgs.why.choose") : "";
        }, session.connectionProperty(), chosen);
    }

    public ObservableList<OrgSummaries.Summary> orgs() {
        return orgs;
    }

    public ObjectProperty<OrgSummaries.Summary> chosenProperty() {
        return chosen;
    }

    public StringProperty messageProperty() {
        return message;
    }

    /** The state in the admin's words. */
    public static String state(OrgSummaries.Summary s) {
        return s.state() == OrgSummaries.State.STOPPED_HALF_WAY
                ? Words.get("orgs.state.STOPPED_HALF_WAY", s.stoppedStatus()) : Words.get("orgs.state." + s.state());
    }
}
