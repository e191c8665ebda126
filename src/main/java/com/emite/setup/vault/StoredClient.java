package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth client this app created in a Genesys Cloud org, with the secret Genesys showed once.
 *
 * @param name          the client's display name in Genesys Cloud (unique per org here; the vault's key)
 * @param clientId      the OAuth client id
 * @param secret        the client secret; null only when {@code secretUnknown}
 * @param createdAt     when the client was created (or first recorded)
 * @param secretUnknown true when the client exists but we never saw its secret (e.g. created by hand, or a crash
 *                      between creation and saving): the engine must reset the secret to learn a new one
 * @param resetAt       when the secret was last reset by this app, or null
 */
public record StoredClient(String name, String clientId, Secret secret, Instant createdAt, boolean secretUnknown,
                           Instant resetAt) {
    public StoredClient {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(createdAt, "createdAt");
        if (name.isBlank()) {
            throw new IllegalArgumentException("client name is blank");
        }
        if (!secretUnknown) {
            Objects.requireNonNull(secret, "secret (secretUnknown true when it is not known)");
        } else if (secret != null) {
            throw new IllegalArgumentException("a client with an unknown secret cannot carry one");
        }
    }

    /** A client whose secret we hold. */
    public static StoredClient of(String name, String clientId, Secret secret, Instant createdAt) {
        return new StoredClient(name, clientId, secret, createdAt, false, null);
    }

    /** The same client after its secret was reset to {@code newSecret} at {@code when}. */
    public StoredClient withResetSecret(Secret newSecret, Instant when) {
        return new StoredClient(name, clientId, Objects.requireNonNull(newSecret), createdAt, false,
                Objects.requireNonNull(when));
    }

    @Override
    public String toString() {
        return "StoredClient[name=" + name + ", clientId=" + clientId + ", secret="
                + (secretUnknown ? "unknown" : "••••••") + ", createdAt=" + createdAt
                + (resetAt == null ? "" : ", resetAt=" + resetAt) + "]";
    }
}
