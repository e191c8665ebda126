package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Roles, permission catalog, divisions and grants (reference §7, §8, §9, §12, §14). */
@ConcurrentClass
class SandboxAuthorizationTest extends FastOrgTest {
    static final String EMITE_ROLE = "{\"name\":\"eMite Data Access\",\"description\":\"Read access for the eMite "
            + "data integration\",\"permissionPolicies\":[{\"domain\":\"analytics\",\"entityName\":"
            + "\"conversationDetail\",\"actionSet\":[\"view\"],\"allowConditions\":false},{\"domain\":\"routing\","
            + "\"entityName\":\"queue\",\"actionSet\":[\"view\",\"join\",\"search\"],\"allowConditions\":false},"
            + "{\"domain\":\"analytics\",\"entityName\":\"conversationProperties\",\"actionSet\":[\"*\"],"
            + "\"allowConditions\":false}]}";

    @Test
    void rolesListFiltersByExactNameWithUserCount() {
        JsonObject all = admin.get("/api/v2/authorization/roles").json();
        assertTrue(all.get("total").getAsInt() >= 2);
        JsonObject master = admin.get("/api/v2/authorization/roles?name=" + Http.enc("Master Admin")).json();
        assertEquals(1, master.get("total").getAsInt());
        JsonObject role = master.getAsJsonArray("entities").get(0).getAsJsonObject();
        assertEquals("Master Admin", role.get("name").getAsString());
        assertTrue(role.get("userCount").getAsInt() >= 1, "userCount defaults to true");
        assertTrue(role.get("default").getAsBoolean());
        assertEquals(0, admin.get("/api/v2/authorization/roles?name=Master").json().get("total").getAsInt(),
                "name filter is exact (ApiContract.ROLE_NAME_FILTER_EXACT)");
        JsonObject noCount = admin.get("/api/v2/authorization/roles?name=Employee&userCount=false").json();
        assertFalse(noCount.getAsJsonArray("entities").get(0).getAsJsonObject().has("userCount"));
        assertEquals(400, admin.get("/api/v2/authorization/roles?pageSize=101").status());
        JsonObject byPerm = admin.get("/api/v2/authorization/roles?permission=directory:user:view").json();
        assertTrue(byPerm.getAsJsonArray("entities").toString().contains("Master Admin"));
    }

    @Test
    void roleCreateGetUpdate() {
        Http.Res created = admin.post("/api/v2/authorization/roles", EMITE_ROLE);
        assertEquals(200, created.status(), created.body());
        String id = created.json().get("id").getAsString();
        assertEquals(3, created.json().getAsJsonArray("permissionPolicies").size());
        JsonObject got = admin.get("/api/v2/authorization/roles/" + id + "?userCount=false&expand=unusedPermissions")
                .json();
        assertEquals("eMite Data Access", got.get("name").getAsString());
        assertTrue(got.has("unusedPermissions"));
        assertFalse(got.has("userCount"));

        Http.Res dup = admin.post("/api/v2/authorization/roles", EMITE_ROLE);
        assertEquals(ApiContract.STATUS_DUPLICATE_ROLE_NAME, dup.status());
        assertEquals(ApiContract.CODE_DUPLICATE_ROLE_NAME, dup.code());

        Http.Res put = admin.put("/api/v2/authorization/roles/" + id, "{\"name\":\"eMite Data Access\","
                + "\"permissionPolicies\":[{\"domain\":\"wfm\",\"entityName\":\"agent\",\"actionSet\":[\"view\"]}]}");
        assertEquals(200, put.status(), put.body());
        assertEquals(Set.of("wfm:agent:view"), sb.inspect().rolePermissions(id), "PUT replaces the policy set");

        assertEquals(404, admin.get("/api/v2/authorization/roles/nope").status());
        assertEquals(400, admin.put("/api/v2/authorization/roles/" + id, "{\"description\":\"no name\"}").status());
        assertEquals(ApiContract.STATUS_DUPLICATE_ROLE_NAME, admin.put("/api/v2/authorization/roles/" + id,
                "{\"name\":\"Employee\"}").status(), "renaming onto another role's name");
    }

