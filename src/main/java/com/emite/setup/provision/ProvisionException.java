package com.emite.setup.provision;

/** A failure of the engine, with a message an admin can act on (never a secret, never a stack trace on screen). */
public class ProvisionException extends RuntimeException {
    public ProvisionException(String message) {
        super(message);
    }

    public ProvisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
