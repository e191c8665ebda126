package com.emite.setup.cli;

/** The command line was not understood; the message says what to change (exit code 1). */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
