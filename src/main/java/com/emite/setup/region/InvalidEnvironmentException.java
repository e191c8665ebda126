package com.emite.setup.region;

/** A custom environment's address is not acceptable; the message names the field and says why in plain words. */
public class InvalidEnvironmentException extends IllegalArgumentException {
    public InvalidEnvironmentException(String message) {
        super(message);
    }
}
