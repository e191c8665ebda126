package com.emite.setup.reliability;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.Plan;
import com.emite.setup.sandbox.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Another run seems in progress" (issue 15): eMite objects made minutes ago that this vault does not know are named in
 * the plan; the objects of this vault's own runs (created, found, or whose answer was lost) are not.
 */
class OtherRunNoticeTest {
    @TempDir
    Path dir;

    @Test
    void objectsAnotherVaultMadeMinutesAgoAreNamedOwnOnesAreNot() throws Exception {
        try (Sandbox sandbox = Sandbox.start(FaultMatrixTest.base().build());
             EngineOrg a = new EngineOrg(dir, "a", sandbox, false);
             EngineOrg b = new EngineOrg(dir, "b", sandbox, false)) {
            assertNull(a.plan(EngineOrg.WITH_WFM).otherRunNote(), "a fresh org: nothing made by anyone");
            ApplyResult r = a.apply(EngineOrg.WITH_WFM, a.store);
            assertTrue(r.finished(), r.error());

            assertNull(a.plan(EngineOrg.WITH_WFM).otherRunNote(), "A's own objects are known to A's vault");
            Plan seenByB = b.plan(EngineOrg.WITH_WFM);
            String note = seenByB.otherRunNote();
            assertNotNull(note, "B's vault knows none of what A made a moment ago");
            assertTrue(note.startsWith("Another run seems to be in progress on this org"), note);
            assertTrue(note.contains("group emite_Access") && note.contains("OAuth client emite_APIdata"), note);
            assertTrue(note.contains("Wait until the other run has ended, then plan again"), note);
        }
    }
}
