package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/**
 * Every failure of a Genesys Cloud call. {@link #kind()} says what went wrong in a way the UI can switch on;
 * {@link #userMessage()} says it in plain language for an admin; {@link #getMessage()} adds the technical facts (HTTP
 * status, Genesys error code, correlation id) for logs and "Copy details". Messages never contain tokens or secrets.
 * Subclasses exist per kind so callers can also {@code catch} the one they handle.
 */
public class GenesysApiException extends RuntimeException {
    /** What went wrong. */
    public enum Kind {
        /** No token, or the token was refused or has expired (401). Sign in again. */
        NOT_SIGNED_IN,
        /** Sign-in itself failed: wrong client id/secret, browser sign-in refused, timed out or cancelled. */
        SIGN_IN_FAILED,
        /** 403: the signed-in identity lacks a permission. */
        MISSING_PERMISSION,
        /** 404. */
        NOT_FOUND,
        /** 409, or 400 "does not match the current version": someone changed the object first, or a duplicate. */
        CONFLICT,
        /** 429 that did not clear within the retry budget. */
        RATE_LIMITED,
        /** 400-range refusal with the API's own message. */
        BAD_REQUEST,
        /** 5xx that did not clear within the retry budget. */
        SERVER_UNAVAILABLE,
        /** The network failed (no connection, reset, timeout) and retries did not help. */
        NETWORK,
        /** The answer could not be read: HTML from a proxy, truncated or malformed JSON. */
        MALFORMED_RESPONSE,
        /** A create call failed in a way that leaves open whether it happened: look before trying again. */
        OUTCOME_UNKNOWN,
        /** The calling thread was interrupted (the user cancelled). */
        CANCELLED
    }

    private final Kind kind;
    private final int status;
    private final String code;
    private final String contextId;
    private final String userMessage;
    private final transient ErrorBody errorBody;

    public GenesysApiException(Kind kind, int status, String code, String contextId, String technicalMessage,
                               String userMessage, ErrorBody errorBody, Throwable cause) {
        super(technical(kind, status, code, contextId, technicalMessage), cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
        this.contextId = contextId;
        this.userMessage = userMessage;
        this.errorBody = errorBody;
    }

    private static String technical(Kind kind, int status, String code, String contextId, String message) {
        StringBuilder sb = new StringBuilder(message == null ? kind.name() : message);
        if (status > 0) {
            sb.append(" [HTTP ").append(status);
            if (code != null) {
                sb.append(", code ").append(code);
            }
            if (contextId != null) {
                sb.append(", contextId ").append(contextId);
            }
            sb.append(']');
        }
        return sb.toString();
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status, or 0 when there was no HTTP answer. */
    public int status() {
        return status;
    }

    /** Genesys error {@code code} (e.g. {@code missing.permissions}) or OAuth {@code error}; null if none. */
    public String code() {
        return code;
    }

    /** Genesys correlation id (quote it to Genesys support); null if none. */
    public String contextId() {
        return contextId;
    }

    /** A plain-language sentence for the admin; no HTTP dump, no secrets. */
    public String userMessage() {
        return userMessage;
    }

    /** The parsed error body, when the API sent one. */
    public ErrorBody errorBody() {
        return errorBody;
    }
}
