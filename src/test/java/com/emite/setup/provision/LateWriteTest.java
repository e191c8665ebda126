package com.emite.setup.provision;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create that got no answer but that the org still does later (issue 15, the late-write race), in memory: the next
 * apply, started at once, must wait out the org's late-write window and find it instead of creating it again.
 */
@ConcurrentMethods
class LateWriteTest {
    final Needs needs = BlueprintNeeds.standard();
    final Environment env = Environment.of(RegionCatalog.standard().byGenesysRegionId("us-east-1").orElseThrow());
    final MemoryOrgApi org = new MemoryOrgApi();
    final MemoryRunStore store = new MemoryRunStore();
    final String firstGroup = needs.groups().get(0).name();

    ApplyResult apply(ProgressListener listener) {
        Plan plan = new Planner(org, needs, env, store, null, null).plan(Choices.defaults());
        return new Executor(org, store, listener, null, Duration.ofSeconds(5)).apply(plan);
    }

    long named(String name) {
        return org.groups().stream().filter(g -> g.name().equals(name)).count();
    }

    @Test
    void aLateCreateIsWaitedForAndFoundByTheNextApplyNotMadeTwice() {
        org.lateWriteWindow = Duration.ofMillis(800);
        org.lateGroupCreateMillis = 300;
        ApplyResult first = apply(null);
        assertEquals(Journal.RunStatus.FAILED, first.status(), "the create got no answer");
        assertNotNull(Journal.parse(store.loadJournal()).run.steps.get(ItemKind.GROUP.name() + ":" + firstGroup)
                .unanswered, "the journal keeps when the unanswered create was sent, for the next run");
        assertEquals(0, named(firstGroup), "not done yet: the org does it 300 ms later");

        List<ProgressListener.Wait> waits = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void waiting(Wait reason, Duration howLong) {
                waits.add(reason);
            }
        };
        long start = System.nanoTime();
        ApplyResult second = apply(listener);
        assertTrue(second.finished(), second.error());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "it waited for the window");
        assertEquals(1, waits.stream().filter(w -> w == ProgressListener.Wait.LATE_WRITE).count(), waits.toString());
        assertEquals(1, named(firstGroup), "found, not created again");
        assertTrue(second.outcomes().stream().anyMatch(o -> o.item().target().equals(firstGroup)
                && o.message().contains("got no answer, but Genesys Cloud did it")), second.outcomes().toString());
        for (Needs.GroupNeed g : needs.groups()) {
            assertEquals(1, named(g.name()), g.name());
        }
        assertNull(Journal.parse(store.loadJournal()).unansweredWriteAt(ItemKind.GROUP.name() + ":" + firstGroup));
    }

    @Test
    void aCreateThatNeverLandsIsMadeOnceTheWindowHasPassed() {
        org.lateWriteWindow = Duration.ofMillis(300);
        org.lateGroupCreateMillis = 60_000; // never within the test: the org lost it
        assertEquals(Journal.RunStatus.FAILED, apply(null).status());
        ApplyResult second = apply(null);
        assertTrue(second.finished(), second.error());
        assertEquals(1, named(firstGroup));
        assertTrue(second.outcomes().stream().anyMatch(o -> o.item().target().equals(firstGroup)
                && o.message().startsWith("created")), second.outcomes().toString());
    }

    @Test
    void aCreateThatWasAnsweredLeavesNothingToWaitFor() {
        org.lateWriteWindow = Duration.ofMinutes(10);
        List<ProgressListener.Wait> waits = new ArrayList<>();
        ApplyResult r = apply(new ProgressListener() {
            @Override
            public void waiting(Wait reason, Duration howLong) {
                waits.add(reason);
            }
        });
        assertTrue(r.finished(), r.error());
        assertTrue(!waits.contains(ProgressListener.Wait.LATE_WRITE), waits.toString());
        Journal j = Journal.parse(store.loadJournal());
        assertTrue(j.lastRun().steps().keySet().stream().allMatch(k -> j.unansweredWriteAt(k) == null));
    }
}