    @Test
    void roleWritesRejectPermissionsTheCatalogLacks() {
        Http.Res r = admin.post("/api/v2/authorization/roles", "{\"name\":\"Bad role\",\"permissionPolicies\":["
                + "{\"domain\":\"analytics\",\"entityName\":\"conversationDetail\",\"actionSet\":[\"view\"]},"
                + "{\"domain\":\"outbound\",\"entityName\":\"wrapupCodeMapping\",\"actionSet\":[\"view\"]}]}");
        assertEquals(400, r.status());
        assertEquals(ApiContract.CODE_UNKNOWN_PERMISSION, r.code());
        assertTrue(r.json().get("message").getAsString().contains("outbound:wrapupCodeMapping:view"));
        assertTrue(sb.inspect().roleIdsNamed("Bad role").isEmpty());
        assertEquals(400, admin.post("/api/v2/authorization/roles", "{\"name\":\"Bad\",\"permissionPolicies\":["
                + "{\"domain\":\"nosuch\",\"entityName\":\"*\",\"actionSet\":[\"*\"]}]}").status());
        assertEquals(400, admin.post("/api/v2/authorization/roles", "{\"name\":\"Bad\",\"permissionPolicies\":["
                + "{\"domain\":\"routing\",\"entityName\":\"queue\",\"actionSet\":[]}]}").status());
        assertEquals(200, admin.post("/api/v2/authorization/roles", "{\"name\":\"Licence\",\"permissionPolicies\":["
                + "{\"domain\":\"integration\",\"entityName\":\"emiteApps\",\"actionSet\":[\"view\"],"
                + "\"allowConditions\":false}]}").status());
    }

    @Test
    void permissionCatalogHasEveryEmitePermission() {
        List<JsonObject> domains = admin.all("/api/v2/authorization/permissions?pageSize=10");
        Set<String> perms = new HashSet<>();
        for (JsonObject d : domains) {
            assertEquals(d.get("domain").getAsString(), d.get("name").getAsString());
            for (var e : d.getAsJsonObject("permissionMap").entrySet()) {
                for (JsonElement p : e.getValue().getAsJsonArray()) {
                    JsonObject o = p.getAsJsonObject();
                    assertEquals(e.getKey(), o.get("entityType").getAsString());
                    assertTrue(o.has("label") && o.has("allowsConditions") && o.has("divisionAware"));
                    perms.add(o.get("domain").getAsString() + ":" + o.get("entityType").getAsString() + ":"
                            + o.get("action").getAsString());
                }
            }
        }
        assertTrue(perms.size() > 300, "a few hundred permissions: " + perms.size());
        for (String p : List.of("analytics:conversationDetail:view", "analytics:conversationProperties:index",
                "outbound:wrapUpCodeMapping:view", "routing:wrapupCode:view", "externalContacts:contact:view",
                "wfm:adhocForecast:view", "wfm:agentScheduleNotification:view", "integration:emiteApps:view")) {
            assertTrue(perms.contains(p), p);
        }
        JsonObject wfm = admin.get("/api/v2/authorization/permissions?queryType=domain&query=wfm&pageSize=100")
                .json();
        assertEquals(1, wfm.get("total").getAsInt());
        assertTrue(wfm.getAsJsonArray("entities").get(0).getAsJsonObject().getAsJsonObject("permissionMap")
                .has("agentSchedule"));
        JsonObject one = admin.get("/api/v2/authorization/permissions?queryType=permission&query="
                + "routing:queue:join,wfm:agent:view").json();
        assertEquals(2, one.get("total").getAsInt());
        assertEquals(400, admin.get("/api/v2/authorization/permissions?queryType=entity&query=x").status());
        assertEquals(400, admin.get("/api/v2/authorization/permissions?pageSize=101").status());
    }

