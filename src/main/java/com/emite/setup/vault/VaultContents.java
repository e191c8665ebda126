package com.emite.setup.vault;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The decrypted, in-memory model of a vault: one {@link OrgRecord} per Genesys Cloud org, keyed by org id. Mutable;
 * changes reach the disk on {@link Vault#save()}. Thread-safe (one monitor for the whole model).
 *
 * <p>When the vault is locked or closed this object is detached: its data is dropped and every method throws
 * {@link IllegalStateException}, so a stale reference can neither read secrets nor silently lose writes.
 */
public final class VaultContents {
    private final Map<String, OrgRecord> orgs = new LinkedHashMap<>();
    private boolean detached;

    VaultContents() {
    }

    /** The record for {@code orgId}, created empty if absent. */
    public synchronized OrgRecord org(String orgId) {
        Objects.requireNonNull(orgId, "orgId");
        checkAttached();
        return orgs.computeIfAbsent(orgId, id -> new OrgRecord(this, id));
    }

    /** The record for {@code orgId} if present. */
    public synchronized Optional<OrgRecord> findOrg(String orgId) {
        checkAttached();
        return Optional.ofNullable(orgs.get(orgId));
    }

    /** A copy of all records, in insertion order. */
    public synchronized List<OrgRecord> orgs() {
        checkAttached();
        return List.copyOf(new ArrayList<>(orgs.values()));
    }

    public synchronized boolean removeOrg(String orgId) {
        checkAttached();
        OrgRecord r = orgs.remove(orgId);
        if (r != null) {
            r.clear();
        }
        return r != null;
    }

    synchronized void checkAttached() {
        if (detached) {
            throw new IllegalStateException("The vault is locked; unlock it again to use its contents.");
        }
    }

    synchronized boolean isDetached() {
        return detached;
    }

    synchronized void detach() {
        for (OrgRecord r : orgs.values()) {
            r.clear();
        }
        orgs.clear();
        detached = true;
    }

    @Override
    public synchronized String toString() {
        if (detached) {
            return "VaultContents[locked]";
        }
        int clients = 0;
        for (OrgRecord r : orgs.values()) {
            clients += r.clients().size();
        }
        return "VaultContents[orgs=" + orgs.keySet() + ", clients=" + clients + "]";
    }
}
