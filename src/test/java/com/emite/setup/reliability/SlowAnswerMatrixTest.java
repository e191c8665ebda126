package com.emite.setup.reliability;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxFaults;
import com.emite.setup.vault.StoredClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

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
 * Slow answers past the client's timeout: the engine is driven through Planner and Executor with a client whose read
 * timeout is 600 ms, and the sandbox answers 900 ms late from a seeded request on, for two requests' time. A late
 * write is still done by the server after the client gave up, so this is the nastiest case of "answer lost"; the
 * next apply starts at once (as "Try again" or a quick rerun does), while the late write may still be on its way.
 * Same checks as {@link FaultMatrixTest}. Before the late-write window (issue 15: an unanswered create is journalled
 * and the next create of it waits out the org's window, then looks again) 3 of 10 seeds ended with a duplicate.
 * <p>The full matrix ({@code -Dreliability.seeds}, default 10) is tagged {@code slow}; the default run keeps one
 * seed whose slow answer hits a create.
 */
@ConcurrentMethods
class SlowAnswerMatrixTest {
    static final int SEEDS = Integer.getInteger("reliability.seeds", 10);
    static final Duration READ_TIMEOUT = Duration.ofMillis(600);
    static final int SLOW_MS = 900;
    static final long SAMPLE_SEED = Long.getLong("reliability.sample", 4);
    static final Choices WITH_WFM = new Choices(true, List.of(), Map.of(), false);

    @TempDir
    static Path dir;

    static Map<String, String> clean;
    static long cleanRequests;

    @BeforeAll
    static void cleanRun() throws Exception {
        try (EngineOrg ref = newOrg("clean")) {
            EngineOrg.CleanRun c = ref.applyClean();
            cleanRequests = c.requests();
            clean = c.shape();
        }
    }

    /**
     * One seed of the matrix in the default run: its slow answer hits the create of an OAuth client, which Genesys
     * does 300 ms after the client gave up, while the next apply is already running.
     */
    @Test
    void aSlowAnswerOnACreateThenAnImmediateReapply() throws Exception {
        run("sample", SAMPLE_SEED);
    }

    /**
     * Deterministic: the first create gets no answer and Genesys does it 3 s later; the next apply starts at once,
     * so its plan cannot see it. It must wait out the window and find it (without the wait it made it twice).
     */
    @Test
    void aCreateDoneLateIsFoundByTheImmediateReapplyNotMadeTwice() throws Exception {
        try (EngineOrg org = newOrg("late-create")) {
            org.sandbox.faults(SandboxFaults.lateCreates(1, 3000));
            ApplyResult first = org.apply(WITH_WFM, org.store);
            assertEquals(Journal.RunStatus.FAILED, first.status(), "the create got no answer");
            ApplyResult second = org.apply(WITH_WFM, org.store);
            assertTrue(second.finished() && second.leftBlocked().isEmpty(), String.valueOf(second.error()));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (org.sandbox.lateCreatesPending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the late create is done by now or soon: judge the org after it
            }
            assertEquals(0, org.sandbox.lateCreatesPending());
            assertEquals(List.of(), OrgShape.duplicates(org.sandbox));
            assertEquals(1, org.lateWaits.get(), "the second apply waited for the late create");
            assertTrue(second.outcomes().stream().anyMatch(o -> o.message().contains("got no answer, but Genesys "
                    + "Cloud did it")), second.outcomes().toString());
            assertEquals(clean, OrgShape.of(org.sandbox));
        }
    }

    @Tag("slow")
    @TestFactory
    Stream<DynamicTest> slowAnswersPastTheTimeout() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            long sd = seed;
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> run("slow", sd)));
        }
        return tests.stream();
    }

    void run(String name, long seed) throws Exception {
        long at = 2 + new Random(seed * 977).nextInt((int) Math.max(1, cleanRequests * 8 / 10));
        try (EngineOrg org = newOrg(name + "-" + seed)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicBoolean hit = new AtomicBoolean();
            Thread watcher = new Thread(() -> {
                // Arm once the apply has made `at` requests; disarm after two more arrived (the late one and its
                // retry, or the next step), or when the apply has ended.
                while (!done.get() && org.sandbox.stats().totalRequests() < at) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a spin takes a core from the apply
                }
                if (done.get()) {
                    return;
                }
                org.sandbox.faults(SandboxFaults.slow(SLOW_MS));
                hit.set(true);
                long armedAt = org.sandbox.stats().totalRequests();
                while (!done.get() && org.sandbox.stats().totalRequests() < armedAt + 2) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a spin takes a core from the apply
                }
                org.sandbox.faults(SandboxFaults.NONE);
            }, "slow-fault-" + seed);
            watcher.start();
            ApplyResult first;
            try {
                first = org.apply(WITH_WFM, org.store);
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
                List<PlanItem> unknown = last == null || !last.finished() ? List.of() : last.leftBlocked().stream()
                        .filter(i -> i.state() == ItemState.SECRET_UNKNOWN).toList();
                boolean reset = !unknown.isEmpty();
                unknown.stream().map(PlanItem::target).forEach(reported::add);
                try {
                    last = org.apply(new Choices(true, List.of(), Map.of(), reset), org.store);
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
                            + "finished %s; same as clean %s; duplicates %s; secrets lost %d; reported and reset %s; "
                            + "late-write waits %d%n",
                    seed, SLOW_MS, at, hit.get() ? "" : " (not hit)",
                    first == null ? "threw" : first.finished() ? "finished" : first.status(), applies, finished, same,
                    duplicates, lost, reported, org.lateWaits.get());
            assertTrue(finished, "seed " + seed + ": no clean finish after " + applies + " applies");
            assertEquals(List.of(), duplicates, "seed " + seed + ": duplicates");
            assertTrue(same, "seed " + seed + ": the org differs from a clean run's");
            assertEquals(0, lost, "secrets lost");
        }
    }

    /** A fresh org of its own, a client with a short read timeout, a vault, and the engine over them. */
    static EngineOrg newOrg(String name) throws Exception {
        return new EngineOrg(dir, name, Sandbox.start(FaultMatrixTest.base().build()), true, READ_TIMEOUT);
    }
}
