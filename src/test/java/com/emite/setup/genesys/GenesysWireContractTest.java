package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.contract.SdkOracle;
import com.emite.setup.contract.WireRecorder;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public call of the client, made against the sandbox with a recording HTTP client, and every request it sent
 * checked against the official SDK (path, query parameter names, repeated vs comma-joined lists, enum literals, body
 * model read strictly with its required fields, headers) and every token request against reference §2.1–§2.3.
 */
@ConcurrentClass
class GenesysWireContractTest {
    @Test
    void everyCallOfTheClientIsAnSdkOperation() throws Exception {
        SdkOracle oracle = SdkOracle.get();
        WireRecorder wire = new WireRecorder();
        try (Sandbox sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(130).unlimitedRate()
                .searchLagMs(0).grantLagMs(0).build())) {
            GenesysClient c = GenesysClient.builder(sb.baseUrl(), sb.baseUrl()).unlimitedRate()
                    .okHttpClient(wire.okHttp()).build();
            c.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());

            c.getOrganization();
            c.getTokenInfo();
            assertTrue(TestCalls.of(c).isTokenValid());
            List<User> users = c.listUsers(User.STATE_ACTIVE, List.of("authorization", "groups")).toList();
            assertTrue(users.size() > 100);
            c.listUsers(null, null).limit(3).toList();
            assertEquals(3, c.getUsersByIds(users.stream().limit(3).map(User::id).toList(), List.of("authorization"))
                    .count());
            c.getUser(users.get(0).id(), "authorization");
            // A search of more than one page, with an expand: the next page keeps the expand.
            List<User> all = c.searchUsers(SearchRequest.of(new SearchCriterion("MATCH_ALL", null, null, null, null,
                    null, null, null, null)).withExpand(List.of("authorization"))).toList();
            assertTrue(all.size() > ApiContract.MAX_SEARCH_PAGE_SIZE, "paged: " + all.size());
            assertTrue(all.stream().allMatch(u -> u.authorization() != null), "expand on every page");
            assertEquals(1, c.findUsersByEmail(users.get(1).email()).size());

            Group g = c.createGroup(GroupCreate.officialPublic("Wire group"));
            c.getGroup(g.id());
            c.listGroups().toList();
            TestCalls.of(c).findGroupsByName("Wire group");
            TestCalls.of(c).findGroupsByNameInListing("Wire group");
            TestCalls.of(c).updateGroup(g.id(), u -> u);
            TestCalls.of(c).addGroupMembers(g.id(), users.subList(0, 60).stream().map(User::id).toList());
            assertEquals(60, c.listGroupIndividuals(g.id()).count());

            DomainOrganizationRole role = c.createRole(new RoleRequest("Wire role", "d",
                    List.of(DomainPermissionPolicy.of("directory", "user", List.of("view")),
                            DomainPermissionPolicy.of("analytics", "conversationProperties", List.of("*")))));
            c.listRoles().toList();
            TestCalls.of(c).findRolesByName("Wire role");
            TestCalls.of(c).getRole(role.id());
            c.updateRole(role.id(), new RoleRequest("Wire role", "d2", role.permissionPolicies()));
            c.getPermissionCatalog(List.of("directory", "wfm"));
            c.listDivisions().toList();
            String home = TestCalls.of(c).getHomeDivision().id();
            TestCalls.of(c).divisionsPermittedForMe("directory:group:add");
            c.grantRole(users.get(0).id(), SubjectType.PC_USER, home, role.id());
            TestCalls.of(c).bulkAddGrants(users.get(1).id(), SubjectType.PC_USER, List.of(new RoleDivision(role.id(), home)));
            c.grantRoleToSubjects(role.id(), SubjectType.PC_USER, users.subList(2, 60).stream().map(User::id)
                    .toList(), List.of(home));
            c.grantRoleToSubjects(role.id(), SubjectType.PC_GROUP, List.of(g.id()), List.of(home));
            c.grantRoleToSubjects(role.id(), SubjectType.PC_OAUTH_CLIENT, List.of(sb.adminClientId()),
                    List.of(ApiContract.ALL_DIVISIONS));
            c.getSubject(users.get(0).id());
            c.getMySubject();
            TestCalls.of(c).listRoleSubjectGrants(role.id()).toList();

