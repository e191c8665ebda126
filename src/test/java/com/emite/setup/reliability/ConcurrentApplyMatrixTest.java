package com.emite.setup.reliability;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.sandbox.Sandbox;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two admins apply on one org at the same time, each with their own vault and data folder (the vault lock cannot see
 * the other): admin B starts when admin A's apply has made a seeded number of requests. Then admin A brings the org to
 * a clean finish the documented way (plan, reset unknown secrets, confirm the clean-up of second objects). The org must
 * end equal to a clean run's, with no eMite name twice and every client's secret in A's vault (B's reset or deleted).
 * The 10 seeds are tagged {@code slow}; the default run keeps one where B starts in the middle of A's creates.
 */
class ConcurrentApplyMatrixTest {
    static final int SEEDS = Integer.getInteger("reliability.seeds", 10);
    static final long SAMPLE_SEED = 2;

    @TempDir
    static Path dir;

    static Map<String, String> clean;
    static long cleanRequests;

    @BeforeAll
    static void cleanRun() throws Exception {
        try (EngineOrg ref = new EngineOrg(dir, "clean", Sandbox.start(FaultMatrixTest.base().build()), true)) {
            EngineOrg.CleanRun c = ref.applyClean();
            cleanRequests = c.requests();
            clean = c.shape();
        }
    }

    @Test
    void twoAdminsApplyAtOnce() throws Exception {
        run("sample", SAMPLE_SEED);
    }

    @Tag("slow")
    @TestFactory
    List<DynamicTest> twoAdminsApplyAtOnceEverySeed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            long sd = seed;
            tests.add(DynamicTest.dynamicTest("seed " + seed, () -> run("concurrent", sd)));
        }
        return tests;
    }

    void run(String name, long seed) throws Exception {
        int startB = new Random(seed * 7919).nextInt((int) Math.max(1, cleanRequests * 9 / 10));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Sandbox sandbox = Sandbox.start(FaultMatrixTest.base().build());
             EngineOrg a = new EngineOrg(dir, name + "-a-" + seed, sandbox, false);
             EngineOrg b = new EngineOrg(dir, name + "-b-" + seed, sandbox, false)) {
            long base = sandbox.stats().totalRequests(); // the two sign-ins
            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> outcome(a), pool);
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> {
                while (sandbox.stats().totalRequests() < base + startB && !first.isDone()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(100_000); // a spin takes a core from the apply
                }
                return outcome(b);
            }, pool);
            String aOut = first.get();
            String bOut = second.get();
            List<String> afterBoth = OrgShape.duplicates(sandbox);
            EngineOrg.Converged c = a.converge();
            List<String> duplicates = OrgShape.duplicates(sandbox);
            boolean same = clean.equals(OrgShape.of(sandbox));
            int lost = a.secretsLost();
            System.out.printf("[concurrent-matrix] seed %d: B started after request %d; A %s; B %s; duplicates "
                            + "after both %s; A converged in %d applies (finished %s); reported and reset %s; "
                            + "duplicates %s; same as clean %s; secrets lost %d%n", seed, startB, aOut, bOut,
                    afterBoth, c.applies(), c.finished(), c.reported(), duplicates, same, lost);
            assertTrue(c.finished(), "seed " + seed + ": no clean finish");
            assertEquals(List.of(), duplicates, "seed " + seed + ": duplicates");
            assertTrue(same, "seed " + seed + ": the org differs from a clean run's");
            assertEquals(0, lost, "seed " + seed + ": secrets lost");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(EngineOrg org) {
        try {
            ApplyResult r = org.apply(EngineOrg.WITH_WFM, org.store);
            return r.status() + (r.leftBlocked().isEmpty() ? "" : " (" + r.leftBlocked().size() + " left)");
        } catch (RuntimeException e) {
            return "threw " + e.getClass().getSimpleName();
        }
    }
}
