package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.sandbox.SandboxStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancel, failure half-way, and the next apply continuing where the last one stopped. */
class ProvisionResumeTest {
    @TempDir
    Path dir;

    @Test
    void aCancelledApplyStopsAfterTheCurrentRequestAndTheNextOneFinishesWithoutRepeatingAnything()
            throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            Plan plan = org.plan(Choices.defaults());
            int clean = plan.writeCount();
            CancellationToken token = new CancellationToken();
            List<String> progress = new ArrayList<>();
            ProgressListener cancelAfterFive = new ProgressListener() {
                @Override
                public void progress(long done, long total) {
                    progress.add(done + "/" + total);
                    if (done == 5) {
                        token.cancel();
                    }
                }
            };
            SandboxStats before = org.stats();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            ApplyResult first;
            try {
                Executor executor = new Executor(org.api, org.store, cancelAfterFive, token, null);
                first = CompletableFuture.supplyAsync(() -> executor.apply(plan), pool).get(30, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(Journal.RunStatus.CANCELLED, first.status());
            assertEquals(5, org.stats().writes() - before.writes(), "stopped right after the 5th write");
            Journal journal = Journal.parse(org.store.loadJournal());
            assertEquals(Journal.RunStatus.CANCELLED, journal.lastRun().status());
            assertTrue(journal.lastRun().steps().values().stream()
                    .allMatch(s -> s.status() == Journal.StepStatus.DONE), "no step left half-done");
            assertEquals(List.of("0/" + clean, "1/" + clean), progress.subList(0, 2));

            Plan next = org.plan(Choices.defaults());
            assertNotNull(next.resumeNote());
            assertTrue(next.resumeNote().contains("was cancelled"), next.resumeNote());
            ApplyResult second = org.apply(next, null, null);
            assertTrue(second.finished(), second::error);
            assertEquals(clean, org.stats().writes() - before.writes(), "the two runs together write what one does");
            ProvisionEngineTest.checkOrgIsSetUp(org, second);
            assertNull(Journal.parse(org.store.loadJournal()).interruptedRun());
        }
    }

    @Test
    void aClientWhoseSecretNeverReachedTheVaultIsReportedAndNotCreatedAgain() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            // The vault cannot be written right after emite_APIdata is created: what a kill at that moment leaves.
            RunStore failing = new RunStore() {
                @Override
                public String loadJournal() {
                    return org.store.loadJournal();
                }

                @Override
                public StoredSecret client(String name) {
                    return org.store.client(name);
                }

                @Override
                public void saveJournal(String json) {
                    org.store.saveJournal(json);
                }

                @Override
                public void saveClientAndJournal(String name, String clientId, Secret secret, String json) {
                    if (name.equals("emite_APIdata")) {
                        throw new ProvisionException("disk full");
                    }
                    org.store.saveClientAndJournal(name, clientId, secret, json);
                }

                @Override
                public void forgetClientAndSaveJournal(String name, String json) {
                    org.store.forgetClientAndSaveJournal(name, json);
                }
            };
            Plan plan = org.plan(Choices.defaults());
            ApplyResult broken = new Executor(org.api, failing, null, null, null).apply(plan);
            assertEquals(Journal.RunStatus.FAILED, broken.status());
            assertTrue(broken.error().contains("disk full"));
            assertEquals(1, org.sandbox.inspect().clientIdsNamed("emite_APIdata").size());

            Plan next = org.plan(Choices.defaults());
            PlanItem secret = next.item(ItemKind.CLIENT_SECRET, "emite_APIdata");
            assertEquals(ItemState.SECRET_UNKNOWN, secret.state());
            assertTrue(secret.blocker().reason().contains("stopped before its secret was saved"),
                    secret.blocker().reason());
            ApplyResult rest = org.apply(next, null, null);
            assertTrue(rest.finished());
            assertEquals(1, rest.leftBlocked().size());
            assertEquals(1, org.sandbox.inspect().clientIdsNamed("emite_APIdata").size(), "not created twice");

            TestOrg.settle();
            ApplyResult reset = org.apply(Choices.defaults().withResetUnknownSecrets(true));
            assertTrue(reset.leftBlocked().isEmpty());
            ProvisionEngineTest.checkOrgIsSetUp(org, reset);
        }
    }
}
