package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#MALFORMED_RESPONSE}: an answer that is not the expected JSON (HTML from a proxy, truncated or malformed JSON). */
public class MalformedResponseException extends GenesysApiException {
    public MalformedResponseException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.MALFORMED_RESPONSE, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
