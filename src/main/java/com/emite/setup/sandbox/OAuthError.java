package com.emite.setup.sandbox;

/** A login-service error: answered with the OAuth-style body {@code {"error":…,"description":…}} (reference §2.6). */
final class OAuthError extends RuntimeException {
    final int status;
    final String error;

    OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }
}
