package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.OAuthScope;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SubjectDivisionGrants;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxFaults;
import com.emite.setup.sandbox.SandboxStats;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every client call against the real sandbox over HTTP: users, groups, authorization, OAuth clients, integrations,
 * faults.
 */
@ConcurrentClass
class GenesysSandboxTest extends SandboxClientTest {
    // ---------------------------------------------------------------- users

    @Test
    void users() {
        long before = admin.stats().snapshot().calls();
        List<User> active = admin.listUsers(User.STATE_ACTIVE, List.of("authorization")).collect(Collectors.toList());
        assertEquals(sb.inspect().activeUserIds().size(), active.size());
        assertEquals((active.size() + 99) / 100, admin.stats().snapshot().calls() - before, "pages of 100");
        assertTrue(active.stream().anyMatch(u -> u.authorization() != null && u.authorization().roles() != null
                && !u.authorization().roles().isEmpty()));
        assertTrue(admin.listUsers(User.STATE_ANY, null).count() > active.size());

        List<String> ids = active.stream().map(User::id).limit(120).collect(Collectors.toList());
        before = admin.stats().snapshot().calls();
        assertEquals(Set.copyOf(ids), admin.getUsersByIds(ids, null).map(User::id).collect(Collectors.toSet()));
        assertEquals(2, admin.stats().snapshot().calls() - before);

        User someone = admin.getUser(ids.get(7));
        assertEquals(ids.get(7), someone.id());
        assertNotNull(someone.email());
        List<User> byMail = admin.findUsersByEmail(someone.email().toUpperCase());
        assertEquals(List.of(someone.id()), byMail.stream().map(User::id).collect(Collectors.toList()));
        assertTrue(TestCalls.of(admin).findUserByEmail("nobody@nowhere.example").isEmpty());
        assertThrows(NotFoundException.class, () -> admin.getUser(UUID.randomUUID().toString()));
    }

    // ---------------------------------------------------------------- groups

    @Test
    void groups() {
        String name = unique("emite_Access");
        Group g = admin.createGroup(GroupCreate.officialPublic(name));
        assertEquals(name, g.name());
        assertEquals(g.id(), admin.getGroup(g.id()).id());
        assertEquals(List.of(g.id()), TestCalls.of(admin).findGroupsByNameInListing(name).stream().map(Group::id)
                .collect(Collectors.toList()));
        assertEquals(List.of(g.id()), TestCalls.of(admin).findGroupsByName(name).stream().map(Group::id)
                .collect(Collectors.toList()));
        assertTrue(admin.listGroups().anyMatch(x -> x.id().equals(g.id())));

        Group described = TestCalls.of(admin).updateGroup(g.id(), u -> new com.emite.setup.genesys.model.GroupUpdate(u.version(),
                u.name(), "Users who may open eMite", null, u.visibility(), u.rulesVisible(), null));
        assertEquals("Users who may open eMite", described.description());

        List<String> members = sb.inspect().activeUserIds().stream().limit(120).collect(Collectors.toList());
        long before = admin.stats().snapshot().calls();
        TestCalls.of(admin).addGroupMembers(g.id(), members);
        assertEquals(6, admin.stats().snapshot().calls() - before, "GET + POST per batch of 50");
        assertEquals(Set.copyOf(members), sb.inspect().groupMemberIds(g.id()));
        assertEquals(120, admin.listGroupIndividuals(g.id()).count());

        int stale = described.version();
        assertThrows(ConflictException.class, () -> admin.addGroupMembers(g.id(), stale, members.subList(0, 1)));
        TestCalls.of(admin).addGroupMembers(g.id(), members.subList(0, 3)); // re-adding is harmless
        TestCalls.of(admin).deleteGroup(g.id());
        assertThrows(NotFoundException.class, () -> admin.getGroup(g.id()));
    }

    @Test
    void searchLagsButTheListingDoesNot() {
        try (Sandbox lagging = Sandbox.start(SandboxConfig.builder().divisions(1).agents(10).searchLagMs(60_000)
                .build())) {
            GenesysClient c = GenesysClient.forSingleBase(lagging.baseUrl());
            c.signInWithClientCredentials(lagging.adminClientId(), lagging.adminClientSecret());
            String name = unique("emite_DashboardViewer");
            Group g = c.createGroup(GroupCreate.officialPublic(name));
            assertTrue(TestCalls.of(c).findGroupsByName(name).isEmpty(), "search index lags");
            assertEquals(g.id(), TestCalls.of(c).findGroupsByNameInListing(name).get(0).id());
        }
    }