    @Test
    void catalogFollowsLicencesAndOmissions() {
        try (Sandbox bare = Sandbox.start(Fixtures.fast().agents(5).wfm(false).emiteLicence(false)
                .omitPermissions(Set.of("analytics:surveyAggregate:view")).build())) {
            Http h = Http.admin(bare);
            assertEquals(0, h.get("/api/v2/authorization/permissions?queryType=domain&query=wfm").json()
                    .get("total").getAsInt());
            assertEquals(0, h.get("/api/v2/authorization/permissions?queryType=permission&query="
                    + "integration:emiteApps:view").json().get("total").getAsInt());
            assertFalse(bare.inspect().catalog().contains("analytics:surveyAggregate:view"));
            Http.Res r = h.post("/api/v2/authorization/roles", "{\"name\":\"WFM\",\"permissionPolicies\":["
                    + "{\"domain\":\"wfm\",\"entityName\":\"agent\",\"actionSet\":[\"view\"]}]}");
            assertEquals(400, r.status());
            assertFalse(h.get("/api/v2/organizations/me").json().getAsJsonObject("features")
                    .get("workforceManagement").getAsBoolean());
        }
    }

    @Test
    void divisions() {
        JsonObject list = admin.get("/api/v2/authorization/divisions").json();
        assertEquals(4, list.get("total").getAsInt(), "Home + 3");
        JsonObject home = admin.get("/api/v2/authorization/divisions/home").json();
        assertTrue(home.get("homeDivision").getAsBoolean());
        assertEquals("Home", home.get("name").getAsString());
        assertEquals(sb.homeDivisionId(), home.get("id").getAsString());
        String other = sb.divisionIds().get(1);
        assertFalse(admin.get("/api/v2/authorization/divisions/" + other).json().get("homeDivision").getAsBoolean());
        assertEquals(404, admin.get("/api/v2/authorization/divisions/nope").status());
        assertEquals(1, admin.get("/api/v2/authorization/divisions?id=" + other).json().get("total").getAsInt());
    }

    static JsonArray grantsOf(JsonObject subject) {
        return subject.getAsJsonArray("grants");
    }

    @Test
    void aSingleGrantIsVisibleOnlyAfterTheGrantLag() {
        String user = Fixtures.firstActiveUser(sb);
        String role = Fixtures.role(admin, "Lag role", List.of("routing:queue:view"));
        String div = sb.divisionIds().get(1);
        Http.Res r = admin.post("/api/v2/authorization/subjects/" + user + "/divisions/" + div + "/roles/" + role
                + "?subjectType=PC_USER", null);
        assertEquals(ApiContract.STATUS_GRANT_ADDED, r.status(), r.body());
        assertFalse(grantsOf(admin.get("/api/v2/authorization/subjects/" + user).json()).toString().contains(role),
                "not visible yet");
        assertFalse(admin.get("/api/v2/users/" + user + "/roles").body().contains(role));
        assertTrue(eventually(() -> grantsOf(admin.get("/api/v2/authorization/subjects/" + user).json())
                .toString().contains(role)));
        JsonObject subject = admin.get("/api/v2/authorization/subjects/" + user).json();
        JsonObject grant = null;
        for (JsonElement g : grantsOf(subject)) {
            if (g.getAsJsonObject().getAsJsonObject("role").get("id").getAsString().equals(role)) {
                grant = g.getAsJsonObject();
            }
        }
        assertEquals(div, grant.getAsJsonObject("division").get("id").getAsString());
        assertEquals(user, grant.get("subjectId").getAsString());
        assertTrue(grant.has("grantMadeAt"));
        assertTrue(admin.get("/api/v2/users/" + user + "/roles").body().contains(role));
        assertEquals(1, admin.get("/api/v2/authorization/roles/" + role + "/users").json().get("total").getAsInt());
        JsonObject sg = admin.get("/api/v2/authorization/roles/" + role + "/subjectgrants").json();
        assertEquals("PC_USER", sg.getAsJsonArray("entities").get(0).getAsJsonObject().get("type").getAsString());
        assertTrue(admin.get("/api/v2/authorization/divisions/" + div + "/grants?pageSize=500").body()
                .contains(role));
        assertEquals(400, admin.get("/api/v2/authorization/divisions/" + div + "/grants?pageSize=501").status());

        // Granting the same again is fine; unknown things are 404.
        assertEquals(204, admin.post("/api/v2/authorization/subjects/" + user + "/divisions/" + div + "/roles/"
                + role, null).status());
        assertEquals(404, admin.post("/api/v2/authorization/subjects/" + user + "/divisions/" + div
                + "/roles/nope", null).status());
        assertEquals(404, admin.post("/api/v2/authorization/subjects/nope/divisions/" + div + "/roles/" + role,
                null).status());
        assertEquals(404, admin.post("/api/v2/authorization/subjects/" + user + "/divisions/nope/roles/" + role,
                null).status());
        assertEquals(400, admin.post("/api/v2/authorization/subjects/" + user + "/divisions/" + div + "/roles/"
                + role + "?subjectType=PC_ALIEN", null).status());
        assertEquals(204, admin.delete("/api/v2/authorization/subjects/" + user + "/divisions/" + div + "/roles/"
                + role).status());
        assertTrue(sb.inspect().grantsOf(user).stream().noneMatch(g -> g.roleId().equals(role)));
    }

