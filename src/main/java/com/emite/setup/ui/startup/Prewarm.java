package com.emite.setup.ui.startup;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.ui.common.Words;

/**
 * Reads what the first window needs from the app's resources (the blueprint and the region list, both parsed with
 * Gson, and the window's words) on a spare thread while JavaFX starts its toolkit, so that the FX thread finds them
 * parsed when it builds the window instead of parsing them itself. Each is memoised by its owner under a lock: if the
 * FX thread gets there first it waits for the parse already under way rather than doing it twice.
 */
public final class Prewarm {
    private Prewarm() {
    }

    /** Starts the read on a daemon thread and returns at once. */
    public static void start() {
        Thread t = new Thread(Prewarm::read, "emite-prewarm");
        t.setDaemon(true);
        t.start();
    }

    static void read() {
        try {
            Blueprint.standard();
            RegionCatalog.standard();
            Words.get("tab.organization");
        } catch (RuntimeException e) {
            // The window meets the same problem on the FX thread and reports it there, in words for the admin.
        }
    }
}
