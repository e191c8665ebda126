package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Organization, users, groups and search (reference §3.2, §3.3, §4, §5, §6, §14). */
@ConcurrentClass
class SandboxDirectoryTest extends FastOrgTest {
    static String groupBody(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"official\",\"visibility\":\"public\",\"rulesVisible\":true,"
                + "\"description\":\"dropped\",\"ownerIds\":[]}";
    }

    static JsonObject searchBody(String type, String field, String value) {
        return Http.obj("{\"pageSize\":25,\"pageNumber\":1,\"query\":[{\"type\":\"" + type + "\",\"fields\":[\""
                + field + "\"],\"value\":\"" + value + "\"}]}");
    }

    @Test
    void organizationMeGivesTheShortName() {
        JsonObject o = admin.get("/api/v2/organizations/me").json();
        assertEquals(sb.orgId(), o.get("id").getAsString());
        String shortName = o.get("thirdPartyOrgName").getAsString();
        assertEquals(sb.orgShortName(), shortName);
        assertTrue(shortName.matches("[a-z0-9]+"), shortName);
        assertEquals("active", o.get("state").getAsString());
    }

    @Test
    void usersListPagesWithTheReferenceShape() {
        JsonObject first = admin.get("/api/v2/users").json();
        assertEquals(25, first.get("pageSize").getAsInt());
        assertEquals(1, first.get("pageNumber").getAsInt());
        int total = first.get("total").getAsInt();
        assertEquals(sb.inspect().activeUserIds().size(), total);
        assertEquals((total + 24) / 25, first.get("pageCount").getAsInt());
        assertEquals("/api/v2/users?pageSize=25&pageNumber=2", first.get("nextUri").getAsString());
        assertFalse(first.has("previousUri"));
        JsonObject last = admin.get(first.get("lastUri").getAsString()).json();
        assertFalse(last.has("nextUri"), "nextUri is absent on the last page");
        assertTrue(last.has("previousUri"));

        assertEquals(400, admin.get("/api/v2/users?pageSize=" + (ApiContract.MAX_PAGE_SIZE + 1)).status());
        assertEquals("invalid.query.param.value", admin.get("/api/v2/users?pageNumber=0").code());
        assertEquals(400, admin.get("/api/v2/users?pageSize=abc").status());
        assertEquals(400, admin.get("/api/v2/users?state=gone").status());
        JsonObject beyond = admin.get("/api/v2/users?pageNumber=999").json();
        assertEquals(0, beyond.getAsJsonArray("entities").size());
    }

    @Test
    void usersListFiltersByStateAndIdAndExpandsAuthorization() {
        JsonObject inactive = admin.get("/api/v2/users?state=inactive&pageSize=100").json();
        assertTrue(inactive.get("total").getAsInt() >= 2);
        inactive.getAsJsonArray("entities").forEach(e ->
                assertEquals("inactive", e.getAsJsonObject().get("state").getAsString()));
        assertTrue(admin.get("/api/v2/users?state=deleted").json().get("total").getAsInt() >= 2);
        int any = admin.get("/api/v2/users?state=any").json().get("total").getAsInt();
        assertEquals(sb.userCount(), any);

        String a = sb.adminUserId();
        String b = Fixtures.firstActiveUser(sb);
        JsonObject two = admin.get("/api/v2/users?id=" + a + "&id=" + b + "&expand=authorization").json();
        assertEquals(2, two.get("total").getAsInt());
        for (JsonElement e : two.getAsJsonArray("entities")) {
            JsonObject u = e.getAsJsonObject();
            assertTrue(u.getAsJsonObject("authorization").getAsJsonArray("roles").size() >= 1);
            assertTrue(u.getAsJsonObject("division").has("id"));
            assertTrue(u.get("email").getAsString().endsWith("@" + sb.orgShortName() + ".example.com"));
        }
    }

