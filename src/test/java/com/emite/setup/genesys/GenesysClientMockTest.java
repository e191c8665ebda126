package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.User;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.emite.setup.genesys.GenesysTestSupport.body;
import static com.emite.setup.genesys.GenesysTestSupport.empty;
import static com.emite.setup.genesys.GenesysTestSupport.error;
import static com.emite.setup.genesys.GenesysTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The calls against MockWebServer: wire format, paging, version conflicts, grants. */
@ConcurrentClass
class GenesysClientMockTest extends MockServerTest {
    // ---------------------------------------------------------------- happy path and wire format

    @Test
    void readsTheOrganizationWithBearerAndAcceptHeaders() throws Exception {
        server.enqueue(json(ORG));
        Organization org = client.getOrganization();
        assertEquals("acme", org.thirdPartyOrgName());
        RecordedRequest r = server.takeRequest();
        assertEquals("GET", r.getMethod());
        assertEquals("/api/v2/organizations/me", r.getUrl().encodedPath());
        assertEquals("Bearer pasted-token-0123456789", r.getHeaders().get("Authorization"));
        assertEquals("application/json", r.getHeaders().get("Accept"));
        assertEquals(2, client.stats().snapshot().calls()); // the HEAD of sign-in + this GET
    }

    @Test
    void createPostsJsonWithWireNames() throws Exception {
        server.enqueue(json("{\"id\":\"g1\",\"name\":\"emite_Access\",\"version\":1,\"type\":\"official\"}"));
        Group g = client.createGroup(GroupCreate.officialPublic("emite_Access"));
        assertEquals("g1", g.id());
        RecordedRequest r = server.takeRequest();
        assertEquals("POST", r.getMethod());
        assertEquals("/api/v2/groups", r.getUrl().encodedPath());
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals("{\"name\":\"emite_Access\",\"type\":\"official\",\"visibility\":\"public\",\"rulesVisible\":true,"
                + "\"ownerIds\":[]}", body(r));
    }

    @Test
    void oauthClientWireFormatAndSecretNeverPrinted() throws Exception {
        server.enqueue(json("{\"id\":\"c1\",\"name\":\"emite_APIdata\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\","
                + "\"secret\":\"very-secret-value-123456\",\"roleDivisions\":[{\"roleId\":\"r1\",\"divisionId\":\"*\"}]}"));
        var created = client.createOAuthClient(OAuthClientRequest.clientCredentials("emite_APIdata", null, 86400,
                List.of(RoleDivision.inAllDivisions("r1"))));
        assertEquals("very-secret-value-123456", created.secret().reveal());
        assertFalse(created.toString().contains("very-secret-value-123456"));
        String sent = body(server.takeRequest());
        assertEquals("{\"name\":\"emite_APIdata\",\"accessTokenValiditySeconds\":86400,\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"roleDivisions\":[{\"roleId\":\"r1\",\"divisionId\":\"*\"}]}", sent);
    }

    // ---------------------------------------------------------------- paging

    private static String usersPage(int page, int pages, int size, boolean uris) {
        String entities = IntStream.range(0, size).mapToObj(i -> "{\"id\":\"u" + page + "-" + i + "\"}")
                .collect(Collectors.joining(","));
        String uri = uris ? ",\"selfUri\":\"/api/v2/users?pageNumber=" + page + "\""
                + (page < pages ? ",\"nextUri\":\"/api/v2/users?pageSize=100&pageNumber=" + (page + 1) + "\"" : "")
                : "";
        return "{\"entities\":[" + entities + "],\"pageSize\":100,\"pageNumber\":" + page + ",\"total\":"
                + ((pages - 1) * 100 + size) + ",\"pageCount\":" + pages + uri + "}";
    }

    @Test
    void listingsArePagedLazilyAtTheLargestPageSize() throws Exception {
        server.enqueue(json(usersPage(1, 3, 100, true)));
        server.enqueue(json(usersPage(2, 3, 100, true)));
        server.enqueue(json(usersPage(3, 3, 7, true)));
        var stream = client.listUsers("active", List.of("authorization"));
        assertEquals(1, server.getRequestCount(), "nothing fetched before the stream is used");
        List<User> all = stream.collect(Collectors.toList());
        assertEquals(207, all.size());
        for (int p = 1; p <= 3; p++) {
            RecordedRequest r = server.takeRequest();
            assertEquals("100", r.getUrl().queryParameter("pageSize"));
            assertEquals(Integer.toString(p), r.getUrl().queryParameter("pageNumber"));
            assertEquals("active", r.getUrl().queryParameter("state"));
            assertEquals("authorization", r.getUrl().queryParameter("expand"));
        }
    }

