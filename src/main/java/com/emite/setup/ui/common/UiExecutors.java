package com.emite.setup.ui.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where background work runs. The app uses {@link #background()}; tests may inject {@link #sameThread()} (after
 * JabRef's {@code CurrentThreadTaskExecutor}) to make work deterministic, or the background pool to press Cancel while
 * work runs. Views never start threads themselves.
 */
public final class UiExecutors {
    private UiExecutors() {
    }

    /** A pool of daemon threads ({@code emite-worker-1}, …): the app can always exit. */
    public static ExecutorService background() {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory f = r -> {
            Thread t = new Thread(r, "emite-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return Executors.newCachedThreadPool(f);
    }

    /**
     * Runs a task's work <em>and its handlers</em> on the calling thread, without the FX thread (after JabRef's
     * {@code CurrentThreadTaskExecutor}): view-model tests call a method and read the result on the next line.
     * Progress messages are dropped; hand-offs through {@link FxThread} run in place. Tests only.
     */
    public static java.util.concurrent.Executor synchronous() {
        return new Tasks.Synchronous();
    }

    /** Runs work on the calling thread (tests only: on the FX thread it blocks the UI while it runs). */
    public static java.util.concurrent.Executor sameThread() {
        return Runnable::run;
    }
}
