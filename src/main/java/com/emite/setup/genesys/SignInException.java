package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

/** Kind {@link GenesysApiException.Kind#SIGN_IN_FAILED}: sign-in failed (token endpoint refused, browser flow denied, state mismatch, timeout). */
public class SignInException extends GenesysApiException {
    public SignInException(int status, String code, String contextId, String technicalMessage, String userMessage,
            ErrorBody errorBody, Throwable cause) {
        super(Kind.SIGN_IN_FAILED, status, code, contextId, technicalMessage, userMessage, errorBody, cause);
    }
}
