package com.emite.setup.genesys;

import com.emite.setup.common.Secret;

import java.time.Instant;

/**
 * A bearer token in memory. {@code expiresAt} is null when unknown (a pasted token). The value is a {@link Secret},
 * so this record prints no token.
 */
public record AccessToken(Secret value, SignInMethod method, Instant expiresAt) {
    public boolean expiresWithin(java.time.Duration d, Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now.plus(d));
    }
}
