package com.emite.setup.provision;

import com.emite.setup.common.Secret;

import java.time.Instant;

/**
 * Where the engine keeps its journal and the client secrets of one org: the vault in the app, memory in unit tests.
 * Every save is durable when it returns (a run killed right after it loses nothing that was saved).
 */
public interface RunStore {

    /**
     * A client secret the store holds.
     *
     * @param issuedAt when Genesys issued it (the client's creation or its last reset), or null if not known
     */
    record StoredSecret(String name, String clientId, Secret secret, Instant issuedAt) {
        public StoredSecret(String name, String clientId, Secret secret) {
            this(name, clientId, secret, null);
        }
    }

    /** The journal saved last, or null. */
    String loadJournal();

    /** The secret kept for the client of this name, or null. */
    StoredSecret client(String name);

    /** Saves the journal durably. */
    void saveJournal(String json);

    /** Notes the org's short name and region beside its secrets (kept with the next save). */
    default void describeOrg(String shortName, String region) {
    }

    /** Saves a client's secret and the journal together, durably, in one write. */
    void saveClientAndJournal(String name, String clientId, Secret secret, String json);
}
