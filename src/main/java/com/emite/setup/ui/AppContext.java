package com.emite.setup.ui;

import com.emite.setup.provision.Executor;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.ui.common.FolderPicker;
import com.emite.setup.ui.common.FxClipboardPort;
import com.emite.setup.ui.common.LinkOpener;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.app.SignInService;
import com.emite.setup.vault.IdleLock;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Vault;
import javafx.application.HostServices;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything the window gets from outside, so that tests can give their own: where background work runs, the data
 * folder (vaults, kept forms), the vault's key derivation, the demo sandbox's shape, the browser, the folder chooser,
 * the clipboard and the timings.
 *
 * @param executor            background work (tasks)
 * @param dataDir             the app's data folder (the command line's {@code --data-dir})
 * @param kdf                 key derivation for new vaults
 * @param sandbox             the offline demo org
 * @param links               opens addresses in the browser ({@code HostServices.showDocument})
 * @param folders             asks for a folder (Export)
 * @param clipboard           the system clipboard
 * @param idleTimeout         the vault locks after this long without use
 * @param clipboardClearAfter a copied secret is cleared after this long
 * @param grantTimeout        how long apply waits for a new role grant to take effect
 */
public record AppContext(java.util.concurrent.Executor executor, Path dataDir, KdfParams kdf, SandboxConfig sandbox,
                         LinkOpener links, FolderPicker folders, FxClipboardPort clipboard, Duration idleTimeout,
                         Duration clipboardClearAfter, Duration grantTimeout) {
    public AppContext {
        Objects.requireNonNull(executor);
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(kdf);
        Objects.requireNonNull(sandbox);
        Objects.requireNonNull(links);
        Objects.requireNonNull(folders);
        Objects.requireNonNull(clipboard);
        Objects.requireNonNull(idleTimeout);
        Objects.requireNonNull(clipboardClearAfter);
        Objects.requireNonNull(grantTimeout);
    }

    /** The real app: daemon worker pool, the per-user data folder, Argon2id, the demo sandbox, the system browser. */
    public static AppContext standard(HostServices host) {
        return new AppContext(UiExecutors.background(), Vault.defaultFolder(), KdfParams.argon2idDefault(),
                SignInService.DEMO_SANDBOX, host::showDocument, FolderPicker.system(), new FxClipboardPort(),
                IdleLock.DEFAULT_TIMEOUT, SecretClipboard.DEFAULT_CLEAR_AFTER, Executor.DEFAULT_GRANT_TIMEOUT);
    }

    public AppContext withDataDir(Path dir) {
        return new AppContext(executor, dir, kdf, sandbox, links, folders, clipboard, idleTimeout,
                clipboardClearAfter, grantTimeout);
    }

    public AppContext withKdf(KdfParams params) {
        return new AppContext(executor, dataDir, params, sandbox, links, folders, clipboard, idleTimeout,
                clipboardClearAfter, grantTimeout);
    }

    public AppContext withSandbox(SandboxConfig config) {
        return new AppContext(executor, dataDir, kdf, config, links, folders, clipboard, idleTimeout,
                clipboardClearAfter, grantTimeout);
    }

    public AppContext withFolders(FolderPicker picker) {
        return new AppContext(executor, dataDir, kdf, sandbox, links, picker, clipboard, idleTimeout,
                clipboardClearAfter, grantTimeout);
    }

    public AppContext withLinks(LinkOpener opener) {
        return new AppContext(executor, dataDir, kdf, sandbox, opener, folders, clipboard, idleTimeout,
                clipboardClearAfter, grantTimeout);
    }

    public AppContext withExecutor(java.util.concurrent.Executor e) {
        return new AppContext(e, dataDir, kdf, sandbox, links, folders, clipboard, idleTimeout, clipboardClearAfter,
                grantTimeout);
    }

    public AppContext withIdleTimeout(Duration d) {
        return new AppContext(executor, dataDir, kdf, sandbox, links, folders, clipboard, d, clipboardClearAfter,
                grantTimeout);
    }
}
