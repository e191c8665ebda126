package com.emite.setup.ui.common;

import javafx.application.Platform;

/** Hands work to the FX thread: at once when already there, else later. */
public final class FxThread {
    private FxThread() {
    }

    /** Set while a task runs in place ({@link UiExecutors#synchronous()}): hand-offs then run at once. */
    private static final ThreadLocal<Boolean> IN_PLACE = ThreadLocal.withInitial(() -> false);

    /** Sets the in-place mode of this thread; returns the previous one. */
    static boolean inPlace(boolean on) {
        boolean was = IN_PLACE.get();
        IN_PLACE.set(on);
        return was;
    }

    public static void run(Runnable r) {
        if (IN_PLACE.get() || Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
