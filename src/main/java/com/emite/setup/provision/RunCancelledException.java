package com.emite.setup.provision;

/** The run was cancelled; the journal says where it stopped and the next apply continues from there. */
public final class RunCancelledException extends RuntimeException {
    public RunCancelledException() {
        super("Cancelled. Nothing half-done was left behind: run apply again to continue where it stopped.");
    }
}