    @Test
    void userGetRolesAnd404() {
        String id = Fixtures.firstActiveUser(sb);
        JsonObject u = admin.get("/api/v2/users/" + id).json();
        assertEquals(id, u.get("id").getAsString());
        assertEquals(1, u.get("version").getAsInt());
        Http.Res missing = admin.get("/api/v2/users/00000000-0000-4000-8000-000000000000");
        assertEquals(404, missing.status());
        assertEquals("not.found", missing.code());
        JsonObject roles = admin.get("/api/v2/users/" + sb.adminUserId() + "/roles").json();
        assertTrue(roles.getAsJsonArray("roles").toString().contains("Master Admin"));
        assertTrue(roles.getAsJsonArray("permissions").size() > 0);
        assertEquals(404, admin.get("/api/v2/users/nope/roles").status());
    }

    @Test
    void userSearchFindsByEmailAndPagesWithQ64() {
        JsonObject user = admin.get("/api/v2/users/" + Fixtures.firstActiveUser(sb)).json();
        String email = user.get("email").getAsString();
        JsonObject exact = admin.post("/api/v2/users/search", searchBody("EXACT", "email", email)).json();
        assertEquals(1, exact.get("total").getAsInt());
        assertEquals("[\"users\"]", exact.get("types").toString());
        assertEquals(email, exact.getAsJsonArray("results").get(0).getAsJsonObject().get("email").getAsString());

        JsonObject body = Http.obj("{\"pageSize\":3,\"pageNumber\":1,\"query\":[{\"type\":\"CONTAINS\","
                + "\"fields\":[\"name\",\"email\"],\"value\":\"a\"}],\"expand\":[\"authorization\"]}");
        JsonObject page1 = admin.post("/api/v2/users/search", body).json();
        assertTrue(page1.get("total").getAsInt() > 6);
        assertTrue(page1.get("currentPage").getAsString().startsWith("/api/v2/users/search?q64="));
        assertFalse(page1.has("previousPage"));
        Http.Res page2 = admin.get(page1.get("nextPage").getAsString());
        assertEquals(200, page2.status(), page2.body());
        assertEquals(2, page2.json().get("pageNumber").getAsInt());
        assertTrue(page2.json().has("previousPage"));
        // The q64 link does not carry expand (ApiContract.SEARCH_PAGE_LINKS_CARRY_EXPAND): the GET names it.
        assertEquals(ApiContract.SEARCH_PAGE_LINKS_CARRY_EXPAND,
                page2.json().getAsJsonArray("results").get(0).getAsJsonObject().has("authorization"));
        Http.Res expanded = admin.get(page1.get("nextPage").getAsString() + "&expand=authorization");
        assertTrue(expanded.json().getAsJsonArray("results").get(0).getAsJsonObject().has("authorization"));
        Set<String> ids = new HashSet<>();
        for (JsonObject p : List.of(page1, page2.json())) {
            p.getAsJsonArray("results").forEach(e -> ids.add(e.getAsJsonObject().get("id").getAsString()));
        }
        assertEquals(6, ids.size(), "pages do not overlap");

        // By division (field name per ApiContract), inactive users excluded unless asked for.
        String div = user.getAsJsonObject("division").get("id").getAsString();
        JsonObject byDiv = admin.post("/api/v2/users/search", Http.obj("{\"pageSize\":100,\"query\":[{\"type\":"
                + "\"EXACT\",\"fields\":[\"" + ApiContract.USER_SEARCH_DIVISION_FIELD + "\"],\"values\":[\"" + div
                + "\"]}]}")).json();
        assertEquals(sb.inspect().activeUserIdsIn(div).size(), byDiv.get("total").getAsInt());
    }

