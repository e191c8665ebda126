package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

import java.time.Duration;

/** Kind {@link GenesysApiException.Kind#RATE_LIMITED}: 429 that outlasted the retry budget. */
public class RateLimitedException extends GenesysApiException {
    private final Duration retryAfter;

    public RateLimitedException(String code, String contextId, String technicalMessage, String userMessage,
                                ErrorBody errorBody, Duration retryAfter) {
        super(Kind.RATE_LIMITED, 429, code, contextId, technicalMessage, userMessage, errorBody, null);
        this.retryAfter = retryAfter;
    }

    /** The last Retry-After the server gave. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
