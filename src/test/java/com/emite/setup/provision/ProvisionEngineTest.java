package com.emite.setup.provision;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.sandbox.SandboxStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine against the sandbox over HTTP: plan, apply, apply again, verify, drift. */
@ConcurrentMethods
class ProvisionEngineTest {
    @TempDir
    Path dir;

    static final List<String> GROUPS = List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator");
    static final List<String> CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData");

    @Test
    void anEmptyOrgIsPlannedAppliedOnceAndThenLeftAlone() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            int divisions = org.sandbox.divisionIds().size();
            Plan plan = org.plan(Choices.defaults());

            // The plan: everything missing, nothing blocked, one read per collection.
            assertTrue(plan.preflightProblems().isEmpty());
            assertTrue(plan.requiredBlockers().isEmpty(), () -> plan.requiredBlockers().toString());
            for (String g : GROUPS) {
                assertEquals(ItemState.MISSING, plan.item(ItemKind.GROUP, g).state());
            }
            assertEquals(ItemState.MISSING, plan.item(ItemKind.ROLE, "eMite Data Integration").state());
            for (String c : CLIENTS) {
                assertEquals(ItemState.MISSING, plan.item(ItemKind.OAUTH_CLIENT, c).state());
            }
            assertEquals(41, plan.permissions().stream().filter(PermissionCheck::offered).count());
            assertEquals(divisions, plan.items().stream().filter(i -> i.kind() == ItemKind.LICENCE_ROLE
                    && i.state() == ItemState.MISSING).count());
            // organization, own grants, catalog, roles, groups, divisions, clients, integrations, users (the own
            // client id is known from the client-credentials sign-in: no token info)
            assertEquals(9, plan.readCalls());
            int expectedWrites = 3 + 1 + 1 + 3 + 3 + divisions + licenceGrantCalls(org);
            assertEquals(expectedWrites, plan.writeCount());

            SandboxStats before = org.stats();
            long clientWrites = org.client.stats().snapshot().writes();
            ApplyResult result = org.apply(plan, null, null);
            assertTrue(result.finished(), result::error);
            assertTrue(result.leftBlocked().isEmpty());
            assertEquals(expectedWrites, org.stats().writes() - before.writes(), "writes seen by the sandbox");
            assertEquals(expectedWrites, org.client.stats().snapshot().writes() - clientWrites, "writes sent");
            assertEquals(0, org.stats().tooManyRequests());

            checkOrgIsSetUp(org, result);

            // A second apply on the finished org: nothing to do, not a single write.
            TestOrg.settle();
            SandboxStats second = org.stats();
            long sentBefore = org.client.stats().snapshot().writes();
            ApplyResult again = org.apply(Choices.defaults());
            assertTrue(again.plan().inPlace(), () -> again.plan().drift().toString());
            assertTrue(again.plan().toApply().isEmpty());
            assertEquals(0, org.stats().writes() - second.writes(), "second apply writes");
            assertEquals(0, org.client.stats().snapshot().writes() - sentBefore);
            // Reads of the second apply: the plan's nine plus the app's configuration, less the organization (read
            // once per session; a new command line run reads it again: 10), plus each of the 3 eMite clients read in
            // full (the listing has no grant type).
            assertEquals(12, org.stats().reads() - second.reads(), () -> org.stats().perRoute().toString());
            assertTrue(again.changes().isEmpty());