    @Test
    void userSearchRejectsWhatTheRealOneRejects() {
        assertEquals(400, admin.post("/api/v2/users/search", Http.obj("{\"pageSize\":101,\"query\":[{\"type\":"
                + "\"MATCH_ALL\"}]}")).status());
        assertEquals(400, admin.post("/api/v2/users/search", Http.obj("{\"pageSize\":100,\"pageNumber\":101,"
                + "\"query\":[{\"type\":\"MATCH_ALL\"}]}")).status());
        assertEquals(400, admin.post("/api/v2/users/search", Http.obj("{\"query\":[{\"type\":\"FUZZY\","
                + "\"fields\":[\"name\"],\"value\":\"x\"}]}")).status());
        assertEquals(400, admin.post("/api/v2/users/search", Http.obj("{\"query\":[{\"type\":\"EXACT\","
                + "\"fields\":[\"emial\"],\"value\":\"x\"}]}")).status());
        assertEquals(400, admin.post("/api/v2/users/search", searchBody("EXACT", "name", "x".repeat(301))).status());
        JsonArray many = new JsonArray();
        for (int i = 0; i < 51; i++) {
            many.add("v" + i);
        }
        JsonObject tooMany = Http.obj("{\"query\":[{\"type\":\"EXACT\",\"fields\":[\"id\"]}]}");
        tooMany.getAsJsonArray("query").get(0).getAsJsonObject().add("values", many);
        assertEquals(400, admin.post("/api/v2/users/search", tooMany).status());
        assertEquals(400, admin.post("/api/v2/users/search", "{not json").status());
        assertEquals(400, admin.post("/api/v2/users/search", Http.obj("{\"query\":[]}")).status());
        assertEquals(400, admin.get("/api/v2/users/search?q64=!!!").status());
        assertEquals(400, admin.get("/api/v2/users/search?q64=YWJj").status());
    }

    @Test
    void newUsersReachSearchOnlyAfterTheSearchLag() {
        String id = sb.addAgents(1).get(0);
        String email = admin.get("/api/v2/users/" + id).json().get("email").getAsString();
        assertEquals(0, admin.post("/api/v2/users/search", searchBody("EXACT", "email", email)).json()
                .get("total").getAsInt(), "invisible to search at once");
        assertEquals(200, admin.get("/api/v2/users/" + id).status(), "get-by-id sees it at once");
        assertTrue(eventually(() -> admin.post("/api/v2/users/search",
                searchBody("EXACT", "email", email)).json().get("total").getAsInt() == 1));
    }

    // ---- groups ----

    @Test
    void groupCreateGetUpdateWithVersions() {
        Http.Res created = admin.post("/api/v2/groups", groupBody("Lifecycle group"));
        assertEquals(ApiContract.STATUS_GROUP_CREATED, created.status(), created.body());
        JsonObject g = created.json();
        String id = g.get("id").getAsString();
        assertEquals(1, g.get("version").getAsInt());
        assertFalse(g.has("description"), "description is ignored on create");
        assertEquals("official", g.get("type").getAsString());
        assertEquals("public", g.get("visibility").getAsString());
        assertEquals(0, g.get("memberCount").getAsInt());

        assertEquals(id, admin.get("/api/v2/groups/" + id).json().get("id").getAsString());
        Http.Res updated = admin.put("/api/v2/groups/" + id, "{\"version\":1,\"name\":\"Lifecycle group\","
                + "\"description\":\"Users who may open eMite\",\"visibility\":\"public\",\"rulesVisible\":true}");
        assertEquals(200, updated.status(), updated.body());
        assertEquals(2, updated.json().get("version").getAsInt());
        assertEquals("Users who may open eMite", updated.json().get("description").getAsString());

        Http.Res stale = admin.put("/api/v2/groups/" + id, "{\"version\":1,\"name\":\"x\"}");
        assertEquals(ApiContract.STATUS_VERSION_CONFLICT, stale.status());
        assertEquals(400, admin.put("/api/v2/groups/" + id, "{\"name\":\"x\"}").status(), "version required");
        assertEquals(404, admin.put("/api/v2/groups/nope", "{\"version\":1}").status());

        assertEquals(ApiContract.STATUS_DELETED, admin.delete("/api/v2/groups/" + id).status());
        assertEquals(404, admin.get("/api/v2/groups/" + id).status());
    }

