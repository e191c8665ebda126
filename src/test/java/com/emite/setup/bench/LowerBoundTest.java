package com.emite.setup.bench;

import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Needs;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The lower bound's arithmetic on small made-up orgs (fast; the benchmark itself is tagged bench). */
class LowerBoundTest {
    private final Needs needs = BlueprintNeeds.standard();

    @Test
    void freshOrgReadsEverythingOnceAndWritesWhatIsMissingInFullBatches() {
        // Home with 1 user, A with 50 (one batch), B with 51 (two batches), C with none.
        MeasuredOrg fresh = new MeasuredOrg(102, List.of(new MeasuredOrg.Division("h", "Home", 1, 1, false),
                new MeasuredOrg.Division("a", "A", 50, 50, false), new MeasuredOrg.Division("b", "B", 51, 51, false),
                new MeasuredOrg.Division("c", "C", 0, 0, false)), 4, 3, 2, 1, 11, true, Set.of("Employee"), Set.of(),
                Set.of(), false, false, false);
        LowerBound.Result r = LowerBound.of(fresh, needs, true, true);
        // reads: org, own subject, catalog, roles, groups, divisions, clients, integrations, users ceil(102/100)=2
        assertEquals(10, r.reads());
        // writes: 3 groups, role, grant to caller, 5 clients, app 3, 4 licence roles, grants 1+1+2+0
        assertEquals(3 + 1 + 1 + 5 + 3 + 4 + 4, r.writes());
        assertEquals(10, LowerBound.of(fresh, needs, true, false).total(), "verify reads only");
        assertEquals(r.total() - 2, LowerBound.of(fresh, needs, false, true).total(), "without the WFM clients");
    }

    @Test
    void finishedOrgNeedsOnlyReadsPlusTheAppConfigAndDriftOnlyItsBatches() {
        Set<String> roles = Set.of("eMite Data Integration", "eMite_Home", "eMite_A");
        Set<String> groups = Set.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator");
        Set<String> clients = Set.of("emite_SSO", "emite_APIdata", "emite_RealtimeData", "emite_WFMLookback",
                "emite_WFMActivity");
        MeasuredOrg done = new MeasuredOrg(20_001, List.of(new MeasuredOrg.Division("h", "Home", 1, 0, true),
                new MeasuredOrg.Division("a", "A", 20_000, 0, true)), 6, 3, 7, 2, 11, true, roles, groups, clients,
                true, true, true);
        LowerBound.Result r = LowerBound.of(done, needs, true, true);
        assertEquals(0, r.writes());
        assertEquals(8 + 1 + 5 + 201, r.total(),
                "8 single reads + the app config + the 5 eMite clients in full + ceil(20001/100) user pages");
        MeasuredOrg drift = new MeasuredOrg(20_501, List.of(new MeasuredOrg.Division("h", "Home", 26, 25, true),
                new MeasuredOrg.Division("a", "A", 20_475, 475, true)), 6, 3, 7, 2, 11, true, roles, groups, clients,
                true, true, true);
        assertEquals(1 + 10, LowerBound.of(drift, needs, true, true).writes());
    }
}
