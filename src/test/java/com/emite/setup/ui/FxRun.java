package com.emite.setup.ui;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs code on the FX thread and waits for it (view model tests with the same-thread executor). */
public final class FxRun {
    private static final int FX_ROUND_TRIPS = 5;

    private FxRun() {
    }

    /** Starts the toolkit once (headless Monocle under Surefire). */
    public static void toolkit() {
        try {
            FxToolkit.registerPrimaryStage();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Runs {@code work} on the FX thread, then lets the FX thread handle what it queued: five round trips, each after
     * everything queued before it (a task's handlers, and what they queue in turn), as TestFX's
     * {@code waitForFxEvents()} does but without its 10 ms sleep after each (about 2 s per view-model class).
     */
    public static <T> T fx(Callable<T> work) {
        try {
            T t = WaitForAsyncUtils.asyncFx(work).get(120, TimeUnit.SECONDS);
            for (int i = 0; i < FX_ROUND_TRIPS; i++) {
                WaitForAsyncUtils.asyncFx(() -> { }).get(120, TimeUnit.SECONDS);
            }
            return t;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new AssertionError(e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static void fx(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }
}
