package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#NOT_FOUND}: 404. */
public class NotFoundException extends GenesysApiException {
    public NotFoundException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.NOT_FOUND, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