    @Test
    void bulkGrants() {
        String role = Fixtures.role(admin, "Bulk role", List.of("integration:emiteApps:view"));
        List<String> users = sb.inspect().activeUserIds().subList(10, 15);
        Http.Res many = admin.post("/api/v2/authorization/roles/" + role + "?subjectType=PC_USER",
                "{\"subjectIds\":" + new com.google.gson.Gson().toJson(users) + ",\"divisionIds\":[\""
                        + sb.homeDivisionId() + "\",\"" + sb.divisionIds().get(2) + "\"]}");
        assertEquals(ApiContract.STATUS_GRANT_ADDED, many.status(), many.body());
        for (String u : users) {
            assertEquals(2, sb.inspect().grantsOf(u).stream().filter(g -> g.roleId().equals(role)).count());
        }
        String tooMany = new com.google.gson.Gson().toJson(sb.inspect().activeUserIds().subList(0,
                ApiContract.MAX_SUBJECTS_PER_GRANT_CALL + 1));
        assertEquals(400, admin.post("/api/v2/authorization/roles/" + role, "{\"subjectIds\":" + tooMany
                + ",\"divisionIds\":[\"*\"]}").status());
        assertEquals(400, admin.post("/api/v2/authorization/roles/" + role, "{\"subjectIds\":[]}").status(),
                "divisionIds required");
        assertEquals(400, admin.post("/api/v2/authorization/roles/" + role, "{\"subjectIds\":[\"ghost\"],"
                + "\"divisionIds\":[\"*\"]}").status());

        String me = users.get(0);
        Http.Res bulk = admin.post("/api/v2/authorization/subjects/" + me + "/bulkadd?subjectType=PC_USER",
                "{\"grants\":[{\"roleId\":\"" + role + "\",\"divisionId\":\"*\"}]}");
        assertEquals(204, bulk.status(), bulk.body());
        assertTrue(sb.inspect().grantsOf(me).stream().anyMatch(g -> g.divisionId().equals("*")));
        assertEquals(400, admin.post("/api/v2/authorization/subjects/" + me + "/bulkadd",
                "{\"grants\":[{\"roleId\":\"" + role + "\"}]}").status(), "divisionId required");
        assertEquals(400, admin.post("/api/v2/authorization/subjects/" + me + "/bulkadd",
                "{\"grants\":[{\"roleId\":\"nope\",\"divisionId\":\"*\"}]}").status());

        // Group grants reach the group's members.
        String group = sb.inspect().groupIdsNamed("Quality Team").get(0);
        assertEquals(204, admin.post("/api/v2/authorization/subjects/" + group + "/bulkadd?subjectType=PC_GROUP",
                "{\"grants\":[{\"roleId\":\"" + role + "\",\"divisionId\":\"" + sb.homeDivisionId() + "\"}]}")
                .status());
        String member = sb.inspect().groupMemberIds(group).iterator().next();
        assertTrue(eventually(() -> admin.get("/api/v2/users/" + member + "/roles").body()
                .contains("Bulk role")));

        Http.Res add = admin.put("/api/v2/authorization/roles/" + role + "/users/add", "[\"" + users.get(4) + "\"]");
        assertEquals(200, add.status(), add.body());
        assertEquals(users.get(4), add.array().get(0).getAsString());
    }