            Plan report = org.planner(null, null).plan(Choices.defaults());
            assertTrue(report.drift().isEmpty() && report.requiredBlockers().isEmpty(),
                    () -> report.drift() + " " + report.requiredBlockers());
        }
    }

    @Test
    void agentsAddedLaterAreDriftThatApplyFixesWithBatchedGrants() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            TestOrg.settle();
            List<String> added = org.sandbox.addAgents(9);

            Plan drift = org.planner(null, null).plan(Choices.defaults());
            assertFalse(drift.drift().isEmpty());
            assertTrue(drift.drift().stream().allMatch(i -> i.kind() == ItemKind.LICENCE_GRANTS), drift::toString);
            int lacking = drift.drift().stream().mapToInt(i -> ((Action.GrantLicence) i.action()).userIds().size())
                    .sum();
            assertEquals(added.size(), lacking);

            SandboxStats before = org.stats();
            ApplyResult fix = org.apply(Choices.defaults());
            assertTrue(fix.finished());
            // One batched grant call per division that got new agents, nothing else.
            assertEquals(drift.drift().size(), org.stats().writes() - before.writes());
            assertEquals(drift.drift().size(), org.stats().count(
                    "POST /api/v2/authorization/roles/{roleId}") - before.count("POST /api/v2/authorization/roles/{roleId}"));
            TestOrg.settle();
            Plan after = org.planner(null, null).plan(Choices.defaults());
            assertTrue(after.drift().isEmpty() && after.requiredBlockers().isEmpty());
            for (String id : added) {
                assertTrue(org.sandbox.inspect().grantsOf(id).stream().anyMatch(g -> g.roleName().startsWith("eMite_")));
            }
        }
    }

    @Test
    void largeDivisionsAreGrantedInFullBatches() throws Exception {
        try (TestOrg org = TestOrg.start(dir, b -> b.divisions(1).agents(230))) {
            Plan plan = org.plan(Choices.defaults());
            int users = org.sandbox.inspect().activeUserIds().size();
            assertEquals(3, plan.readCalls() - 8, () -> "users are read 100 a page " + org.stats().perRoute());
            ApplyResult r = org.apply(plan, null, null);
            assertTrue(r.finished());
            long grantCalls = org.stats().count("POST /api/v2/authorization/roles/{roleId}");
            // own grant + per division ⌈n/50⌉
            assertEquals(1 + licenceGrantCalls(org), grantCalls);
            assertTrue(grantCalls - 1 <= (users + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL - 1)
                    / ApiContract.MAX_SUBJECTS_PER_GRANT_CALL + 2);
        }
    }

    @Test
    void thePerUserStrategyForComparisonGrantsOneAgentPerRequest() throws Exception {
        try (TestOrg org = TestOrg.start(dir, b -> b.divisions(1).agents(20))) {
            Choices perUser = Choices.defaults().withPerUserGrants(true);
            ApplyResult r = org.apply(perUser);
            assertTrue(r.finished());
            int users = org.sandbox.inspect().activeUserIds().size();
            assertEquals(users, org.stats().count(
                    "POST /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}"));
            TestOrg.settle();
            long writes = org.stats().writes();
            assertTrue(org.apply(perUser).plan().inPlace());
            assertEquals(writes, org.stats().writes());
        }
    }

    /** ⌈active users of the division / 50⌉ summed over divisions. */
    static int licenceGrantCalls(TestOrg org) {
        int calls = 0;
        for (String d : org.sandbox.divisionIds()) {
            int n = org.sandbox.inspect().activeUserIdsIn(d).size();
            calls += (n + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL - 1) / ApiContract.MAX_SUBJECTS_PER_GRANT_CALL;
        }
        return calls;
    }

    static void checkOrgIsSetUp(TestOrg org, ApplyResult result) {
        checkOrgIsSetUpExceptRolePermissions(org);
        SandboxInspector in = org.sandbox.inspect();
        String roleId = in.roleIdsNamed("eMite Data Integration").get(0);
        assertEquals(41, in.rolePermissions(roleId).size());
        for (String d : org.sandbox.divisionIds()) {
            Set<String> holders = in.activeUserIdsIn(d).stream().filter(u -> in.grantsOf(u).stream()
                    .anyMatch(g -> g.divisionId().equals(d) && g.roleName().startsWith("eMite_")))
                    .collect(Collectors.toSet());
            assertEquals(in.activeUserIdsIn(d).size(), holders.size(), "licensed agents in " + d);
        }
        assertEquals(result.ids().get("client:emite_APIdata"), in.clientIdsNamed("emite_APIdata").get(0));
    }

    /** Groups, role (granted to the admin client), clients with working secrets in the vault, the enabled app. */
    static void checkOrgIsSetUpExceptRolePermissions(TestOrg org) {
        SandboxInspector in = org.sandbox.inspect();
        for (String g : GROUPS) {
            assertEquals(1, in.groupIdsNamed(g).size(), g);
        }
        List<String> roles = in.roleIdsNamed("eMite Data Integration");
        assertEquals(1, roles.size());
        assertTrue(in.grantsOf(org.sandbox.adminClientId()).stream()
                .anyMatch(g -> g.roleId().equals(roles.get(0)) && g.divisionId().equals("*")));
        for (String c : CLIENTS) {
            List<String> ids = in.clientIdsNamed(c);
            assertEquals(1, ids.size(), c);
            RunStore.StoredSecret s = org.store.client(c);
            assertNotNull(s, c + " secret in the vault");
            assertEquals(ids.get(0), s.clientId());
            if (!c.equals("emite_SSO")) {
                GenesysClient probe = GenesysClient.builder(org.sandbox.baseUrl(), org.sandbox.baseUrl())
                        .unlimitedRate().build();
                probe.signInWithClientCredentials(s.clientId(), s.secret()); // the kept secret works
            }
        }
        List<String> apps = in.integrationIdsNamed("eMite Advanced Analytics");
        assertEquals(1, apps.size());
        Map<String, String> app = in.integration(apps.get(0));
        assertEquals("ENABLED", app.get("intendedState"));
        assertTrue(app.get("properties").contains(in.groupIdsNamed("emite_Access").get(0)));
        assertTrue(app.get("properties").contains("standalone"));
    }
}
