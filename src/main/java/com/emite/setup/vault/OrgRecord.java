package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the vault keeps for one Genesys Cloud org: its id, short name and region, the OAuth clients we made there
 * (keyed by client name), the admin's sign-in client if remembered, and the provisioning engine's journal (opaque
 * JSON that the engine owns; the vault only stores it).
 *
 * <p>Obtain through {@link VaultContents#org(String)}. Thread-safe (all records of one vault share one monitor).
 * After the vault is locked, every method throws {@link IllegalStateException}: the data was dropped.
 */
public final class OrgRecord {
    private final VaultContents owner;
    private final String orgId;
    private String shortName;
    private String region;
    private final Map<String, StoredClient> clients = new LinkedHashMap<>();
    private AdminClient adminClient;
    private String journal;

    OrgRecord(VaultContents owner, String orgId) {
        this.owner = owner;
        this.orgId = Objects.requireNonNull(orgId, "orgId");
    }

    public String orgId() {
        return orgId;
    }

    public String shortName() {
        synchronized (owner) {
            owner.checkAttached();
            return shortName;
        }
    }

    public OrgRecord setShortName(String shortName) {
        synchronized (owner) {
            owner.checkAttached();
            this.shortName = shortName;
            return this;
        }
    }

    /** Region identifier as the {@code region} package names it (e.g. "mypurecloud.com.au"). */
    public String region() {
        synchronized (owner) {
            owner.checkAttached();
            return region;
        }
    }

    public OrgRecord setRegion(String region) {
        synchronized (owner) {
            owner.checkAttached();
            this.region = region;
            return this;
        }
    }

    /** Adds or replaces the client with the same name. */
    public OrgRecord putClient(StoredClient client) {
        Objects.requireNonNull(client, "client");
        synchronized (owner) {
            owner.checkAttached();
            clients.put(client.name(), client);
            return this;
        }
    }

    public Optional<StoredClient> client(String name) {
        synchronized (owner) {
            owner.checkAttached();
            return Optional.ofNullable(clients.get(name));
        }
    }

    /** A copy, in insertion order. */
    public List<StoredClient> clients() {
        synchronized (owner) {
            owner.checkAttached();
            return List.copyOf(new ArrayList<>(clients.values()));
        }
    }

    public boolean removeClient(String name) {
        synchronized (owner) {
            owner.checkAttached();
            return clients.remove(name) != null;
        }
    }

    public Optional<AdminClient> adminClient() {
        synchronized (owner) {
            owner.checkAttached();
            return Optional.ofNullable(adminClient);
        }
    }

    /** Remember the admin's sign-in client (only when the admin asked to). */
    public OrgRecord rememberAdminClient(String clientId, Secret secret) {
        synchronized (owner) {
            owner.checkAttached();
            this.adminClient = new AdminClient(clientId, secret);
            return this;
        }
    }

    public OrgRecord forgetAdminClient() {
        synchronized (owner) {
            owner.checkAttached();
            this.adminClient = null;
            return this;
        }
    }

    /** The engine's journal (opaque JSON), or null if none. */
    public String journal() {
        synchronized (owner) {
            owner.checkAttached();
            return journal;
        }
    }

    public OrgRecord setJournal(String json) {
        synchronized (owner) {
            owner.checkAttached();
            this.journal = json;
            return this;
        }
    }

    void clear() {
        clients.clear();
        adminClient = null;
        journal = null;
        shortName = null;
        region = null;
    }

    @Override
    public String toString() {
        synchronized (owner) {
            if (owner.isDetached()) {
                return "OrgRecord[" + orgId + ", locked]";
            }
            return "OrgRecord[orgId=" + orgId + ", shortName=" + shortName + ", region=" + region + ", clients="
                    + clients.keySet() + ", adminClient=" + (adminClient == null ? "none" : adminClient.clientId())
                    + ", journal=" + (journal == null ? "none" : journal.length() + " chars") + "]";
        }
    }
}
