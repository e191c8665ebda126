package com.emite.setup.schedule;

/** A scheduler refused or could not be reached; the message says what happened and what to do, in plain words. */
public final class ScheduleException extends Exception {
    public ScheduleException(String message) {
        super(message);
    }

    public ScheduleException(String message, Throwable cause) {
        super(message, cause);
    }
}
