package com.emite.setup.ui;

import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** Runs code on the FX thread and waits for it (view model tests with the same-thread executor). */
public final class FxRun {
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

    public static <T> T fx(Callable<T> work) {
        try {
            T t = WaitForAsyncUtils.asyncFx(work).get(120, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitForFxEvents();
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
