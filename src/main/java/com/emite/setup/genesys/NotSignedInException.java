package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#NOT_SIGNED_IN}: 401 or no token. */
public class NotSignedInException extends GenesysApiException {
    public NotSignedInException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.NOT_SIGNED_IN, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
