package com.emite.setup.genesys;

import java.time.Duration;

/**
 * Told when the client is about to wait before a request (its rate limiter, a 429's Retry-After, or a back-off after
 * a passing failure), so a face can show a countdown. Called on the requesting thread; must be quick.
 */
public interface WaitListener {
    /** Why the client waits. */
    enum Reason { RATE_LIMIT, RETRY_AFTER, BACKOFF }

    void waiting(Reason reason, Duration howLong);

    WaitListener NONE = (reason, howLong) -> { };
}
