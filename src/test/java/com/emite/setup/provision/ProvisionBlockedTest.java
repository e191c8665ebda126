package com.emite.setup.provision;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.SandboxStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the org or the account lacks: blocked items, the preflight, unknown secrets, and choices. */
@ConcurrentMethods
class ProvisionBlockedTest {
    @TempDir
    Path dir;

    @Test
    void anOrgWithoutWfmGetsTheRoleWithoutWfmPermissionsAndEverythingElse() throws Exception {
        try (TestOrg org = TestOrg.start(dir, b -> b.wfm(false))) {
            Plan plan = org.plan(Choices.defaults());
            List<PlanItem> wfm = plan.items().stream().filter(i -> i.kind() == ItemKind.PERMISSION).toList();
            assertEquals(12, wfm.size());
            assertTrue(wfm.stream().allMatch(i -> i.state() == ItemState.BLOCKED && i.target().startsWith("wfm:")
                    && i.blocker().reason().contains("no WFM licence") && !i.blocker().required()));
            assertTrue(plan.requiredBlockers().isEmpty(), "WFM was not chosen: nothing required is blocked");
            ApplyResult r = org.apply(plan, null, null);
            assertTrue(r.finished());
            assertTrue(r.leftBlocked().isEmpty());
            String roleId = org.sandbox.inspect().roleIdsNamed("eMite Data Integration").get(0);
            assertEquals(29, org.sandbox.inspect().rolePermissions(roleId).size());
            ProvisionEngineTest.checkOrgIsSetUpExceptRolePermissions(org);

            // Asking for WFM on such an org: the WFM permissions block (exit code 2), the rest is in place.
            TestOrg.settle();
            Plan withWfm = org.plan(Choices.defaults().withWfm(true));
            assertEquals(12, withWfm.requiredBlockers().size());
            ApplyResult r2 = org.apply(withWfm, null, null);
            assertTrue(r2.finished());
            assertEquals(12, r2.leftBlocked().size());
            assertEquals(1, org.sandbox.inspect().clientIdsNamed("emite_WFMLookback").size());
        }
    }

    @Test
    void anOrgWithoutTheEmiteLicenceBlocksOnlyTheLicenceStep() throws Exception {
        try (TestOrg org = TestOrg.start(dir, b -> b.emiteLicence(false))) {
            Plan plan = org.plan(Choices.defaults());
            assertEquals(1, plan.requiredBlockers().size());
            PlanItem licence = plan.requiredBlockers().get(0);
            assertEquals(ItemKind.LICENCE_ROLE, licence.kind());
            assertTrue(licence.blocker().reason().contains("integration:emiteApps:view"));
            assertEquals(8, plan.readCalls(), "no licences to give: the users are not read");
            ApplyResult r = org.apply(plan, null, null);
            assertTrue(r.finished());
            assertEquals(List.of(licence), r.leftBlocked());
            ProvisionEngineTest.checkOrgIsSetUpExceptRolePermissions(org);
            assertTrue(org.sandbox.inspect().roleIdsNamed("eMite_Home").isEmpty());
        }
    }

