package com.emite.setup.genesys;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one client's HTTP traffic, readable at any time from any thread ({@link #snapshot()}). Every attempt on
 * the wire counts as a call, so a call retried twice counts three times and {@code retried} twice.
 */
public final class CallStats {
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong tokenCalls = new AtomicLong();
    private final AtomicLong retried = new AtomicLong();
    private final AtomicLong rateLimited = new AtomicLong();
    private final AtomicLong serverErrors = new AtomicLong();
    private final AtomicLong networkErrors = new AtomicLong();
    private final AtomicLong reauthentications = new AtomicLong();
    private final AtomicLong limiterWaitNanos = new AtomicLong();
    private final AtomicLong retryAfterWaitNanos = new AtomicLong();
    private final AtomicLong backoffWaitNanos = new AtomicLong();

    /**
     * A consistent-enough copy of the counters.
     *
     * @param calls             HTTP requests sent to {@code /api/v2} (each attempt)
     * @param reads             of which reads (GET, HEAD, search POST)
     * @param writes            of which writes
     * @param tokenCalls        requests to the login host's {@code /oauth/token}
     * @param retried           attempts that were repeats of an earlier attempt
     * @param rateLimited       429 answers received
     * @param serverErrors      5xx answers received
     * @param networkErrors     attempts that failed without an HTTP answer
     * @param reauthentications client-credentials token renewals after a 401 or near expiry
     * @param limiterWait       total time callers waited for the client-side rate limiter
     * @param retryAfterWait    total time waited because of a 429's Retry-After
     * @param backoffWait       total time waited between retries of 5xx and network failures
     */
    public record Snapshot(long calls, long reads, long writes, long tokenCalls, long retried, long rateLimited,
                           long serverErrors, long networkErrors, long reauthentications, Duration limiterWait,
                           Duration retryAfterWait, Duration backoffWait) {
    }

    public Snapshot snapshot() {
        return new Snapshot(calls.get(), reads.get(), writes.get(), tokenCalls.get(), retried.get(),
                rateLimited.get(), serverErrors.get(), networkErrors.get(), reauthentications.get(),
                Duration.ofNanos(limiterWaitNanos.get()), Duration.ofNanos(retryAfterWaitNanos.get()),
                Duration.ofNanos(backoffWaitNanos.get()));
    }

    void call(boolean read) {
        calls.incrementAndGet();
        (read ? reads : writes).incrementAndGet();
    }

    void tokenCall() {
        tokenCalls.incrementAndGet();
    }

    void retried() {
        retried.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    void serverError() {
        serverErrors.incrementAndGet();
    }

    void networkError() {
        networkErrors.incrementAndGet();
    }

    void reauthenticated() {
        reauthentications.incrementAndGet();
    }

    void limiterWait(long nanos) {
        limiterWaitNanos.addAndGet(nanos);
    }

    void retryAfterWait(long nanos) {
        retryAfterWaitNanos.addAndGet(nanos);
    }

    void backoffWait(long nanos) {
        backoffWaitNanos.addAndGet(nanos);
    }

    @Override
    public String toString() {
        return snapshot().toString();
    }
}
