package com.emite.setup.provision;

/**
 * What a running plan or apply tells its face. The UI adapts it to a JavaFX {@code Task}'s progress, the command line to
 * a progress line on standard error. Called on the worker thread; implementations must be quick and thread-safe.
 */
public interface ProgressListener {
    /** An item of the plan starts (apply), or a kind of object is being read (plan). */
    default void stepStarted(PlanItem item) {
    }

    /** An item is done; {@code outcome} says in plain words what happened, e.g. "created (id 3f1a…)". */
    default void stepFinished(PlanItem item, String outcome) {
    }

    /** Overall progress, in requests: {@code done} of about {@code total}. */
    default void progress(long done, long total) {
    }

    /** A sentence for the admin, e.g. "Waiting for the new role to take effect (up to 2 minutes)". */
    default void message(String text) {
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