    @Test
    void groupCreateValidatesTheBody() {
        assertEquals(400, admin.post("/api/v2/groups", "{\"name\":\"x\",\"visibility\":\"public\","
                + "\"rulesVisible\":true}").status(), "type required");
        assertEquals(400, admin.post("/api/v2/groups", "{\"name\":\"x\",\"type\":\"official\","
                + "\"visibility\":\"everyone\",\"rulesVisible\":true}").status(), "bad enum");
        assertEquals(400, admin.post("/api/v2/groups", "{\"type\":\"official\",\"visibility\":\"public\","
                + "\"rulesVisible\":true}").status(), "name required");
        Http.Res unknown = admin.post("/api/v2/groups", "{\"name\":\"x\",\"type\":\"official\","
                + "\"visibility\":\"public\",\"rulesVisible\":true,\"colour\":\"red\"}");
        assertEquals(400, unknown.status());
        assertEquals("invalid.property", unknown.code());
        assertEquals(415, admin.call("POST", "/api/v2/groups", groupBody("x"), "text/plain").status());
        assertEquals(400, admin.post("/api/v2/groups", "{\"name\":\"x\",\"type\":\"official\",\"visibility\":"
                + "\"public\",\"rulesVisible\":true,\"ownerIds\":[\"no-such-user\"]}").status());
    }

    @Test
    void duplicateGroupNamesAreAccepted() {
        assertEquals(0, ApiContract.STATUS_DUPLICATE_GROUP_NAME);
        String a = admin.post("/api/v2/groups", groupBody("Twin group")).json().get("id").getAsString();
        String b = admin.post("/api/v2/groups", groupBody("Twin group")).json().get("id").getAsString();
        assertNotEquals(a, b);
        assertEquals(2, sb.inspect().groupIdsNamed("Twin group").size());
    }

    @Test
    void groupSearchIsEventuallyConsistent() {
        JsonObject byName = searchBody("EXACT", "name", "Search lag group");
        String id = admin.post("/api/v2/groups", groupBody("Search lag group")).json().get("id").getAsString();
        JsonObject now = admin.post("/api/v2/groups/search", byName).json();
        assertEquals(0, now.get("total").getAsInt(), "new group invisible to search");
        assertEquals(200, admin.get("/api/v2/groups/" + id).status());
        assertTrue(admin.all("/api/v2/groups?pageSize=100").stream()
                .anyMatch(g -> g.get("id").getAsString().equals(id)), "listing sees it at once");
        assertTrue(eventually(() -> admin.post("/api/v2/groups/search", byName).json()
                .get("total").getAsInt() == 1));
        JsonObject found = admin.post("/api/v2/groups/search", byName).json();
        assertEquals("[\"groups\"]", found.get("types").toString());
        assertEquals(id, found.getAsJsonArray("results").get(0).getAsJsonObject().get("id").getAsString());

        // A rename: search keeps the old name until the lag passes.
        admin.put("/api/v2/groups/" + id, "{\"version\":1,\"name\":\"Renamed lag group\"}");
        assertEquals(1, admin.post("/api/v2/groups/search", byName).json().get("total").getAsInt());
        JsonObject renamed = searchBody("EXACT", "name", "Renamed lag group");
        assertEquals(0, admin.post("/api/v2/groups/search", renamed).json().get("total").getAsInt());
        assertTrue(eventually(() -> admin.post("/api/v2/groups/search", renamed).json()
                .get("total").getAsInt() == 1));
        assertEquals(0, admin.post("/api/v2/groups/search", byName).json().get("total").getAsInt());

        // GET with q64 works the same.
        JsonObject viaGet = admin.get(admin.post("/api/v2/groups/search", renamed).json().get("currentPage")
                .getAsString()).json();
        assertEquals(1, viaGet.get("total").getAsInt());
        assertEquals(400, admin.post("/api/v2/groups/search", Http.obj("{\"query\":[{\"type\":\"QUERY_STRING\","
                + "\"value\":\"x\"}]}")).status(), "QUERY_STRING is users only");
    }

