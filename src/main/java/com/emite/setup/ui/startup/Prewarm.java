package com.emite.setup.ui.startup;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.ui.common.LaunchLog;
import com.emite.setup.ui.common.Words;

import java.nio.file.Path;

/**
 * Reads what the first window needs from the app's resources (the blueprint and the region list, both parsed with
 * Gson, and the window's words) on a spare thread while JavaFX starts its toolkit, so that the FX thread finds them
 * parsed when it builds the window instead of parsing them itself. Each is memoised by its owner under a lock: if the
 * FX thread gets there first it waits for the parse already under way rather than doing it twice.
 * <p>The same thread also runs the static set-up of classes the window's models use at once (the vault's random
 * source, the key derivation's defaults, the demo org's shape): the JVM runs a class's set-up once, on whichever
 * thread first touches it, and a thread that touches it meanwhile waits for it instead of doing it again.
 */
public final class Prewarm {
    /** Classes whose static set-up costs something (a seeded SecureRandom, parsed constants). */
    private static final String[] CLASSES = {
            "com.emite.setup.vault.VaultFormat",
            "com.emite.setup.vault.Vault",
            "com.emite.setup.vault.KdfParams",
            "com.emite.setup.vault.SecretClipboard",
            "com.emite.setup.app.SignInService",
            "com.emite.setup.app.SetupService",
    };

    private Prewarm() {
    }

    /** Starts the read on a daemon thread and returns at once. */
    public static void start() {
        daemon("emite-prewarm", Prewarm::read);
    }

    /**
     * Opens this launch's log file on a spare thread: creating the folder and file owner-only and opening the handler
     * is file work the first window need not wait for.
     */
    public static void launchLog(Path dataDir) {
        daemon("emite-launch-log", () -> LaunchLog.start(dataDir));
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    static void read() {
        try {
            Blueprint.standard();
            RegionCatalog.standard();
            Words.get("tab.organization");
            ClassLoader loader = Prewarm.class.getClassLoader();
            for (String c : CLASSES) {
                Class.forName(c, true, loader);
            }
        } catch (RuntimeException | ClassNotFoundException | LinkageError e) {
            // The window meets the same problem on the FX thread and reports it there, in words for the admin.
        }
    }
}