            OAuthClient cc = c.createOAuthClient(OAuthClientRequest.clientCredentials("Wire CC", "", 86400,
                    List.of(RoleDivision.inAllDivisions(role.id()))));
            OAuthClient code = c.createOAuthClient(OAuthClientRequest.code("Wire SSO", "", 86400,
                    List.of("https://x.example.com/cb"), List.of("users:readonly", "groups:readonly")));
            c.listOAuthClients().toList();
            TestCalls.of(c).findOAuthClientsByName("Wire CC");
            c.getOAuthClient(cc.id());
            OAuthClient codeRead = c.getOAuthClient(code.id());
            c.updateOAuthClient(code.id(), codeRead.toRequest(codeRead.state()));
            c.resetOAuthClientSecret(cc.id());
            c.updateOAuthClient(cc.id(), c.getOAuthClient(cc.id()).toRequest(OAuthClient.STATE_INACTIVE));
            TestCalls.of(c).deleteOAuthClient(cc.id());
            assertFalse(TestCalls.of(c).listScopes().isEmpty());

            TestCalls.of(c).listIntegrationTypes().toList();
            c.getIntegrationType(ApiContract.CLIENT_APP_TYPE_ID);
            Integration app = c.createIntegration("Wire app", ApiContract.CLIENT_APP_TYPE_ID);
            c.listIntegrations().toList();
            TestCalls.of(c).findIntegrations(ApiContract.CLIENT_APP_TYPE_ID, "Wire app");
            TestCalls.of(c).getIntegration(app.id());
            c.getIntegrationConfig(app.id());
            TestCalls.of(c).updateIntegrationConfig(app.id(), cfg -> {
                JsonObject p = new JsonObject();
                p.addProperty("url", "https://x.example.com/?org={{gcTargetEnv}}");
                p.addProperty("displayType", "standalone");
                p.addProperty("featureCategory", "");
                p.addProperty("sandbox", "allow-scripts,allow-same-origin");
                com.google.gson.JsonArray groups = new com.google.gson.JsonArray();
                groups.add(g.id());
                p.add(ApiContract.CLIENT_APP_GROUPS_PROPERTY, groups);
                return cfg.with("Wire app", p, new JsonObject(), "notes");
            });
            c.setIntegrationState(app.id(), Integration.ENABLED);
            TestCalls.of(c).deleteIntegration(app.id());
            TestCalls.of(c).deleteRole(c.createRole(new RoleRequest("Spare", null, List.of())).id());
            TestCalls.of(c).deleteGroup(g.id());

            // A user: the browser sign-in (PKCE) and the user-context calls.
            GenesysClient user = GenesysClient.builder(sb.baseUrl(), sb.baseUrl()).unlimitedRate()
                    .okHttpClient(wire.okHttp()).build();
            TestCalls.of(user).signInWithBrowser(BrowserSignIn.Options.of(sb.pkceClientId()), GenesysSandboxSignInTest::browseByLink);
            user.getMe("authorization", "organization");
            user.logout();

