package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.GenesysClientBuilder;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxStats;
import com.emite.setup.testing.SettlingSandboxes;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.Vault;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * A sandbox org over real HTTP on loopback, the real API client signed in as the sandbox's admin client, and a real
 * vault (fast key derivation) in a temporary folder: what every engine test drives.
 */
final class TestOrg implements AutoCloseable {
    /** Search lag and grant lag of test orgs: short, but not zero, so the engine must cope with both. */
    static final int SEARCH_LAG_MS = 200;
    static final int GRANT_LAG_MS = 300;

    final Sandbox sandbox;
    final GenesysClient client;
    final GenesysOrgApi api;
    final Vault vault;
    final VaultRunStore store;
    final Needs needs = BlueprintNeeds.standard();
    final Environment environment;

    private TestOrg(Sandbox sandbox, Path vaultFile, okhttp3.OkHttpClient okHttp) throws Exception {
        this.sandbox = sandbox;
        OPEN.opened(sandbox);
        GenesysClientBuilder cb = GenesysClient.builder(sandbox.baseUrl(), sandbox.baseUrl()).unlimitedRate();
        if (okHttp != null) {
            cb.okHttpClient(okHttp);
        }
        this.client = cb.build();
        client.signInWithClientCredentials(sandbox.adminClientId(), sandbox.adminClientSecret());
        this.api = new GenesysOrgApi(client);
        this.vault = Vault.create(vaultFile, Secret.of("test-vault-Kx9#q2"), KdfParams.pbkdf2(1000));
        this.store = new VaultRunStore(vault, sandbox.orgId());
        this.environment = Environment.sandbox(URI.create(sandbox.baseUrl()),
                RegionCatalog.standard().byGenesysRegionId("ap-southeast-2"));
    }

    /** 3 divisions besides Home, 60 agents, no rate limit, short lags; {@code shape} may change any of it. */
    static TestOrg start(Path dir, UnaryOperator<SandboxConfig.Builder> shape) throws Exception {
        return start(dir, shape, null);
    }

    /** As {@link #start(Path, UnaryOperator)}, the client built on {@code okHttp} (e.g. one that records requests). */
    static TestOrg start(Path dir, UnaryOperator<SandboxConfig.Builder> shape, okhttp3.OkHttpClient okHttp)
            throws Exception {
        SandboxConfig.Builder b = SandboxConfig.builder().divisions(3).agents(60).unlimitedRate()
                .searchLagMs(SEARCH_LAG_MS).grantLagMs(GRANT_LAG_MS);
        return new TestOrg(Sandbox.start(shape.apply(b).build()), dir.resolve("test" + Vault.EXTENSION), okHttp);
    }

    static TestOrg start(Path dir) throws Exception {
        return start(dir, b -> b);
    }

    Planner planner(ProgressListener listener, CancellationToken token) {
        return new Planner(api, needs, environment, store, listener, token);
    }

    Plan plan(Choices choices) {
        return planner(null, null).plan(choices);
    }

    ApplyResult apply(Plan plan, ProgressListener listener, CancellationToken token) {
        return new Executor(api, store, listener, token, Duration.ofSeconds(30)).apply(plan);
    }

    /** Plan and apply in one go, as {@code apply --yes} does. */
    ApplyResult apply(Choices choices) {
        return apply(plan(choices), null, null);
    }

    SandboxStats stats() {
        return sandbox.stats();
    }

    /** The sandboxes of the open test orgs, each waited for only by the thread that opened it. */
    private static final SettlingSandboxes OPEN = new SettlingSandboxes();

    /**
     * Waits until the lags of the orgs this thread opened have passed (grants in force, users found by search): a
     * condition, not a sleep of the lag's length.
     */
    static void settle() throws InterruptedException {
        OPEN.settle();
    }

    @Override
    public void close() throws Exception {
        OPEN.closed(sandbox);
        vault.close();
        sandbox.close();
    }
}
