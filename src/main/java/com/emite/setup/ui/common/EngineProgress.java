package com.emite.setup.ui.common;

import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;

import java.util.function.Consumer;

/**
 * The engine's {@link ProgressListener} adapted to a task: messages and request counts go to the task's message and
 * progress; started and finished steps are handed to the FX thread (for "current step" and the list of finished
 * steps). Called on the worker thread; cheap.
 */
public final class EngineProgress implements ProgressListener {
    private final Tasks.Progress task;
    private final Consumer<PlanItem> started;
    private final StepConsumer finished;
    private final Runnable activity;

    /** What to do with a finished step, on the FX thread. */
    @FunctionalInterface
    public interface StepConsumer {
        void accept(PlanItem item, String outcome);
    }

    /**
     * @param task     the running task
     * @param started  a step starts (FX thread); may be a no-op
     * @param finished a step is done (FX thread); may be a no-op
     * @param activity called on every event (keeps the vault from locking while work runs)
     */
    public EngineProgress(Tasks.Progress task, Consumer<PlanItem> started, StepConsumer finished, Runnable activity) {
        this.task = task;
        this.started = started;
        this.finished = finished;
        this.activity = activity;
    }

    /** For reads only: messages, no steps. */
    public static EngineProgress messages(Tasks.Progress task, Runnable activity) {
        return new EngineProgress(task, i -> {
        }, (i, o) -> {
        }, activity);
    }

    @Override
    public void stepStarted(PlanItem item) {
        activity.run();
        FxThread.run(() -> started.accept(item));
    }

    @Override
    public void stepFinished(PlanItem item, String outcome) {
        activity.run();
        FxThread.run(() -> finished.accept(item, outcome));
    }

    @Override
    public void progress(long done, long total) {
        activity.run();
        task.progress(done, total <= 0 ? -1 : total);
    }

    /** Ticks the countdown of a wait once a second (one daemon thread for the whole app). */
    private static final java.util.concurrent.ScheduledExecutorService TICKS =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "emite-wait-countdown");
                t.setDaemon(true);
                return t;
            });
    private java.util.concurrent.ScheduledFuture<?> countdown;

    /**
     * A wait on the rate limit or a Retry-After: the reason and a countdown of the seconds left, until the wait ends
     * or the next message replaces it.
     */
    @Override
    public synchronized void waiting(Wait reason, java.time.Duration howLong) {
        activity.run();
        stopCountdown();
        long end = System.nanoTime() + howLong.toNanos();
        Runnable tick = () -> {
            long left = Math.max(0, (end - System.nanoTime() + 999_999_999L) / 1_000_000_000L);
            task.message(Words.get("progress.waiting", reason.words(), left));
        };
        tick.run();
        java.util.concurrent.ScheduledFuture<?> mine =
                TICKS.scheduleAtFixedRate(tick, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        countdown = mine;
        TICKS.schedule(() -> {
            synchronized (this) {
                if (countdown == mine) {
                    stopCountdown();
                }
            }
        }, howLong.toMillis() + 50, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private synchronized void stopCountdown() {
        if (countdown != null) {
            countdown.cancel(false);
            countdown = null;
        }
    }

    /** Counts ("pages of users read", "agents granted"): shown as "12 of 40 …". */
    @Override
    public void counted(String unit, long done, long total) {
        activity.run();
        stopCountdown();
        task.message(total > 0 ? Words.get("progress.countedOf", done, total, unit)
                : Words.get("progress.counted", done, unit));
    }

    @Override
    public void message(String text) {
        activity.run();
        stopCountdown();
        task.message(text);
    }
}
