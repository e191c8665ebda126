package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#CANCELLED}: the calling thread was interrupted. */
public class CancelledException extends GenesysApiException {
    public CancelledException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.CANCELLED, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
