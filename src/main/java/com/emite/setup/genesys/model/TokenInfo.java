package com.emite.setup.genesys.model;

import com.google.gson.annotations.SerializedName;

import java.util.List;

/** {@code GET /api/v2/tokens/me} (reference §2.5). The wire name of the client really is {@code OAuthClient}. */
public record TokenInfo(NamedEntity organization, NamedEntity homeOrganization, List<String> authorizedScope,
                        Boolean clonedUser, @SerializedName("OAuthClient") OAuthClient oauthClient) {
}
