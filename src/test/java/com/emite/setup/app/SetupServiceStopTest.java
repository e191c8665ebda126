package com.emite.setup.app;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.MemoryRunStore;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Stop after the current request and save", as every face asks on close, sign-out or lock (issue #15 item 3). */
class SetupServiceStopTest {
    @TempDir
    Path dir;

    @Test
    void stopAllEndsARunningApplyAfterTheRequestInFlightWithTheJournalSaved() throws Exception {
        SignInService signIn = new SignInService(SandboxConfig.builder().divisions(2).agents(20).unlimitedRate()
                .searchLagMs(0).grantLagMs(0).build());
        try (AutoCloseableConnection ac = new AutoCloseableConnection(signIn.demo())) {
            Connection c = ac.c;
            c.sandbox().orElseThrow().latencyMs(10);
            SetupService setup = new SetupService(dir);
            MemoryRunStore store = new MemoryRunStore();
            Plan plan = setup.plan(c, store, Choices.defaults(), null, new CancellationToken());
            CountDownLatch secondStep = new CountDownLatch(2);
            ProgressListener listener = new ProgressListener() {
                @Override
                public void stepStarted(PlanItem item) {
                    secondStep.countDown();
                }
            };
            CompletableFuture<ApplyResult> run = CompletableFuture.supplyAsync(
                    () -> setup.apply(c, store, plan, listener, new CancellationToken()));
            assertTrue(secondStep.await(30, TimeUnit.SECONDS));
            assertTrue(setup.busy());
            assertTrue(setup.stopAll(Duration.ofSeconds(30)), "the apply ended within the wait");
            assertFalse(setup.busy());
            ApplyResult r = run.get(5, TimeUnit.SECONDS);
            assertEquals(Journal.RunStatus.CANCELLED, r.status());
            Journal j = Journal.parse(store.loadJournal());
            assertEquals(Journal.RunStatus.CANCELLED, j.lastRun().status(), "the journal is saved");
            assertTrue(r.changes().size() >= 1 && r.changes().size() < plan.toApply().size(), r.changes().toString());
        }
    }

    private record AutoCloseableConnection(Connection c) implements AutoCloseable {
        @Override
        public void close() {
            c.close();
        }
    }
}
