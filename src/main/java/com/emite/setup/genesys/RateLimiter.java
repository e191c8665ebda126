package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Client-side limiter that keeps one token under the server's per-token limit so 429s are rare: a sliding window
 * of at most {@code permits} request starts per {@code window}. The window is the server's 60 s plus a safety margin,
 * because the server counts arrivals and network delay can bunch our requests together. After a 429 the whole
 * client pauses for the Retry-After ({@link #pauseFor}). Threads wait in arrival order (fair lock).
 */
public final class RateLimiter {
    private final int permits;
    private final long windowNanos;
    private final TimeSource time;
    private final ArrayDeque<Long> starts = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile long pausedUntil = Long.MIN_VALUE;

    /** Result of {@link #acquire}: how long the caller waited for the window and for a 429 pause. */
    record Wait(long windowNanos, long pauseNanos) {
    }

    private RateLimiter(int permits, Duration window, TimeSource time) {
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.time = time;
    }

    /** {@code perMinute} requests per 60 s plus {@code safetyMargin}. */
    public static RateLimiter perMinute(int perMinute, Duration safetyMargin, TimeSource time) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException("perMinute must be positive");
        }
        return new RateLimiter(perMinute, Duration.ofSeconds(60).plus(safetyMargin), time);
    }

    /** The default: {@link ApiContract#RATE_LIMIT_PER_MINUTE} per 60 s + 2 s margin. */
    public static RateLimiter standard(TimeSource time) {
        return perMinute(ApiContract.RATE_LIMIT_PER_MINUTE, Duration.ofSeconds(2), time);
    }

    /** No limit (429s are still honoured through {@link #pauseFor}). */
    public static RateLimiter unlimited(TimeSource time) {
        return new RateLimiter(Integer.MAX_VALUE, Duration.ZERO, time);
    }

    public int permits() {
        return permits;
    }

    public Duration window() {
        return Duration.ofNanos(windowNanos);
    }

    /** Told before each wait (set by the client; NONE by default). */
    volatile WaitListener waits = WaitListener.NONE;

    /** Blocks until a request may start, then records its start. */
    Wait acquire() throws InterruptedException {
        long waitedWindow = 0;
        long waitedPause = 0;
        long t0 = time.nanoTime();
        lock.lockInterruptibly();
        try {
            waitedWindow += time.nanoTime() - t0; // time queued behind other waiters counts as limiter wait
            while (true) {
                long now = time.nanoTime();
                long pause = pausedUntil - now;
                if (pausedUntil != Long.MIN_VALUE && pause > 0) {
                    waits.waiting(WaitListener.Reason.RETRY_AFTER, Duration.ofNanos(pause));
                    time.sleepNanos(pause);
                    waitedPause += pause;
                    continue;
                }
                if (permits == Integer.MAX_VALUE) {
                    return new Wait(waitedWindow, waitedPause);
                }
                while (!starts.isEmpty() && now - starts.peekFirst() >= windowNanos) {
                    starts.pollFirst();
                }
                if (starts.size() < permits) {
                    starts.addLast(now);
                    return new Wait(waitedWindow, waitedPause);
                }
                long wait = starts.peekFirst() + windowNanos - now;
                waits.waiting(WaitListener.Reason.RATE_LIMIT, Duration.ofNanos(wait));
                time.sleepNanos(wait);
                waitedWindow += wait;
            }
        } finally {
            lock.unlock();
        }
    }

    /** After a 429: no request of this client starts before {@code delay} has passed. */
    void pauseFor(Duration delay) {
        long until = time.nanoTime() + delay.toNanos();
        synchronized (this) {
            if (pausedUntil == Long.MIN_VALUE || until - pausedUntil > 0) {
                pausedUntil = until;
            }
        }
    }
}
