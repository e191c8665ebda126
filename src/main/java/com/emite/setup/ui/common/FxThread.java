package com.emite.setup.ui.common;

import javafx.application.Platform;

/** Hands work to the FX thread: at once when already there, else later. */
public final class FxThread {
    private FxThread() {
    }

    public static void run(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
