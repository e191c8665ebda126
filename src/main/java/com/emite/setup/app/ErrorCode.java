package com.emite.setup.app;

import com.emite.setup.genesys.GenesysApiException;

/**
 * The app's own stable error codes (the vault has its own, {@code VAULT-01}…{@code VAULT-12}). A code never changes
 * meaning, so support can look it up; new failures get new codes.
 */
public enum ErrorCode {
    GC_NOT_SIGNED_IN("GC-01"),
    GC_SIGN_IN_FAILED("GC-02"),
    GC_MISSING_PERMISSION("GC-03"),
    GC_NOT_FOUND("GC-04"),
    GC_CONFLICT("GC-05"),
    GC_RATE_LIMITED("GC-06"),
    GC_BAD_REQUEST("GC-07"),
    GC_SERVER_UNAVAILABLE("GC-08"),
    GC_NETWORK("GC-09"),
    GC_MALFORMED_RESPONSE("GC-10"),
    GC_OUTCOME_UNKNOWN("GC-11"),
    GC_CANCELLED("GC-12"),
    /** The engine stopped with a plain message (e.g. a grant that did not take effect in time). */
    SETUP_STOPPED("SETUP-01"),
    /** The admin cancelled. */
    SETUP_CANCELLED("SETUP-02"),
    /** An apply ended with status FAILED. */
    SETUP_APPLY_FAILED("SETUP-03"),
    /** Something the admin typed cannot be used (an address, a client id). */
    INPUT_INVALID("INPUT-01"),
    /** A file or folder could not be written or read. */
    FILE_FAILED("FILE-01"),
    /** The built-in sandbox could not start. */
    SANDBOX_FAILED("SANDBOX-01"),
    /** Anything not foreseen. */
    UNEXPECTED("APP-99");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The code of a Genesys Cloud failure kind. */
    public static ErrorCode of(GenesysApiException.Kind kind) {
        return switch (kind) {
            case NOT_SIGNED_IN -> GC_NOT_SIGNED_IN;
            case SIGN_IN_FAILED -> GC_SIGN_IN_FAILED;
            case MISSING_PERMISSION -> GC_MISSING_PERMISSION;
            case NOT_FOUND -> GC_NOT_FOUND;
            case CONFLICT -> GC_CONFLICT;
            case RATE_LIMITED -> GC_RATE_LIMITED;
            case BAD_REQUEST -> GC_BAD_REQUEST;
            case SERVER_UNAVAILABLE -> GC_SERVER_UNAVAILABLE;
            case NETWORK -> GC_NETWORK;
            case MALFORMED_RESPONSE -> GC_MALFORMED_RESPONSE;
            case OUTCOME_UNKNOWN -> GC_OUTCOME_UNKNOWN;
            case CANCELLED -> GC_CANCELLED;
        };
    }
}