    @Test
    void anAccountWithoutTheRightsIsStoppedBeforeAnyChange() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            GenesysClient admin = org.client;
            String reader = admin.createRole(new RoleRequest("Reader", "", List.of(
                    DomainPermissionPolicy.of("oauth", "client", List.of("view")),
                    DomainPermissionPolicy.of("authorization", "role", List.of("view")),
                    DomainPermissionPolicy.of("integrations", "integration", List.of("view")),
                    DomainPermissionPolicy.of("directory", "user", List.of("view"))))).id();
            admin.grantRoleToSubjects(reader, SubjectType.PC_OAUTH_CLIENT, List.of(org.sandbox.adminClientId()),
                    List.of("*"));
            TestOrg.settle();
            OAuthClient limited = admin.createOAuthClient(OAuthClientRequest.clientCredentials("limited", "",
                    3600, List.of(RoleDivision.inAllDivisions(reader))));
            TestOrg.settle();
            GenesysClient weak = GenesysClient.builder(org.sandbox.baseUrl(), org.sandbox.baseUrl()).unlimitedRate()
                    .build();
            weak.signInWithClientCredentials(limited.id(), limited.secret());
            Planner planner = new Planner(new GenesysOrgApi(weak), org.needs, org.environment, org.store, null,
                    null);
            Plan plan = planner.plan(Choices.defaults());
            List<String> lacking = plan.preflightProblems().stream().map(PlanItem::target).toList();
            assertTrue(lacking.containsAll(List.of("directory:group:add", "authorization:role:add",
                    "authorization:grant:add", "oauth:client:add", "integrations:integration:add")), lacking::toString);
            assertTrue(plan.preflightProblems().get(0).blocker().advice().contains("Master Admin"));
            SandboxStats before = org.stats();
            assertThrows(ProvisionException.class, () -> new Executor(new GenesysOrgApi(weak), org.store, null, null,
                    null).apply(plan));
            assertEquals(before.writes(), org.stats().writes(), "nothing changed");
        }
    }

    @Test
    void anExistingClientWhoseSecretIsUnknownIsResetOnlyWhenAsked() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            OAuthClient made = org.client.createOAuthClient(OAuthClientRequest.code("emite_SSO", "", 86400,
                    List.of("https://au-cloud.emite.com/emite/" + org.sandbox.orgShortName()
                            + "/Auth/OAuthPureCloud?org=" + org.sandbox.orgShortName()),
                    List.of("authorization:readonly", "groups:readonly", "integrations:readonly", "oauth:readonly",
                            "organization:readonly", "users:readonly")));
            Plan plan = org.plan(Choices.defaults());
            assertEquals(ItemState.PRESENT, plan.item(ItemKind.OAUTH_CLIENT, "emite_SSO").state());
            PlanItem secret = plan.item(ItemKind.CLIENT_SECRET, "emite_SSO");
            assertEquals(ItemState.SECRET_UNKNOWN, secret.state());
            ApplyResult r = org.apply(plan, null, null);
            assertTrue(r.finished());
            assertEquals(1, r.leftBlocked().size(), "the unknown secret is left for the admin to decide");
            assertEquals(1, org.sandbox.inspect().clientIdsNamed("emite_SSO").size(), "not created twice");

            TestOrg.settle();
            ApplyResult reset = org.apply(Choices.defaults().withResetUnknownSecrets(true));
            assertTrue(reset.finished());
            assertTrue(reset.leftBlocked().isEmpty());
            RunStore.StoredSecret kept = org.store.client("emite_SSO");
            assertNotNull(kept);
            assertEquals(made.id(), kept.clientId());
            assertFalse(kept.secret().equals(made.secret()), "a new secret");
            assertEquals(1, reset.calls().writes());
        }
    }

    @Test
    void chosenMembersAreAddedByEmailInBatchesAndOnlyOnce() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            List<User> users = org.client.listUsers("active", List.of()).limit(3).toList();
            Choices choices = Choices.defaults().withGroupMembers(Map.of(
                    "emite_Access", List.of(users.get(0).email(), users.get(1).email().toUpperCase()),
                    "emite_DashboardCreator", List.of(users.get(2).email(), "nobody@example.invalid")));
            Plan plan = org.plan(choices);
            assertEquals(1, plan.requiredBlockers().size());
            assertTrue(plan.requiredBlockers().get(0).blocker().reason().contains("nobody@example.invalid"));
            ApplyResult r = org.apply(plan, null, null);
            assertTrue(r.finished());
            String access = org.sandbox.inspect().groupIdsNamed("emite_Access").get(0);
            assertEquals(java.util.Set.of(users.get(0).id(), users.get(1).id()),
                    org.sandbox.inspect().groupMemberIds(access));
            TestOrg.settle();
            SandboxStats before = org.stats();
            Plan again = org.plan(choices);
            assertEquals(ItemState.PRESENT, again.item(ItemKind.GROUP_MEMBERS, "emite_Access").state());
            org.apply(again, null, null);
            assertEquals(before.writes(), org.stats().writes());
        }
    }

    @Test
    void onlyTheChosenDivisionsGetLicencesAndAnUnknownOneIsNamed() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            Plan plan = org.plan(Choices.defaults().withDivisions(Choices.parseDivisions("Home, Atlantis")));
            assertEquals(List.of("eMite_Home"), plan.items().stream()
                    .filter(i -> i.kind() == ItemKind.LICENCE_ROLE && i.state() == ItemState.MISSING)
                    .map(PlanItem::target).toList());
            assertEquals(1, plan.requiredBlockers().size());
            assertTrue(plan.requiredBlockers().get(0).blocker().reason().contains("\"Atlantis\""));
            assertTrue(org.apply(plan, null, null).finished());
            assertEquals(1, org.sandbox.inspect().roleIdsNamed("eMite_Home").size());
            assertTrue(org.sandbox.inspect().roleIdsNamed("eMite_Brazil").isEmpty());
        }
    }

    @Test
    void aRoleMissingPermissionsGetsThemBackAndKeepsItsOthers() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            assertTrue(org.apply(Choices.defaults()).finished());
            String roleId = org.sandbox.inspect().roleIdsNamed("eMite Data Integration").get(0);
            org.client.updateRole(roleId, new RoleRequest("eMite Data Integration", "", List.of(
                    DomainPermissionPolicy.of("analytics", "conversationDetail", List.of("view")),
                    DomainPermissionPolicy.of("presence", "presenceDefinition", List.of("view")))));
            TestOrg.settle();
            Plan plan = org.plan(Choices.defaults());
            PlanItem role = plan.item(ItemKind.ROLE, "eMite Data Integration");
            assertEquals(ItemState.DIFFERENT, role.state());
            assertTrue(role.differences().get(0).startsWith("lacks 40 permissions"));
            assertTrue(org.apply(plan, null, null).finished());
            assertTrue(org.sandbox.inspect().rolePermissions(roleId).contains("presence:presenceDefinition:view"));
            assertEquals(42, org.sandbox.inspect().rolePermissions(roleId).size());
        }
    }
}
