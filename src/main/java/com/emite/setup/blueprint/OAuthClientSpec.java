package com.emite.setup.blueprint;

import java.util.List;
import java.util.Optional;

/**
 * An OAuth client eMite needs.
 *
 * @param name                       exact client name, e.g. {@code emite_APIdata}
 * @param description                description to set (the guide leaves it blank)
 * @param purpose                    what eMite uses it for
 * @param optional                   whether the admin may leave it out (the WFM clients)
 * @param feature                    the feature an optional client belongs to, e.g. {@code wfm}
 * @param grantType                  the API grant type
 * @param grantTypeGuide             the guide's words for it ("Code Authorization", "Client Credentials")
 * @param accessTokenValiditySeconds token duration (the guide's 86400)
 * @param redirectUriTemplates       authorized redirect URIs with {@code {emiteCode}} and {@code {shortName}}
 * @param scopes                     scopes of a code client, in both wordings
 * @param roleDivisions              roles of a client-credentials client
 */
public record OAuthClientSpec(String name, String description, String purpose, boolean optional,
                              Optional<String> feature, GrantType grantType, String grantTypeGuide,
                              int accessTokenValiditySeconds, List<String> redirectUriTemplates,
                              List<ScopeSpec> scopes, List<RoleDivisionSpec> roleDivisions) {
    public OAuthClientSpec {
        redirectUriTemplates = List.copyOf(redirectUriTemplates);
        scopes = List.copyOf(scopes);
        roleDivisions = List.copyOf(roleDivisions);
    }

    /** The scopes as sent to the API. */
    public List<String> apiScopes() {
        return scopes.stream().map(ScopeSpec::api).toList();
    }

    /** The redirect URIs for an org. */
    public List<String> redirectUris(String emiteCode, String shortName) {
        return redirectUriTemplates.stream().map(t -> Blueprint.render(t, emiteCode, shortName)).toList();
    }
}