    /** §3.4: 413 response.entity.too.large means "lower pageSize": the same position is read at a smaller size. */
    @Test
    void anAnswerTooLargeIsReadAgainInSmallerPages() throws Exception {
        server.enqueue(json(usersPage(1, 3, 100, true)));
        server.enqueue(error(413, "response.entity.too.large", "too large"));
        server.enqueue(json("{\"entities\":[" + IntStream.range(0, 50).mapToObj(i -> "{\"id\":\"b" + i + "\"}")
                .collect(Collectors.joining(",")) + "],\"pageSize\":50,\"pageNumber\":3,\"total\":130,"
                + "\"pageCount\":3,\"selfUri\":\"/api/v2/users?pageSize=50&pageNumber=3\"}"));
        int before = server.getRequestCount();
        assertEquals(150, client.listUsers("active", List.of("authorization")).count());
        assertEquals(3, server.getRequestCount() - before);
        RecordedRequest first = server.takeRequest();
        assertEquals("100", first.getUrl().queryParameter("pageSize"));
        RecordedRequest tooLarge = server.takeRequest();
        assertEquals("100", tooLarge.getUrl().queryParameter("pageSize"));
        assertEquals("2", tooLarge.getUrl().queryParameter("pageNumber"));
        RecordedRequest smaller = server.takeRequest();
        assertEquals("50", smaller.getUrl().queryParameter("pageSize"));
        assertEquals("3", smaller.getUrl().queryParameter("pageNumber"), "items 101-150 are page 3 of 50");
        assertEquals(25, Pages.smallerSize(50, 50));
        assertEquals(5, Pages.smallerSize(25, 75));
        assertEquals(0, Pages.smallerSize(1, 7));
    }

