package com.emite.setup.ui.vault;

import com.emite.setup.ui.common.TextClipboard;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.KdfParams;
import javafx.stage.Window;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/** Runs an action that needs the vault: at once when it is open, else after the vault window opened it. */
public final class VaultGate {
    private final Session session;
    private final Executor executor;
    private final KdfParams kdf;
    private final Supplier<List<String>> stylesheets;
    private final TextClipboard clipboard;

    public VaultGate(Session session, Executor executor, KdfParams kdf, Supplier<List<String>> stylesheets,
                     TextClipboard clipboard) {
        this.session = session;
        this.executor = executor;
        this.kdf = kdf;
        this.stylesheets = stylesheets;
        this.clipboard = clipboard;
    }

    public void whenOpen(Window owner, Runnable action) {
        if (session.vault() != null) {
            action.run();
            return;
        }
        VaultDialogViewModel model = new VaultDialogViewModel(session, executor, kdf, session.vaultFile());
        new VaultDialog(model, owner, stylesheets.get(), clipboard).show(action);
    }
}
