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

    @Override
    public void message(String text) {
        activity.run();
        task.message(text);
    }
}
