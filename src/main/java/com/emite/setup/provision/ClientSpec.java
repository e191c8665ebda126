package com.emite.setup.provision;

import java.util.List;

/**
 * An OAuth client as eMite needs it.
 *
 * @param name          exact name, e.g. emite_APIdata
 * @param description   description ("" for none)
 * @param grantType     {@code CODE} or {@code CLIENT-CREDENTIALS}
 * @param tokenSeconds  access token validity
 * @param redirectUris  for CODE clients
 * @param scopes        for CODE clients
 * @param roleName      for client-credentials clients: the role given in all divisions; null for none
 * @param wfm           true for the optional WFM clients
 */
public record ClientSpec(String name, String description, String grantType, int tokenSeconds,
                         List<String> redirectUris, List<String> scopes, String roleName, boolean wfm) {
    public ClientSpec {
        redirectUris = List.copyOf(redirectUris);
        scopes = List.copyOf(scopes);
    }

    public boolean clientCredentials() {
        return "CLIENT-CREDENTIALS".equals(grantType);
    }
}
