package com.emite.setup.provision;

/**
 * Asks a running apply to stop. The executor checks it between requests, so a cancel takes effect after the request in
 * flight and leaves a consistent journal. Thread-safe; one token per run.
 */
public final class CancellationToken {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link RunCancelledException} if {@link #cancel()} was called. */
    public void throwIfCancelled() {
        if (cancelled) {
            throw new RunCancelledException();
        }
    }

    /** Sleeps up to {@code millis}, waking early (and throwing) on cancel. */
    public void sleep(long millis) {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (true) {
            throwIfCancelled();
            long left = (end - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return;
            }
            try {
                Thread.sleep(Math.min(left, 50));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancel();
                throw new RunCancelledException();
            }
        }
    }
}
