package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#BAD_REQUEST}: 400-range refusal; userMessage carries the API's message. */
public class BadRequestException extends GenesysApiException {
    public BadRequestException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.BAD_REQUEST, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