    @Test
    void membersAreAddedInVersionedBatches() {
        JsonObject g = admin.post("/api/v2/groups", groupBody("Members group")).json();
        String id = g.get("id").getAsString();
        List<String> users = sb.inspect().activeUserIds().subList(1, 61);
        String batch = new com.google.gson.Gson().toJson(users.subList(0, 50));
        Http.Res added = admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":" + batch
                + ",\"version\":1}");
        assertEquals(ApiContract.STATUS_GROUP_MEMBERS_ADDED, added.status(), added.body());
        assertTrue(added.body().isEmpty());
        JsonObject after = admin.get("/api/v2/groups/" + id).json();
        assertEquals(2, after.get("version").getAsInt());
        assertEquals(50, after.get("memberCount").getAsInt());

        Http.Res stale = admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":[\"" + users.get(50)
                + "\"],\"version\":1}");
        assertEquals(ApiContract.STATUS_VERSION_CONFLICT, stale.status());
        assertTrue(stale.json().get("message").getAsString().contains("does not match the current version"));
        String rest = new com.google.gson.Gson().toJson(users.subList(50, 60));
        assertEquals(202, admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":" + rest
                + ",\"version\":2}").status());
        // Adding an existing member is harmless.
        assertEquals(202, admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":[\"" + users.get(0)
                + "\"],\"version\":3}").status());

        String tooMany = new com.google.gson.Gson().toJson(sb.inspect().activeUserIds().subList(0, 51));
        assertEquals(400, admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":" + tooMany
                + ",\"version\":4}").status());
        assertEquals(400, admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":[\"ghost\"],"
                + "\"version\":4}").status());
        assertEquals(400, admin.post("/api/v2/groups/" + id + "/members", "{\"memberIds\":[]}").status());

        // GET …/individuals takes no query parameters [SDK]: one page of all 60, and paging parameters are refused.
        JsonObject page = admin.get("/api/v2/groups/" + id + "/individuals").json();
        assertFalse(page.has("nextUri"));
        assertEquals(1, page.get("pageCount").getAsInt());
        assertEquals(400, admin.get("/api/v2/groups/" + id + "/individuals?pageSize=25").status());
        List<JsonObject> individuals = admin.all("/api/v2/groups/" + id + "/individuals");
        assertEquals(60, individuals.size());
        List<String> names = new ArrayList<>();
        individuals.forEach(u -> names.add(u.get("name").getAsString()));
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(String::compareTo);
        assertEquals(sorted, names);
        assertEquals(60, admin.all("/api/v2/groups/" + id + "/members").size());
        assertEquals(60, sb.inspect().groupMemberIds(id).size());

        assertEquals(202, admin.delete("/api/v2/groups/" + id + "/members?ids=" + users.get(0) + ","
                + users.get(1)).status());
        assertEquals(58, admin.get("/api/v2/groups/" + id).json().get("memberCount").getAsInt());
    }

    @Test
    void groupWritesNeedPermissions() {
        String[] c = Fixtures.limitedClient(sb, clock, admin, "Group viewer", List.of("directory:user:view"));
        Http viewer = new Http(sb.baseUrl(), Http.clientToken(sb.baseUrl(), c[0], c[1]));
        Http.Res denied = viewer.post("/api/v2/groups", groupBody("Forbidden"));
        assertEquals(403, denied.status());
        JsonObject e = denied.json();
        assertEquals("missing.permissions", e.get("code").getAsString());
        assertEquals("[directory:group:add]", e.getAsJsonObject("messageParams").get("permissions").getAsString());
        assertTrue(e.get("messageWithParams").getAsString().contains("{permissions}"));
        assertEquals("Unable to perform the requested action. You are missing the following permission(s): "
                + "[directory:group:add]", e.get("message").getAsString());
        assertEquals(200, viewer.get("/api/v2/users").status());
        assertEquals(403, viewer.get("/api/v2/oauth/clients").status());
        String group = sb.inspect().groupIdsNamed("Supervisors").get(0);
        assertEquals(403, viewer.post("/api/v2/groups/" + group + "/members", "{\"memberIds\":[],\"version\":1}")
                .status());
    }
}