    // ---------------------------------------------------------------- roles, catalog, divisions, grants

    static List<DomainPermissionPolicy> emitePolicies() {
        return List.of(
                DomainPermissionPolicy.of("analytics", "conversationDetail", List.of("view")),
                DomainPermissionPolicy.of("analytics", "conversationProperties", List.of("*")),
                DomainPermissionPolicy.of("routing", "queue", List.of("view", "join", "search")),
                DomainPermissionPolicy.of("directory", "user", List.of("view")));
    }

    @Test
    void catalogAndRoles() {
        PermissionCatalog catalog = admin.getPermissionCatalog(List.of("analytics", "routing", "directory", "wfm",
                "integration"));
        for (String p : List.of("analytics:conversationDetail:view", "analytics:conversationProperties:*",
                "routing:queue:join", "wfm:agentSchedule:view", "integration:emiteApps:view")) {
            assertTrue(catalog.offers(p), p);
        }
        assertFalse(catalog.offers("analytics:noSuchThing:view"));
        assertFalse(catalog.offers("oauth:client:add"), "only the asked domains");
        assertTrue(admin.getPermissionCatalog(List.of()).permissions().size() > 300);

        String name = unique("eMite Data Integration");
        DomainOrganizationRole r = admin.createRole(new RoleRequest(name, "by test", emitePolicies()));
        assertEquals(name, r.name());
        assertEquals(List.of(r.id()), TestCalls.of(admin).findRolesByName(name).stream().map(DomainOrganizationRole::id)
                .collect(Collectors.toList()));
        assertTrue(admin.listRoles().anyMatch(x -> x.id().equals(r.id())));
        assertEquals(4, TestCalls.of(admin).getRole(r.id()).permissionPolicies().size());
        List<DomainPermissionPolicy> more = new ArrayList<>(emitePolicies());
        more.add(DomainPermissionPolicy.of("quality", "evaluation", List.of("view")));
        admin.updateRole(r.id(), new RoleRequest(name, "by test", more));
        assertTrue(sb.inspect().rolePermissions(r.id()).contains("quality:evaluation:view"));

        ConflictException dup = assertThrows(ConflictException.class,
                () -> admin.createRole(new RoleRequest(name, null, emitePolicies())));
        assertEquals(ApiContract.STATUS_DUPLICATE_ROLE_NAME, dup.status());
        BadRequestException unknown = assertThrows(BadRequestException.class, () -> admin.createRole(new RoleRequest(
                unique("bad"), null, List.of(DomainPermissionPolicy.of("analytics", "noSuchThing", List.of("view"))))));
        assertEquals(ApiContract.CODE_UNKNOWN_PERMISSION, unknown.code());
        TestCalls.of(admin).deleteRole(r.id());
        assertTrue(TestCalls.of(admin).findRolesByName(name).isEmpty());
    }

    @Test
    void divisionsAndGrants() {
        AuthzDivision home = TestCalls.of(admin).getHomeDivision();
        assertEquals(sb.homeDivisionId(), home.id());
        assertEquals(sb.divisionIds().size(), admin.listDivisions().count());

        DomainOrganizationRole role = admin.createRole(new RoleRequest(unique("eMite_Home"), null,
                List.of(DomainPermissionPolicy.of("integration", "emiteApps", List.of("view")))));
        admin.grantRole(sb.adminUserId(), SubjectType.PC_USER, home.id(), role.id());
        TestCalls.of(admin).bulkAddGrants(sb.adminUserId(), SubjectType.PC_USER, List.of(RoleDivision.inAllDivisions(role.id())));
        List<String> agents = sb.inspect().activeUserIdsIn(home.id()).stream().limit(60)
                .collect(Collectors.toList());
        long before = admin.stats().snapshot().calls();
        admin.grantRoleToSubjects(role.id(), SubjectType.PC_USER, agents, List.of(home.id()));
        assertEquals((agents.size() + 49) / 50, admin.stats().snapshot().calls() - before);

        AuthzSubject adminUser = admin.getSubject(sb.adminUserId());
        assertTrue(adminUser.holds(role.id(), home.id()));
        assertTrue(adminUser.holds(role.id(), "some-other-division"), "held in *");
        assertTrue(admin.getSubject(agents.get(0)).holds(role.id(), home.id()));
        List<SubjectDivisionGrants> holders = TestCalls.of(admin).listRoleSubjectGrants(role.id()).collect(Collectors.toList());
        assertTrue(holders.stream().anyMatch(h -> h.id().equals(sb.adminUserId())));
        Set<String> expected = new java.util.HashSet<>(agents);
        expected.add(sb.adminUserId());
        assertEquals(expected, holders.stream().map(SubjectDivisionGrants::id).collect(Collectors.toSet()));

        AuthzSubject me = admin.getMySubject(); // the admin OAuth client itself
        assertEquals(sb.adminClientId(), me.id());
        assertFalse(me.grants().isEmpty());
    }

