package com.emite.setup.reliability;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.Journal;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.vault.VaultSaveFaults;
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
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The vault's folder turns read-only, or its disk fills up, in the middle of an apply: every save from a seeded one on
 * fails (the vault's own save sequence fails where such a folder or disk makes it fail, so the old file stays intact).
 * The run must stop there; once the admin fixed the folder, applying again must bring the org to a clean run's state
 * with no eMite name twice and every client's secret in the vault or reported (and reset). Tests run as root here, so
 * a folder's permissions cannot be used to make it read-only; the failure is made inside the vault's save instead.
 * The 10 seeds × 2 kinds are tagged {@code slow}; the default run keeps one of each.
 */
class VaultFailureMatrixTest {
    static final int SEEDS = Integer.getInteger("reliability.seeds", 10);

    @TempDir
    static Path dir;

    static Map<String, String> clean;
    static int cleanSaves;

    @BeforeAll
    static void cleanRun() throws Exception {
        try (EngineOrg ref = new EngineOrg(dir, "clean", Sandbox.start(FaultMatrixTest.base().build()), true)) {
            AtomicInteger saves = VaultSaveFaults.failFrom(ref.vault, Integer.MAX_VALUE, VaultSaveFaults.Kind.DISK_FULL);
            ApplyResult r = ref.apply(EngineOrg.WITH_WFM, ref.store);
            assertTrue(r.finished() && r.leftBlocked().isEmpty(), String.valueOf(r.error()));
            cleanSaves = saves.get();
            clean = OrgShape.of(ref.sandbox);
        }
    }

    @Test
    void readOnlyMidApply() throws Exception {
        run("sample", VaultSaveFaults.Kind.READ_ONLY, 3);
    }

    @Test
    void diskFullMidApply() throws Exception {
        run("sample", VaultSaveFaults.Kind.DISK_FULL, 6);
    }

    @Tag("slow")
    @TestFactory
    List<DynamicTest> everyKindEverySeed() {
        List<DynamicTest> tests = new ArrayList<>();
        for (VaultSaveFaults.Kind kind : VaultSaveFaults.Kind.values()) {
            for (long seed = 1; seed <= SEEDS; seed++) {
                long sd = seed;
                tests.add(DynamicTest.dynamicTest(kind + " seed " + seed, () -> run("matrix", kind, sd)));
            }
        }
        return tests;
    }

    void run(String name, VaultSaveFaults.Kind kind, long seed) throws Exception {
        int failAt = 1 + new Random(seed * 104729 + kind.ordinal()).nextInt(Math.max(1, cleanSaves));
        try (EngineOrg org = new EngineOrg(dir, name + "-" + kind + "-" + seed,
                Sandbox.start(FaultMatrixTest.base().build()), true)) {
            VaultSaveFaults.failFrom(org.vault, failAt, kind);
            String first;
            try {
                ApplyResult r = org.apply(EngineOrg.WITH_WFM, org.store);
                first = r.status().toString();
                assertNotEquals(Journal.RunStatus.FINISHED, r.status(), "a run whose saves fail must stop");
            } catch (RuntimeException e) {
                first = "stopped: " + e.getMessage();
            }
            VaultSaveFaults.clear(org.vault); // the admin fixed the folder and runs apply again
            org.reopen();
            EngineOrg.Converged c = org.converge();
            List<String> duplicates = OrgShape.duplicates(org.sandbox);
            boolean same = clean.equals(OrgShape.of(org.sandbox));
            int lost = org.secretsLost();
            System.out.printf("[vault-matrix] %s seed %d: saves fail from save %d of %d; first apply %s; "
                            + "%d more applies (finished %s); reported and reset %s; duplicates %s; same as clean %s; "
                            + "secrets lost %d%n", kind, seed, failAt, cleanSaves,
                    first.length() > 120 ? first.substring(0, 120) + "…" : first, c.applies(), c.finished(),
                    c.reported(), duplicates, same, lost);
            assertTrue(c.finished(), kind + " seed " + seed + ": no clean finish");
            assertEquals(List.of(), duplicates);
            assertTrue(same, kind + " seed " + seed + ": the org differs from a clean run's");
            assertEquals(0, lost, "secrets lost");
        }
    }
}
