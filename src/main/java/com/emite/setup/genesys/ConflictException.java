package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/**
 * Kind {@link GenesysApiException.Kind#CONFLICT}: 409, or 400 "does not match the current version". On a versioned
 * write (group PUT, member add, config PUT) it means the version was stale: re-GET and retry.
 */
public class ConflictException extends GenesysApiException {
    private final boolean versionMismatch;

    public ConflictException(int status, String code, String contextId, String technicalMessage, String userMessage,
                             ErrorBody errorBody, boolean versionMismatch) {
        super(Kind.CONFLICT, status, code, contextId, technicalMessage, userMessage, errorBody, null);
        this.versionMismatch = versionMismatch;
    }

    /** True when the API said the version did not match (400 form), or the 409 names a version. */
    public boolean isVersionMismatch() {
        return versionMismatch;
    }
}
