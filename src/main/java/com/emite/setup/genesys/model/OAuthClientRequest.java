package com.emite.setup.genesys.model;

import java.util.List;

/**
 * Body of {@code POST /api/v2/oauth/clients} and {@code PUT …/clients/{id}} (reference §10). {@code name} and
 * {@code authorizedGrantType} are required; a PUT is a full replacement, so send all fields.
 */
public record OAuthClientRequest(String name, String description, Long accessTokenValiditySeconds,
                                 String authorizedGrantType, List<String> registeredRedirectUri, List<String> scope,
                                 List<RoleDivision> roleDivisions, String state) {
    /** A client-credentials client with the given role/division pairs. */
    public static OAuthClientRequest clientCredentials(String name, String description, long tokenSeconds,
                                                       List<RoleDivision> roleDivisions) {
        return new OAuthClientRequest(name, description, tokenSeconds, OAuthClient.GRANT_CLIENT_CREDENTIALS, null,
                null, List.copyOf(roleDivisions), null);
    }

    /** A code-authorization client (SSO) with exact-match redirect URIs and scopes. */
    public static OAuthClientRequest code(String name, String description, long tokenSeconds,
                                          List<String> redirectUris, List<String> scopes) {
        return new OAuthClientRequest(name, description, tokenSeconds, OAuthClient.GRANT_CODE,
                List.copyOf(redirectUris), List.copyOf(scopes), null, null);
    }
}
