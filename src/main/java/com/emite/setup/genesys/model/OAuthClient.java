package com.emite.setup.genesys.model;

import com.emite.setup.common.Secret;

import java.util.List;

/**
 * An OAuth client (reference §10). {@code id} is the client_id. {@code secret} is present only in the responses of
 * create and secret reset, and is held as a {@link Secret} so it never prints itself.
 */
public record OAuthClient(String id, String name, String description, Long accessTokenValiditySeconds,
                          String authorizedGrantType, List<String> registeredRedirectUri, List<String> scope,
                          List<RoleDivision> roleDivisions, List<String> roleIds, String state, String dateToDelete,
                          Secret secret, String dateCreated, String dateModified, NamedEntity createdBy,
                          NamedEntity modifiedBy, NamedEntity organization, String selfUri) {
    public static final String GRANT_CODE = "CODE";
    public static final String GRANT_TOKEN = "TOKEN";
    public static final String GRANT_SAML2_BEARER = "SAML2-BEARER";
    public static final String GRANT_PASSWORD = "PASSWORD";
    public static final String GRANT_CLIENT_CREDENTIALS = "CLIENT-CREDENTIALS";
    public static final String STATE_ACTIVE = "active";
    public static final String STATE_DISABLED = "disabled";
    public static final String STATE_INACTIVE = "inactive";

    /** A request that puts this client back as it is but in {@code newState} (a PUT replaces every field). */
    public OAuthClientRequest toRequest(String newState) {
        return new OAuthClientRequest(name, description, accessTokenValiditySeconds, authorizedGrantType,
                registeredRedirectUri, scope, roleDivisions, newState);
    }
}
