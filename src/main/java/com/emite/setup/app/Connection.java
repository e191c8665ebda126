package com.emite.setup.app;

import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.region.Environment;
import com.emite.setup.sandbox.Sandbox;

import java.util.Objects;
import java.util.Optional;

/**
 * One signed-in org: where (environment, and the sandbox when it is the demo), the API client, the engine's adapter
 * over it, and the org as read at sign-in. Not JavaFX; thread-safe as its parts are. {@link #close()} signs out and
 * stops the sandbox: it makes a request, so call it off the FX thread.
 */
public final class Connection {
    private final Environment environment;
    private final GenesysClient client;
    private final GenesysOrgApi api;
    private final Sandbox sandbox;
    private final OrgApi.OrgInfo org;
    private final String howSignedIn;
    private boolean staleVaultRecordRemoved;

    Connection(Environment environment, GenesysClient client, GenesysOrgApi api, Sandbox sandbox, OrgApi.OrgInfo org,
               String howSignedIn) {
        this.environment = Objects.requireNonNull(environment);
        this.client = Objects.requireNonNull(client);
        this.api = Objects.requireNonNull(api);
        this.sandbox = sandbox;
        this.org = Objects.requireNonNull(org);
        this.howSignedIn = howSignedIn;
    }

    public Environment environment() {
        return environment;
    }

    public GenesysClient client() {
        return client;
    }

    public GenesysOrgApi api() {
        return api;
    }

    /** The org: id, name and short name ({@code thirdPartyOrgName}). */
    public OrgApi.OrgInfo org() {
        return org;
    }

    /** E.g. "with the sandbox's admin client". */
    public String howSignedIn() {
        return howSignedIn;
    }

    public boolean isSandbox() {
        return sandbox != null;
    }

    /** The running sandbox of the offline demo. */
    public Optional<Sandbox> sandbox() {
        return Optional.ofNullable(sandbox);
    }

    /**
     * True the first time it is asked for a sandbox connection: a fresh sandbox has the same org id as the demo of
     * an earlier launch (the org is generated from a fixed seed), so its old vault record must be dropped once.
     */
    synchronized boolean takeStaleVaultRecordRemoval() {
        if (sandbox == null || staleVaultRecordRemoved) {
            return false;
        }
        staleVaultRecordRemoved = true;
        return true;
    }

    /**
     * Stops the sandbox without signing out (the command line: its token simply expires, and no request is spent on
     * a revocation).
     */
    public void closeKeepingToken() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** Signs out (best effort) and stops the sandbox. Makes a request: not on the FX thread. */
    public void close() {
        try {
            if (client.isSignedIn()) {
                client.logout();
            }
        } catch (GenesysApiException e) {
            // Signing out is a courtesy; the token is forgotten either way.
        } finally {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Connection[" + org.name() + " (" + org.shortName() + ") at " + environment + "]";
    }
}
