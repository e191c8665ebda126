package com.emite.setup.reliability;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Executor;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.Planner;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.VaultRunStore;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One admin's view of a sandbox org for the engine-level matrix rows: their own API client, vault and record of the
 * org, over a sandbox that may be shared with another admin. Drives Planner and Executor directly (in process, several
 * at once), and converges: plans and applies again, faults off, until the plan has nothing left to do.
 */
final class EngineOrg implements AutoCloseable {
    /** The choices of every matrix run: the whole setup, WFM included. */
    static final Choices WITH_WFM = Choices.defaults().withWfm(true);

    final Sandbox sandbox;
    final GenesysOrgApi api;
    Vault vault;
    VaultRunStore store;
    final Environment environment;
    private final boolean ownsSandbox;

    /** Waits of the applies for a late write (an unanswered create that the next apply let land first). */
    final java.util.concurrent.atomic.AtomicInteger lateWaits = new java.util.concurrent.atomic.AtomicInteger();

    EngineOrg(Path dir, String name, Sandbox sandbox, boolean ownsSandbox) throws Exception {
        this(dir, name, sandbox, ownsSandbox, null);
    }

    /** With the API client's read timeout ({@code null}: the client's default). */
    EngineOrg(Path dir, String name, Sandbox sandbox, boolean ownsSandbox, Duration readTimeout) throws Exception {
        this.sandbox = sandbox;
        this.ownsSandbox = ownsSandbox;
        var builder = GenesysClient.builder(sandbox.baseUrl(), sandbox.baseUrl()).unlimitedRate();
        GenesysClient client = (readTimeout == null ? builder : builder.readTimeout(readTimeout)).build();
        client.signInWithClientCredentials(sandbox.adminClientId(), sandbox.adminClientSecret());
        api = new GenesysOrgApi(client);
        vault = Vault.create(dir.resolve(name + Vault.EXTENSION), Secret.of(FaultMatrixTest.VAULT_PASSWORD),
                KdfParams.pbkdf2(1000));
        store = new VaultRunStore(vault, sandbox.orgId());
        environment = Environment.sandbox(URI.create(sandbox.baseUrl()),
                RegionCatalog.standard().byGenesysRegionId("ap-southeast-2"));
    }

    /**
     * Opens the vault again from its file, as the next process would: what only this process held in memory (a secret
     * whose save failed) is gone.
     */
    void reopen() throws Exception {
        java.nio.file.Path file = vault.file();
        vault.closeWithoutSaving();
        vault = Vault.open(file, Secret.of(FaultMatrixTest.VAULT_PASSWORD));
        store = new VaultRunStore(vault, sandbox.orgId());
    }

    Plan plan(Choices choices) {
        return new Planner(api, BlueprintNeeds.standard(), environment, store, null, null).plan(choices);
    }

    /** What a clean apply with WFM costs and leaves: the yardstick a matrix compares its faulty runs with. */
    record CleanRun(long requests, java.util.Map<String, String> shape) {
    }

    /** Applies with WFM on this (fault-free) org, asserts it finished, and returns its cost and the org it left. */
    CleanRun applyClean() {
        ApplyResult r = apply(WITH_WFM, store);
        org.junit.jupiter.api.Assertions.assertTrue(r.finished() && r.leftBlocked().isEmpty(),
                String.valueOf(r.error()));
        return new CleanRun(sandbox.stats().totalRequests(), OrgShape.of(sandbox));
    }

    ApplyResult apply(Choices choices, RunStore through) {
        ProgressListener waits = new ProgressListener() {
            @Override
            public void waiting(Wait reason, Duration howLong) {
                if (reason == Wait.LATE_WRITE) {
                    lateWaits.incrementAndGet();
                }
            }
        };
        return new Executor(api, through, waits, null, Duration.ofSeconds(30)).apply(plan(choices));
    }

    /** How a run was brought to a clean finish. */
    record Converged(int applies, boolean finished, List<String> reported) {
    }

    /**
     * Plans and applies again (at most 5 applies) until the plan has nothing to do, nothing blocked and no secret
     * unknown: unknown secrets are reset (they count as reported) and second objects deleted (the admin's confirmed
     * clean-up), as the documented recovery says.
     */
    Converged converge() {
        Choices choices = WITH_WFM.withResetUnknownSecrets(true).withRemoveDuplicates(true);
        List<String> reported = new ArrayList<>();
        for (int applies = 0; applies < 5; applies++) {
            Plan plan = plan(choices);
            if (plan.toApply().isEmpty() && plan.requiredBlockers().isEmpty() && plan.unresolvedSecrets().isEmpty()) {
                return new Converged(applies, true, reported);
            }
            plan.items().stream().filter(i -> i.state() == ItemState.SECRET_UNKNOWN).map(i -> i.target())
                    .forEach(reported::add);
            try {
                new Executor(api, store, null, null, Duration.ofSeconds(30)).apply(plan);
            } catch (RuntimeException e) {
                // a failed apply is tried again, like an admin would
            }
        }
        return new Converged(5, false, reported);
    }

    /** Clients of the org whose secret this vault lacks (or holds for another id), or that cannot sign in. */
    int secretsLost() {
        int lost = 0;
        for (String c : OrgShape.CLIENTS) {
            for (String id : sandbox.inspect().clientIdsNamed(c)) {
                Optional<StoredClient> kept = vault.contents().org(sandbox.orgId()).client(c)
                        .filter(s -> s.clientId().equals(id) && s.secret() != null);
                if (kept.isEmpty()) {
                    lost++;
                } else if (!c.equals("emite_SSO")) {
                    GenesysClient.builder(sandbox.baseUrl(), sandbox.baseUrl()).unlimitedRate().build()
                            .signInWithClientCredentials(id, kept.get().secret());
                }
            }
        }
        return lost;
    }

    @Override
    public void close() throws Exception {
        vault.closeWithoutSaving();
        if (ownsSandbox) {
            sandbox.close();
        }
    }
}