            GenesysClient pasted = GenesysClient.builder(sb.baseUrl(), sb.baseUrl()).unlimitedRate()
                    .okHttpClient(wire.okHttp()).build();
            AccessToken t = c.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
            pasted.signInWithToken(Secret.of(t.value().reveal()));
            c.logout();
        }

        List<String> problems = new ArrayList<>();
        Set<String> ops = new LinkedHashSet<>();
        int tokens = 0;
        for (SdkOracle.Wire w : wire.requests()) {
            if (w.path().startsWith("/oauth/")) {
                problems.addAll(oracle.checkToken(w));
                tokens++;
                continue;
            }
            problems.addAll(oracle.check(w));
            SdkOracle.Op op = oracle.find(w.method(), w.path());
            if (op != null) {
                ops.add(op.key());
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", new TreeSet<>(problems)));
        assertTrue(tokens >= 3, "token requests: " + tokens);
        Set<String> expected = new TreeSet<>(List.of(
                "GET /api/v2/organizations/me", "GET /api/v2/tokens/me", "HEAD /api/v2/tokens/me",
                "DELETE /api/v2/tokens/me", "GET /api/v2/users", "GET /api/v2/users/{userId}", "GET /api/v2/users/me",
                "POST /api/v2/users/search", "GET /api/v2/users/search",
                "POST /api/v2/groups", "GET /api/v2/groups", "GET /api/v2/groups/{groupId}",
                "PUT /api/v2/groups/{groupId}", "DELETE /api/v2/groups/{groupId}", "POST /api/v2/groups/search",
                "POST /api/v2/groups/{groupId}/members", "GET /api/v2/groups/{groupId}/individuals",
                "GET /api/v2/authorization/roles", "POST /api/v2/authorization/roles",
                "GET /api/v2/authorization/roles/{roleId}", "PUT /api/v2/authorization/roles/{roleId}",
                "DELETE /api/v2/authorization/roles/{roleId}", "POST /api/v2/authorization/roles/{roleId}",
                "GET /api/v2/authorization/roles/{roleId}/subjectgrants", "GET /api/v2/authorization/permissions",
                "GET /api/v2/authorization/divisions", "GET /api/v2/authorization/divisions/home",
                "GET /api/v2/authorization/divisionspermitted/paged/me",
                "POST /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}",
                "POST /api/v2/authorization/subjects/{subjectId}/bulkadd",
                "GET /api/v2/authorization/subjects/{subjectId}", "GET /api/v2/authorization/subjects/me",
                "GET /api/v2/oauth/clients", "POST /api/v2/oauth/clients", "GET /api/v2/oauth/clients/{clientId}",
                "PUT /api/v2/oauth/clients/{clientId}", "POST /api/v2/oauth/clients/{clientId}/secret",
                "DELETE /api/v2/oauth/clients/{clientId}", "GET /api/v2/oauth/scopes",
                "GET /api/v2/integrations/types", "GET /api/v2/integrations/types/{typeId}",
                "GET /api/v2/integrations", "POST /api/v2/integrations", "GET /api/v2/integrations/{integrationId}",
                "PATCH /api/v2/integrations/{integrationId}", "DELETE /api/v2/integrations/{integrationId}",
                "GET /api/v2/integrations/{integrationId}/config/current",
                "PUT /api/v2/integrations/{integrationId}/config/current"));
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(ops);
        assertTrue(missing.isEmpty(), "not exercised: " + missing);
    }

    @Test
    void theOracleCatchesWhatItShould() {
        SdkOracle o = SdkOracle.get();
        assertTrue(o.size() > 200, "operations indexed (only our API areas): " + o.size());
        java.util.Map<String, List<String>> h = java.util.Map.of("Authorization", List.of("Bearer x"), "Accept",
                List.of("application/json"), "Content-Type", List.of("application/json"));
        String base = "https://api.mypurecloud.com";
        assertTrue(o.check(new SdkOracle.Wire("GET", base + "/api/v2/groups?pageSize=5", h, null)).isEmpty());
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/group", h, null)).isEmpty(), "path");
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/groups?size=5", h, null)).isEmpty(), "param");
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/users?sortOrder=ASC", h, null)).isEmpty(),
                "enum literal of a query parameter");
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/users?expand=authorization,groups", h, null))
                .isEmpty(), "a repeated parameter comma-joined");
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/groups/g1/individuals?pageSize=5", h, null))
                .isEmpty(), "paging where the SDK has none");
        assertFalse(o.check(new SdkOracle.Wire("POST", base + "/api/v2/groups", h,
                "{\"name\":\"x\",\"type\":\"Official\",\"visibility\":\"public\",\"rulesVisible\":true}")).isEmpty(),
                "enum literal in a body");
        assertFalse(o.check(new SdkOracle.Wire("POST", base + "/api/v2/groups", h,
                "{\"name\":\"x\",\"type\":\"official\",\"visibility\":\"public\"}")).isEmpty(), "required field");
        assertFalse(o.check(new SdkOracle.Wire("POST", base + "/api/v2/groups/g1/members", h,
                "{\"memberIds\":[\"u\"],\"versoin\":1}")).isEmpty(), "unknown field");
        assertFalse(o.check(new SdkOracle.Wire("POST", base + "/api/v2/groups/g1/members", h, null)).isEmpty(),
                "a required body missing");
        assertFalse(o.check(new SdkOracle.Wire("GET", base + "/api/v2/groups", java.util.Map.of(), null)).isEmpty(),
                "no bearer");
        java.util.Map<String, List<String>> form = java.util.Map.of("Content-Type",
                List.of("application/x-www-form-urlencoded"));
        assertFalse(o.checkToken(new SdkOracle.Wire("POST", base + "/oauth/token", form,
                "grant_type=client_credentials")).isEmpty(), "client credentials without Basic");
        assertTrue(o.checkToken(new SdkOracle.Wire("POST", base + "/oauth/token", form,
                "grant_type=authorization_code&code=c&code_verifier=" + "a".repeat(43)
                        + "&client_id=x&redirect_uri=http%3A%2F%2F127.0.0.1%3A1%2Fcb")).isEmpty());
    }
}
