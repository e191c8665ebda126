package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The engine's journal and client secrets for one org, in the vault ({@link OrgRecord}). Every save is the vault's
 * atomic, durable save: when it returns, the secret and the journal are on disk.
 */
public final class VaultRunStore implements RunStore {
    private final Vault vault;
    private final Supplier<String> orgIdSource;
    private String orgId;

    public VaultRunStore(Vault vault, String orgId) {
        this(vault, () -> orgId);
    }

    /** A store bound to the org on first use (the org id is read once the engine reads the organization). */
    public VaultRunStore(Vault vault, Supplier<String> orgId) {
        this.vault = vault;
        this.orgIdSource = orgId;
    }

    private synchronized String orgId() {
        if (orgId == null) {
            orgId = orgIdSource.get();
        }
        return orgId;
    }

    private OrgRecord org() {
        return vault.contents().org(orgId());
    }

    @Override
    public void describeOrg(String shortName, String region) {
        OrgRecord r = org();
        if (shortName != null) {
            r.setShortName(shortName);
        }
        if (region != null) {
            r.setRegion(region);
        }
    }

    @Override
    public String loadJournal() {
        return vault.contents().findOrg(orgId()).map(OrgRecord::journal).orElse(null);
    }

    @Override
    public StoredSecret client(String name) {
        Optional<OrgRecord> r = vault.contents().findOrg(orgId());
        if (r.isEmpty()) {
            return null;
        }
        Optional<StoredClient> c = r.get().client(name);
        if (c.isEmpty() || c.get().secretUnknown() || c.get().secret() == null) {
            return null;
        }
        StoredClient stored = c.get();
        return new StoredSecret(stored.name(), stored.clientId(), stored.secret(),
                stored.resetAt() != null ? stored.resetAt() : stored.createdAt());
    }

    @Override
    public void saveJournal(String json) {
        org().setJournal(json);
        save();
    }

    @Override
    public void saveClientAndJournal(String name, String clientId, Secret secret, String json) {
        OrgRecord r = org();
        Optional<StoredClient> old = r.client(name);
        Instant now = Instant.now();
        StoredClient c = old.isPresent() && old.get().clientId().equals(clientId)
                ? old.get().withResetSecret(secret, now)
                : StoredClient.of(name, clientId, secret, now);
        r.putClient(c);
        r.setJournal(json);
        save();
    }

    private void save() {
        try {
            vault.save();
        } catch (VaultException e) {
            throw new ProvisionException(e.getMessage() + " The run stopped here so that no secret is lost; fix it "
                    + "and run apply again.", e);
        }
    }
}
