package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.util.Objects;

/** The admin's own sign-in OAuth client (client credentials), kept only if the admin chose to remember it. */
public record AdminClient(String clientId, Secret secret) {
    public AdminClient {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "AdminClient[clientId=" + clientId + ", secret=••••••]";
    }
}
