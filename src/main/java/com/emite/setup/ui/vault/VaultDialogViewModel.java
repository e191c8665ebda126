package com.emite.setup.ui.vault;

import com.emite.setup.ui.common.Words;
import com.emite.setup.common.Secret;
import com.emite.setup.app.ErrorCode;
import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.PasswordStrength;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The vault dialog's state: create a new vault (master password twice, with a strength bar and hint from the vault's
 * own {@link PasswordStrength}, the rule {@link Vault#create} enforces) or open the existing one. Looking for the file, deriving the key and reading or writing it all run in tasks. A wrong password or a
 * damaged file shows the vault's own plain message; nothing changes.
 */
public final class VaultDialogViewModel {
    /** What the dialog does. */
    public enum Mode {
        /** Looking whether the file exists. */
        LOOKING,
        CREATE,
        UNLOCK
    }

    private final Session session;
    private final Executor executor;
    private final KdfParams kdf;
    private final Path file;

    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.LOOKING);
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "");
    private final ReadOnlyObjectWrapper<PasswordStrength> strength =
            new ReadOnlyObjectWrapper<>(this, "strength", PasswordStrength.EMPTY);
    private final ReadOnlyStringWrapper repeatHint = new ReadOnlyStringWrapper(this, "repeatHint", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper busyText = new ReadOnlyStringWrapper(this, "busyText", "");
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done", false);
    private final ReadOnlyBooleanWrapper backupOffered = new ReadOnlyBooleanWrapper(this, "backupOffered", false);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final BooleanBinding canSubmit;

    public VaultDialogViewModel(Session session, Executor executor, KdfParams kdf, Path file) {
        this.session = Objects.requireNonNull(session);
        this.executor = Objects.requireNonNull(executor);
        this.kdf = Objects.requireNonNull(kdf);
        this.file = Objects.requireNonNull(file);
        password.addListener((obs, old, now) -> update());
        repeat.addListener((obs, old, now) -> update());
        canSubmit = Bindings.createBooleanBinding(() -> !busy.get() && switch (mode.get()) {
            case LOOKING -> false;
            case UNLOCK -> !password.get().isEmpty();
            case CREATE -> strength.get().acceptable() && password.get().equals(repeat.get());
        }, busy, mode, password, repeat, strength);
    }

    private void update() {
        strength.set(PasswordStrength.of(password.get()));
        repeatHint.set(mode.get() != Mode.CREATE || repeat.get().isEmpty() ? ""
                : Words.get(password.get().equals(repeat.get()) ? "vault.match" : "vault.differ"));
    }

    /** Looks whether the vault file exists (off the FX thread), to create or unlock. */
    public void look() {
        busy.set(true);
        Tasks.create(p -> Vault.exists(file))
                .onSuccess(exists -> {
                    mode.set(exists ? Mode.UNLOCK : Mode.CREATE);
                    update();
                })
                .onProblem(problem::set)
                .andFinally(() -> busy.set(false))
                .runOn(executor);
    }

    /** Creates or unlocks, in a task; on success the session has the open vault. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        Mode m = mode.get();
        Secret secret = Secret.of(password.get());
        run(m == Mode.CREATE ? Words.get("vault.creating") : Words.get("vault.opening"), () -> m == Mode.CREATE ? Vault.create(file, secret, kdf)
                : Vault.open(file, secret));
    }

    /** Opens the backup copy (offered when the vault file is damaged and a good backup exists). */
    public void restoreBackup() {
        if (!backupOffered.get() || password.get().isEmpty()) {
            return;
        }
        Secret secret = Secret.of(password.get());
        run(Words.get("vault.restoring"), () -> Vault.restoreBackup(file, secret));
    }

    private interface Opener {
        Vault open() throws VaultException;
    }

    private void run(String text, Opener opener) {
        busy.set(true);
        busyText.set(text);
        problem.set(null);
        Tasks.create(p -> {
                    Vault v = opener.open();
                    if (v.isReadOnly()) {
                        v.closeWithoutSaving();
                        throw new ReadOnlyVault();
                    }
                    return v;
                })
                .onSuccess(v -> {
                    password.set("");
                    repeat.set("");
                    backupOffered.set(false);
                    session.vaultProperty().set(v);
                    done.set(true);
                })
                .onError(VaultException.class, e -> {
                    backupOffered.set(e.backupAvailable());
                    if (e.reason() == VaultException.Reason.ALREADY_EXISTS) {
                        mode.set(Mode.UNLOCK);
                    }
                    problem.set(Problems.of(e));
                })
                .onError(ReadOnlyVault.class, e -> problem.set(Problems.of(ErrorCode.FILE_FAILED, e.getMessage())))
                .onProblem(problem::set)
                .andFinally(() -> {
                    busy.set(false);
                    busyText.set("");
                })
                .runOn(executor);
    }

    /** The vault could be opened only for reading: no secret could be kept. */
    static final class ReadOnlyVault extends Exception {
        ReadOnlyVault() {
            super(Words.get("vault.readOnly"));
        }
    }

    public Path file() {
        return file;
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyObjectProperty<PasswordStrength> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty repeatHintProperty() {
        return repeatHint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty busyTextProperty() {
        return busyText.getReadOnlyProperty();
    }

    /** True once the vault is open (the dialog closes). */
    public ReadOnlyBooleanProperty doneProperty() {
        return done.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty backupOfferedProperty() {
        return backupOffered.getReadOnlyProperty();
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public BooleanBinding canSubmitProperty() {
        return canSubmit;
    }
}
