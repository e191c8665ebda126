package com.emite.setup.genesys;

import com.emite.setup.genesys.model.ErrorBody;

import java.util.List;

/** Kind {@link GenesysApiException.Kind#MISSING_PERMISSION}: 403; {@link #permissions()} lists what is missing. */
public class MissingPermissionException extends GenesysApiException {
    private final List<String> permissions;

    public MissingPermissionException(int status, String code, String contextId, String technicalMessage,
                                      String userMessage, ErrorBody errorBody, List<String> permissions) {
        super(Kind.MISSING_PERMISSION, status, code, contextId, technicalMessage, userMessage, errorBody, null);
        this.permissions = List.copyOf(permissions);
    }

    /** The permissions named by the API ({@code domain:entity:action}); empty if it named none. */
    public List<String> permissions() {
        return permissions;
    }
}