    // ---------------------------------------------------------------- OAuth clients and scopes

    @Test
    void oauthClients() {
        DomainOrganizationRole role = admin.createRole(new RoleRequest(unique("eMite Data Integration"), null,
                emitePolicies()));
        // the rule: an OAuth client may only get roles its creator holds (Master Admin does not count)
        String name = unique("emite_APIdata");
        BadRequestException notHeld = assertThrows(BadRequestException.class, () -> admin.createOAuthClient(
                OAuthClientRequest.clientCredentials(name, null, 86400, List.of(RoleDivision.inAllDivisions(role.id())))));
        assertEquals(ApiContract.STATUS_ROLE_NOT_HELD, notHeld.status());
        admin.grantRole(sb.adminClientId(), SubjectType.PC_OAUTH_CLIENT, ApiContract.ALL_DIVISIONS, role.id());

        OAuthClient created = admin.createOAuthClient(OAuthClientRequest.clientCredentials(name, null, 86400,
                List.of(RoleDivision.inAllDivisions(role.id()))));
        assertNotNull(created.secret());
        assertEquals(OAuthClient.GRANT_CLIENT_CREDENTIALS, created.authorizedGrantType());
        OAuthClient read = admin.getOAuthClient(created.id());
        assertNull(read.secret(), "the secret is shown only once");
        assertEquals(List.of(created.id()), TestCalls.of(admin).findOAuthClientsByName(name).stream().map(OAuthClient::id)
                .collect(Collectors.toList()));
        assertTrue(admin.listOAuthClients().count() >= 3);

        GenesysClient asNew = GenesysClient.forSingleBase(sb.baseUrl());
        asNew.signInWithClientCredentials(created.id(), created.secret());
        assertEquals(sb.orgId(), asNew.getOrganization().id());

        OAuthClient reset = admin.resetOAuthClientSecret(created.id());
        assertNotNull(reset.secret());
        assertFalse(reset.secret().equals(created.secret()));
        GenesysClient withOld = GenesysClient.forSingleBase(sb.baseUrl());
        assertThrows(SignInException.class, () -> withOld.signInWithClientCredentials(created.id(), created.secret()));
        withOld.signInWithClientCredentials(created.id(), reset.secret());

        OAuthClientRequest described = new OAuthClientRequest(name, "Created by eMite setup tool",
                86400L, OAuthClient.GRANT_CLIENT_CREDENTIALS, null, null, read.roleDivisions(), null);
        assertEquals("Created by eMite setup tool", admin.updateOAuthClient(created.id(), described).description());

        OAuthClient sso = admin.createOAuthClient(OAuthClientRequest.code(unique("emite_SSO"), null, 86400,
                List.of("https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme"),
                List.of("users:readonly", "groups:readonly", "organization:readonly", "authorization:readonly")));
        assertEquals(OAuthClient.GRANT_CODE, sso.authorizedGrantType());
        assertNotNull(sso.secret());

        List<String> scopes = TestCalls.of(admin).listScopes().stream().map(OAuthScope::id).collect(Collectors.toList());
        assertTrue(scopes.contains("users:readonly") && !scopes.contains("user:readonly"), scopes.toString());

        BadRequestException active = assertThrows(BadRequestException.class,
                () -> TestCalls.of(admin).deleteOAuthClient(sso.id()));
        assertEquals("cannot.delete.client", active.code());
        OAuthClient ssoRead = admin.getOAuthClient(sso.id());
        admin.updateOAuthClient(sso.id(), ssoRead.toRequest(OAuthClient.STATE_INACTIVE));
        TestCalls.of(admin).deleteOAuthClient(sso.id());
        assertThrows(NotFoundException.class, () -> admin.getOAuthClient(sso.id()));
    }

    // ---------------------------------------------------------------- integrations

