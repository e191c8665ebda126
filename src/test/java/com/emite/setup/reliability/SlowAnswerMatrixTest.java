package com.emite.setup.reliability;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Executor;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.Planner;
import com.emite.setup.provision.VaultRunStore;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxFaults;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Slow answers past the client's timeout, which the command line cannot shorten yet (60 s; issue 15 item 6): the
 * engine is driven through Planner and Executor with a client whose read timeout is 600 ms, and the sandbox answers
 * 900 ms late from a seeded request on, for two requests' time. A late write is still done by the server after the
 * client gave up, so this is the nastiest case of "answer lost". Same checks as {@link FaultMatrixTest}.
 *
 * <p>Disabled because it fails today, and the fix is the engine's: with the next apply started at once (as "Try
 * again" or a rerun does) while the late write is still being processed, 3 of 10 seeds end with a duplicate client
 * or app (clients with a secret nobody saw, not reported), and apply says it finished (5 of 10 before the engine's
 * look-up before each create). When the late write has landed before the next apply (1.5 s later), 10 of 10 end as a
 * clean run. Issue 15 item 1 (look the name up again
 * right before each create; a second eMite-named object is drift) and item 6 (deadlines) address it. Run it with
 * {@code mvn -B -o -Pslow test -Dtest=SlowAnswerMatrixTest
 * -Djunit.jupiter.conditions.deactivate=org.junit.*DisabledCondition}.
 */
@Tag("slow")
@Disabled("fails today: an immediate re-apply races a write the server finishes after the client's timeout "
        + "(3/10 seeds duplicate); engine fix, issue 15 items 1 and 6; see docs/RELIABILITY.md")
class SlowAnswerMatrixTest {
    static final int SEEDS = Integer.getInteger("reliability.seeds", 10);
    static final Duration READ_TIMEOUT = Duration.ofMillis(600);
    static final int SLOW_MS = 900;
    static final Choices WITH_WFM = new Choices(true, List.of(), Map.of(), false);

    @TempDir
    static Path dir;

    static Map<String, String> clean;
    static long cleanRequests;

    @BeforeAll
    static void cleanRun() throws Exception {
        try (Run ref = new Run("clean")) {
            ApplyResult r = ref.apply(WITH_WFM);
            assertTrue(r.finished() && r.leftBlocked().isEmpty(), String.valueOf(r.error()));
            cleanRequests = ref.sandbox.stats().totalRequests();
            clean = OrgShape.of(ref.sandbox);
        }
    }

    @TestFactory
    Stream<DynamicTest> slowAnswersPastTheTimeout() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            long sd = seed;
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> run(sd)));
        }
        return tests.stream();
    }

    void run(long seed) throws Exception {
        long at = 2 + new Random(seed * 977).nextInt((int) Math.max(1, cleanRequests * 8 / 10));
        try (Run org = new Run("slow-" + seed)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicBoolean hit = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                // Arm once the apply has made `at` requests; disarm after two more arrived (the late one and its
                // retry, or the next step), or when the apply has ended.
                while (!done.get() && org.sandbox.stats().totalRequests() < at) {
                    Thread.onSpinWait();
                }
                if (done.get()) {
                    return;
                }
                org.sandbox.faults(SandboxFaults.slow(SLOW_MS));
                hit.set(true);
                long armedAt = org.sandbox.stats().totalRequests();
                while (!done.get() && org.sandbox.stats().totalRequests() < armedAt + 2) {
                    Thread.onSpinWait();
                }
                org.sandbox.faults(SandboxFaults.NONE);
            }, "slow-fault-" + seed);
            watcher.start();
            ApplyResult first;
            try {
                first = org.apply(WITH_WFM);
            } catch (RuntimeException e) {
                first = null;
            } finally {
                done.set(true);
                watcher.join();
                org.sandbox.faults(SandboxFaults.NONE);
            }
            // Apply again until finished; reset a secret the run reports as unknown.
            int applies = 1;
            List<String> reported = new ArrayList<>();
            ApplyResult last = first;
            while ((last == null || !last.finished() || !last.leftBlocked().isEmpty()) && applies < 5) {
                boolean reset = last != null && last.finished() && !last.plan().unresolvedSecrets().isEmpty();
                if (reset) {
                    last.plan().unresolvedSecrets().stream().map(PlanItem::target).forEach(reported::add);
                }
                try {
                    last = org.apply(new Choices(true, List.of(), Map.of(), reset));
                } catch (RuntimeException e) {
                    last = null;
                }
                applies++;
            }
            boolean finished = last != null && last.finished() && last.leftBlocked().isEmpty();
            List<String> duplicates = OrgShape.duplicates(org.sandbox);
            boolean same = clean.equals(OrgShape.of(org.sandbox));
            int lost = 0;
            for (String c : OrgShape.CLIENTS) {
                for (String id : org.sandbox.inspect().clientIdsNamed(c)) {
                    Optional<StoredClient> kept = org.vault.contents().org(org.sandbox.orgId()).client(c)
                            .filter(s -> s.clientId().equals(id) && s.secret() != null);
                    if (kept.isEmpty()) {
                        lost++;
                    }
                }
            }
            System.out.printf("[slow-matrix] seed %d: %d ms late from request %d%s; first apply %s; %d applies; "
                            + "finished %s; same as clean %s; duplicates %s; secrets lost %d; reported and reset %s%n",
                    seed, SLOW_MS, at, hit.get() ? "" : " (not hit)",
                    first == null ? "threw" : first.finished() ? "finished" : first.status(), applies, finished, same,
                    duplicates, lost, reported);
            assertTrue(finished, "seed " + seed + ": no clean finish after " + applies + " applies");
            assertEquals(List.of(), duplicates, "seed " + seed + ": duplicates");
            assertTrue(same, "seed " + seed + ": the org differs from a clean run's");
            assertEquals(0, lost, "secrets lost");
        }
    }

    /** A fresh org, a client with a short read timeout, a vault, and the engine over them. */
    static final class Run implements AutoCloseable {
        final Sandbox sandbox;
        final GenesysClient client;
        final GenesysOrgApi api;
        final Vault vault;
        final VaultRunStore store;
        final Environment environment;

        Run(String name) throws Exception {
            sandbox = Sandbox.start(FaultMatrixTest.base().build());
            client = GenesysClient.builder(sandbox.baseUrl(), sandbox.baseUrl()).unlimitedRate()
                    .readTimeout(READ_TIMEOUT).build();
            client.signInWithClientCredentials(sandbox.adminClientId(), sandbox.adminClientSecret());
            api = new GenesysOrgApi(client);
            vault = Vault.create(dir.resolve(name + Vault.EXTENSION), Secret.of(FaultMatrixTest.VAULT_PASSWORD),
                    KdfParams.pbkdf2(1000));
            store = new VaultRunStore(vault, sandbox.orgId());
            environment = Environment.sandbox(URI.create(sandbox.baseUrl()),
                    RegionCatalog.standard().byGenesysRegionId("ap-southeast-2"));
        }

        ApplyResult apply(Choices choices) {
            Plan plan = new Planner(api, BlueprintNeeds.standard(), environment, store, null, null).plan(choices);
            return new Executor(api, store, null, null, Duration.ofSeconds(30)).apply(plan);
        }

        @Override
        public void close() throws Exception {
            vault.closeWithoutSaving();
            sandbox.close();
        }
    }
}
