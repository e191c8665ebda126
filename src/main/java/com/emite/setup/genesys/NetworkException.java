package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#NETWORK}: network failure after retries (status 0). */
public class NetworkException extends GenesysApiException {
    public NetworkException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.NETWORK, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