    @Test
    void aStreamCutShortFetchesOnlyWhatItNeeds() {
        server.enqueue(json(usersPage(1, 3, 100, true)));
        assertEquals(5, client.listUsers(null, null).limit(5).count());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void thinListingsPageByPageCount() throws Exception {
        server.enqueue(json(usersPage(1, 2, 100, false)));
        server.enqueue(json(usersPage(2, 2, 1, false)));
        assertEquals(101, client.listGroups().count());
        server.takeRequest();
        assertEquals("2", server.takeRequest().getUrl().queryParameter("pageNumber"));
    }

    /**
     * GET /groups/{id}/individuals and GET /oauth/clients take no query parameters [SDK]: none is sent, and a
     * nextUri the API gives is followed as given.
     */
    @Test
    void listingsWithoutPagingParametersSendNoneAndFollowNextUri() throws Exception {
        server.enqueue(json("{\"entities\":[{\"id\":\"u1\"},{\"id\":\"u2\"}],\"pageSize\":2,\"pageNumber\":1,"
                + "\"total\":3,\"pageCount\":2,\"selfUri\":\"/api/v2/groups/g1/individuals\","
                + "\"nextUri\":\"/api/v2/groups/g1/individuals?cursor=abc\"}"));
        server.enqueue(json("{\"entities\":[{\"id\":\"u3\"}],\"pageSize\":2,\"pageNumber\":2,\"total\":3,"
                + "\"pageCount\":2,\"selfUri\":\"/api/v2/groups/g1/individuals?cursor=abc\"}"));
        assertEquals(List.of("u1", "u2", "u3"), client.listGroupIndividuals("g1").map(User::id).toList());
        RecordedRequest first = server.takeRequest();
        assertEquals("/api/v2/groups/g1/individuals", first.getUrl().encodedPath());
        assertEquals(0, first.getUrl().querySize());
        assertEquals("cursor=abc", server.takeRequest().getUrl().encodedQuery());

        server.enqueue(json("{\"entities\":[{\"id\":\"c1\",\"name\":\"x\"}],\"pageSize\":25,\"pageNumber\":1,"
                + "\"total\":1,\"pageCount\":1,\"selfUri\":\"/api/v2/oauth/clients\"}"));
        assertEquals(1, client.listOAuthClients().count());
        assertEquals(0, server.takeRequest().getUrl().querySize());
    }

    @Test
    void searchFollowsQ64NextPageLinks() throws Exception {
        String first = "{\"total\":3,\"pageCount\":2,\"pageSize\":2,\"pageNumber\":1,"
                + "\"nextPage\":\"/api/v2/groups/search?q64=abc123\",\"results\":["
                + "{\"id\":\"g1\",\"name\":\"emite_Access\"},{\"id\":\"g2\",\"name\":\"emite_Access2\"}]}";
        String second = "{\"total\":3,\"pageCount\":2,\"pageSize\":2,\"pageNumber\":2,"
                + "\"results\":[{\"id\":\"g3\",\"name\":\"emite_Access\"}]}";
        server.enqueue(json(first));
        server.enqueue(json(second));
        List<Group> found = TestCalls.of(client).findGroupsByName("emite_Access");
        assertEquals(List.of("g1", "g3"), found.stream().map(Group::id).collect(Collectors.toList()));
        RecordedRequest post = server.takeRequest();
        assertEquals("POST", post.getMethod());
        assertEquals("/api/v2/groups/search", post.getUrl().encodedPath());
        assertTrue(body(post).contains("\"pageSize\":100,\"pageNumber\":1"));
        assertTrue(body(post).contains("{\"type\":\"EXACT\",\"fields\":[\"name\"],\"value\":\"emite_Access\"}"));
        RecordedRequest get = server.takeRequest();
        assertEquals("GET", get.getMethod());
        assertEquals("abc123", get.getUrl().queryParameter("q64"));
    }

    // ---------------------------------------------------------------- version conflicts

    @Test
    void memberAddsReadAFreshVersionAndRetryConflicts() throws Exception {
        server.enqueue(json("{\"id\":\"g1\",\"version\":1}"));
        server.enqueue(error(409, "conflict", "version mismatch"));
        server.enqueue(json("{\"id\":\"g1\",\"version\":2}"));
        server.enqueue(empty(202));
        TestCalls.of(client).addGroupMembers("g1", List.of("u1", "u2", "u1"));
        assertEquals("GET", server.takeRequest().getMethod());
        assertTrue(body(server.takeRequest()).contains("\"version\":1"));
        assertEquals("GET", server.takeRequest().getMethod());
        String last = body(server.takeRequest());
        assertEquals("{\"memberIds\":[\"u1\",\"u2\"],\"version\":2}", last);
        assertEquals(1, time.sleptSeconds());
    }

    @Test
    void memberAddsAreBatchedByFifty() throws Exception {
        List<String> ids = IntStream.range(0, 120).mapToObj(i -> "u" + i).collect(Collectors.toList());
        for (int v = 1; v <= 3; v++) {
            server.enqueue(json("{\"id\":\"g1\",\"version\":" + v + "}"));
            server.enqueue(empty(202));
        }
        TestCalls.of(client).addGroupMembers("g1", ids);
        assertEquals(1 + 6, server.getRequestCount());
    }

    @Test
    void configUpdateRereadsOnConflict() throws Exception {
        String cfg1 = "{\"id\":\"i1\",\"name\":\"eMite\",\"version\":1,\"properties\":{},\"advanced\":{},\"notes\":\"\",\"credentials\":{}}";
        String cfg2 = cfg1.replace("\"version\":1", "\"version\":2");
        server.enqueue(json(cfg1));
        server.enqueue(error(409, "conflict", "stale"));
        server.enqueue(json(cfg2));
        server.enqueue(json(cfg2.replace("\"version\":2", "\"version\":3")));
        var out = TestCalls.of(client).updateIntegrationConfig("i1", c -> c.with("eMite Advanced Analytics", c.properties(),
                c.advanced(), "by test"));
        assertEquals(3, out.version());
        server.takeRequest();
        server.takeRequest();
        server.takeRequest();
        String put = body(server.takeRequest());
        assertTrue(put.contains("\"version\":2") && put.contains("eMite Advanced Analytics"), put);
        assertTrue(put.contains("\"credentials\":{}") && put.contains("\"advanced\":{}"), put);
    }

    @Test
    void grantCallsSendNoBodyOrTheDocumentedBody() throws Exception {
        server.enqueue(empty(204));
        client.grantRole("u1", com.emite.setup.genesys.model.SubjectType.PC_USER, "d1", "r1");
        server.enqueue(empty(204));
        client.grantRoleToSubjects("r1", com.emite.setup.genesys.model.SubjectType.PC_GROUP, List.of("g1", "g2"),
                List.of("*"));
        RecordedRequest single = server.takeRequest();
        assertEquals("/api/v2/authorization/subjects/u1/divisions/d1/roles/r1", single.getUrl().encodedPath());
        assertEquals("PC_USER", single.getUrl().queryParameter("subjectType"));
        assertEquals(0, single.getBodySize());
        RecordedRequest many = server.takeRequest(1, TimeUnit.SECONDS);
        assertEquals("/api/v2/authorization/roles/r1", many.getUrl().encodedPath());
        assertEquals("PC_GROUP", many.getUrl().queryParameter("subjectType"));
        assertEquals("{\"subjectIds\":[\"g1\",\"g2\"],\"divisionIds\":[\"*\"]}", body(many));
        assertNull(null);
    }
}
