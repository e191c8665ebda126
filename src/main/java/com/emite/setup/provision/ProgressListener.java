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

    /**
     * The run waits before its next request: {@code reason} in plain words (for example "Genesys Cloud asked us to
     * slow down"), {@code howLong} the wait starting now, so a face can count down.
     */
    default void waiting(Wait reason, java.time.Duration howLong) {
    }

    /**
     * Counted work inside a step: {@code done} of {@code total} {@code unit}s, e.g. 3 of 12 "pages of users read",
     * 150 of 400 "agents granted".
     */
    default void counted(String unit, long done, long total) {
    }

    /** About how many requests the run still has to make (for an estimate of the time left). */
    default void remainingRequests(long requests) {
    }

    /** Why the run waits. */
    enum Wait {
        /** Our own rate limiter: the org's request budget for this minute is used up. */
        RATE_LIMIT,
        /** Genesys Cloud answered 429 with a Retry-After. */
        RETRY_AFTER,
        /** A request failed for a passing reason (5xx, network) and is tried again after a pause. */
        BACKOFF,
        /** Genesys Cloud has not yet applied a role grant (it takes seconds to a minute). */
        GRANT_IN_EFFECT,
        /** A create of an earlier run got no answer; Genesys Cloud may still do it, so apply waits before looking. */
        LATE_WRITE;

        /** Plain words, e.g. for a status line. */
        public String words() {
            return switch (this) {
                case RATE_LIMIT -> "keeping within Genesys Cloud's request limit";
                case RETRY_AFTER -> "Genesys Cloud asked us to slow down";
                case BACKOFF -> "a request failed for a passing reason; trying again";
                case GRANT_IN_EFFECT -> "waiting for the new role to take effect";
                case LATE_WRITE -> "waiting in case Genesys Cloud is still doing an earlier request that got no "
                        + "answer";
            };
        }
    }

    ProgressListener NONE = new ProgressListener() {
    };
}