    @Test
    void clientAppIntegration() {
        assertTrue(TestCalls.of(admin).listIntegrationTypes().anyMatch(t -> t.id().equals(ApiContract.CLIENT_APP_TYPE_ID)));
        assertEquals(ApiContract.CLIENT_APP_TYPE_ID, admin.getIntegrationType(ApiContract.CLIENT_APP_TYPE_ID).id());

        Group access = admin.createGroup(GroupCreate.officialPublic(unique("emite_Access")));
        Integration created = admin.createIntegration("eMite", ApiContract.CLIENT_APP_TYPE_ID);
        assertEquals(ApiContract.NEW_INTEGRATION_STATE, created.intendedState());
        IntegrationConfiguration first = admin.getIntegrationConfig(created.id());
        assertEquals(1, first.version());

        String appName = unique("eMite Advanced Analytics");
        long before = admin.stats().snapshot().calls();
        IntegrationConfiguration saved = TestCalls.of(admin).updateIntegrationConfig(created.id(), c -> {
            JsonObject p = new JsonObject();
            p.addProperty("url", "https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme");
            p.addProperty("displayType", "standalone");
            p.addProperty("featureCategory", "");
            p.addProperty("sandbox", "allow-scripts,allow-same-origin,allow-forms,allow-modals,allow-popups,"
                    + "allow-downloads");
            p.addProperty("permissions", "clipboard-write,fullscreen");
            JsonArray groups = new JsonArray();
            groups.add(access.id());
            p.add(ApiContract.CLIENT_APP_GROUPS_PROPERTY, groups);
            return c.with(appName, p, new JsonObject(), "Created by eMite setup tool");
        });
        assertEquals(2, admin.stats().snapshot().calls() - before);
        assertEquals(2, saved.version());
        assertEquals(appName, TestCalls.of(admin).getIntegration(created.id()).name());
        assertEquals(List.of(created.id()), TestCalls.of(admin).findIntegrations(ApiContract.CLIENT_APP_TYPE_ID, appName).stream()
                .map(Integration::id).collect(Collectors.toList()));

        assertThrows(ConflictException.class, () -> admin.putIntegrationConfig(created.id(), first));

        Integration enabled = admin.setIntegrationState(created.id(), Integration.ENABLED);
        assertEquals(Integration.ENABLED, enabled.intendedState());
        assertEquals("ACTIVE", TestCalls.of(admin).getIntegration(created.id()).reportedState().code());
        assertTrue(admin.listIntegrations().anyMatch(i -> i.id().equals(created.id())));
        TestCalls.of(admin).deleteIntegration(created.id());
        assertThrows(NotFoundException.class, () -> TestCalls.of(admin).getIntegration(created.id()));
    }

    // ---------------------------------------------------------------- faults

    @Test
    void droppedConnectionsAndErrorBurstsOnReadsAreRidden() {
        sb.faults(SandboxFaults.dropConnections(2));
        assertEquals(sb.orgId(), admin.getOrganization().id());
        sb.faults(SandboxFaults.errorBurst(2, 503));
        assertEquals(sb.divisionIds().size(), admin.listDivisions().count());
        CallStats.Snapshot s = admin.stats().snapshot();
        assertEquals(4, s.retried());
        assertEquals(2, s.networkErrors());
        assertEquals(2, s.serverErrors());
    }

    @Test
    void aCreateIsNeverRepeatedAndCanBeLookedUp() {
        String name = unique("emite_DashboardCreator");
        sb.resetStats();
        sb.faults(SandboxFaults.dropConnections(1));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> admin.createGroup(GroupCreate.officialPublic(name)));
        assertEquals(GenesysApiException.Kind.OUTCOME_UNKNOWN, e.kind());
        SandboxStats st = sb.stats();
        assertTrue(st.count("POST /api/v2/groups") <= 1, st.perRoute().toString());
        // look first: then create only if it did not land
        if (TestCalls.of(admin).findGroupsByNameInListing(name).isEmpty()) {
            admin.createGroup(GroupCreate.officialPublic(name));
        }
        assertEquals(1, TestCalls.of(admin).findGroupsByNameInListing(name).size());

        sb.faults(SandboxFaults.errorBurst(1, 502));
        assertThrows(OutcomeUnknownException.class, () -> admin.createIntegration("x", ApiContract.CLIENT_APP_TYPE_ID));
    }

    @Test
    void clientCountsMatchTheServer() {
        sb.resetStats();
        long before = admin.stats().snapshot().calls();
        admin.getOrganization();
        admin.listDivisions().count();
        TestCalls.of(admin).findRolesByName("Master Admin");
        TestCalls.of(admin).findGroupsByName("Supervisors");
        SandboxStats st = sb.stats();
        assertEquals(admin.stats().snapshot().calls() - before, st.reads() + st.writes());
        assertEquals(0, st.tooManyRequests());
    }
}
