package com.emite.setup.genesys;

/** Time and sleeping, injectable so tests of rate limits and retries do not wait for real. */
public interface TimeSource {
    long nanoTime();

    void sleepNanos(long nanos) throws InterruptedException;

    /** The real clock and {@link Thread#sleep}. */
    TimeSource SYSTEM = new TimeSource() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (nanos > 0) {
                Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            }
        }
    };
}
