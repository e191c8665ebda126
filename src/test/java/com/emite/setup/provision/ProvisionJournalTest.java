package com.emite.setup.provision;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProvisionJournalTest {

    @Test
    void anUnfinishedStepOfAKilledRunIsVisibleToTheNextRunAndCarriedOverUntilSettled() {
        Journal j = Journal.empty();
        j.beginRun("admin");
        j.stepStarted("GROUP:emite_Access", "create");
        j.stepDone("GROUP:emite_Access", "g1", "created");
        j.stepStarted("OAUTH_CLIENT:emite_SSO", "create");
        // killed here: the saved JSON is all that is left
        Journal after = Journal.parse(j.toJson());
        assertNotNull(after.interruptedRun());
        assertNull(after.unfinishedStep("GROUP:emite_Access"));
        assertEquals(Journal.StepStatus.STARTED, after.unfinishedStep("OAUTH_CLIENT:emite_SSO").status());

        after.beginRun("admin");
        after.stepStarted("ROLE:eMite Data Integration", "create");
        Journal again = Journal.parse(after.toJson());
        assertNotNull(again.unfinishedStep("OAUTH_CLIENT:emite_SSO"), "carried over while unsettled");

        again.beginRun("admin");
        again.settle("OAUTH_CLIENT:emite_SSO", "c1");
        again.endRun(Journal.RunStatus.FINISHED, null);
        assertNull(Journal.parse(again.toJson()).interruptedRun());
    }

    @Test
    void changesAreKeptPerRunAndAnUnreadableJournalStartsAfresh() {
        Journal j = Journal.empty();
        Journal.Run r = j.beginRun("admin (user)");
        j.addChange("created", ItemKind.GROUP, "emite_Access", "g1", null);
        j.endRun(Journal.RunStatus.FINISHED, null);
        j.beginRun("admin (user)");
        j.addChange("granted", ItemKind.LICENCE_GRANTS, "eMite_Home", "r1", "to 3 agents");
        Journal back = Journal.parse(j.toJson());
        assertEquals(2, back.changes().size());
        assertEquals(1, back.changesOf(r.runId()).size());
        assertEquals("admin (user)", back.changes().get(0).account());
        assertNull(Journal.parse("{not json").lastRun());
        assertNull(Journal.parse(null).lastRun());
    }
}
