package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How hard the client tries before it gives up.
 * <ul>
 *   <li>429: wait the server's {@code Retry-After} (or {@link ApiContract#DEFAULT_RETRY_AFTER_SECONDS}), then retry,
 *   at most {@code max429Retries} times and never waiting longer than {@code maxRetryAfter} at once. Applies to every
 *   request, creates included (a 429 means the server did not process it).</li>
 *   <li>5xx and network failures: at most {@code maxTransientRetries} retries with exponential backoff and jitter
 *   ({@code initialBackoff}·2ⁿ, capped at {@code maxBackoff}, each delay drawn between half and all of that),
 *   only for requests that are safe to repeat.</li>
 *   <li>Version conflicts: the client does not repeat a versioned write (the engine reads the version again, see
 *   {@code provision.OrgApi.VersionConflict}); the tests' read-change-write helpers retry up to
 *   {@code maxVersionRetries} times, {@code versionRetryDelay} apart (as Genesys' Terraform provider does).</li>
 * </ul>
 */
public record RetryPolicy(int max429Retries, Duration maxRetryAfter, int maxTransientRetries, Duration initialBackoff,
                          Duration maxBackoff, int maxVersionRetries, Duration versionRetryDelay) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(10, Duration.ofMinutes(2), 5, Duration.ofMillis(500),
            Duration.ofSeconds(8), 10, Duration.ofSeconds(1));

    /** No retries at all (tests, or a caller that retries itself). */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO, 0,
            Duration.ZERO);

    /** Delay before transient retry number {@code attempt} (1-based). */
    long backoffNanos(int attempt) {
        long base = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        long d = base;
        for (int i = 1; i < attempt && d < cap; i++) {
            d *= 2;
        }
        d = Math.min(d, cap);
        if (d <= 1) {
            return d;
        }
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }
}