    @Test
    void grantsToAClientTakeEffectAfterTheLag() {
        String[] c = Fixtures.limitedClient(sb, clock, admin, "Late starter", List.of("directory:user:view"));
        Http client = new Http(sb.baseUrl(), Http.clientToken(sb.baseUrl(), c[0], c[1]));
        assertEquals(403, client.get("/api/v2/oauth/clients").status());
        String viewer = Fixtures.role(admin, "Client viewer", List.of("oauth:client:view"));
        assertEquals(204, admin.post("/api/v2/authorization/subjects/" + c[0] + "/bulkadd?subjectType="
                + "PC_OAUTH_CLIENT", "{\"grants\":[{\"roleId\":\"" + viewer + "\",\"divisionId\":\"*\"}]}").status());
        assertEquals(403, client.get("/api/v2/oauth/clients").status(), "not in force yet");
        assertTrue(admin.get("/api/v2/oauth/clients/" + c[0]).body().contains(viewer),
                "the client's roleDivisions show it at once");
        assertTrue(eventually(() -> client.get("/api/v2/oauth/clients").status() == 200));

        JsonObject me = client.get("/api/v2/authorization/subjects/me").json();
        assertEquals(c[0], me.get("id").getAsString());
        assertEquals(2, grantsOf(me).size());
        JsonObject permitted = client.get("/api/v2/authorization/divisionspermitted/paged/me?permission="
                + "oauth:client:view").json();
        assertTrue(permitted.get("allDivsPermitted").getAsBoolean());
        assertEquals(sb.divisionIds().size(), permitted.get("total").getAsInt());
        JsonObject none = client.get("/api/v2/authorization/divisionspermitted/paged/me?permission="
                + "oauth:client:add").json();
        assertEquals(0, none.get("total").getAsInt());
        assertFalse(none.get("allDivsPermitted").getAsBoolean());
        assertEquals(400, client.get("/api/v2/authorization/divisionspermitted/paged/me").status());
        assertEquals(403, client.get("/api/v2/authorization/subjects/" + c[0]).status(),
                "reading grants needs authorization:grant:view");
    }

    @Test
    void anOAuthClientGetsOnlyRolesTheCallerHolds() {
        String role = Fixtures.role(admin, "Not yet mine", List.of("analytics:userDetail:view"));
        String body = "{\"name\":\"eMite Data Integration\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\","
                + "\"roleDivisions\":[{\"roleId\":\"" + role + "\",\"divisionId\":\"*\"}]}";
        Http.Res refused = admin.post("/api/v2/oauth/clients", body);
        assertEquals(ApiContract.STATUS_ROLE_NOT_HELD, refused.status());
        assertEquals(ApiContract.CODE_ROLE_NOT_HELD, refused.code());
        admin.post("/api/v2/authorization/subjects/" + sb.adminClientId() + "/bulkadd?subjectType=PC_OAUTH_CLIENT",
                "{\"grants\":[{\"roleId\":\"" + role + "\",\"divisionId\":\"" + sb.homeDivisionId() + "\"}]}");
        assertEquals(ApiContract.STATUS_ROLE_NOT_HELD, admin.post("/api/v2/oauth/clients", body).status(),
                "the grant is not in force yet");
        assertTrue(eventually(() -> sb.inspect().grantsOf(sb.adminClientId()).stream()
                .allMatch(SandboxInspector.GrantInfo::inForce)));
        assertEquals(ApiContract.STATUS_ROLE_NOT_HELD, admin.post("/api/v2/oauth/clients", body).status(),
                "held in Home only, not in all divisions");
        String homeOnly = body.replace("\"divisionId\":\"*\"", "\"divisionId\":\"" + sb.homeDivisionId() + "\"");
        Http.Res ok = admin.post("/api/v2/oauth/clients", homeOnly);
        assertEquals(200, ok.status(), ok.body());
    }
}
