package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#SERVER_UNAVAILABLE}: 5xx after retries. */
public class ServerUnavailableException extends GenesysApiException {
    public ServerUnavailableException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.SERVER_UNAVAILABLE, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
