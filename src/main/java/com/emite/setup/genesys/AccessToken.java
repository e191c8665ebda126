package com.emite.setup.genesys;

import com.emite.setup.common.Secret;

import java.time.Duration;
import java.time.Instant;

/**
 * A bearer token in memory. {@code expiresAt} is null when unknown (a pasted token). The value is a {@link Secret},
 * so this record prints no token.
 */
public record AccessToken(Secret value, SignInMethod method, Instant issuedAt, Instant expiresAt) {
    private static final Duration MAX_RENEW_MARGIN = Duration.ofSeconds(60);

    public boolean expiresWithin(Duration d, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now.plus(d));
    }

    /**
     * True when a renewable token should be renewed before use: within 60 s of expiry, or within the last tenth of its
     * lifetime when that is shorter (so a short-lived token is not renewed on every call).
     */
    boolean dueForRenewal(Instant now) {
        if (expiresAt == null) {
            return false;
        }
        Duration margin = MAX_RENEW_MARGIN;
        if (issuedAt != null) {
            Duration tenth = Duration.between(issuedAt, expiresAt).dividedBy(10);
            if (tenth.compareTo(margin) < 0) {
                margin = tenth;
            }
        }
        return expiresWithin(margin, now);
    }
}
