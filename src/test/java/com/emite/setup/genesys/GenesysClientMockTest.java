package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.GenesysTestSupport.FakeTime;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.User;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
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
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client against MockWebServer: edge cases the sandbox does not produce. */
@Timeout(30)
@ConcurrentClass
class GenesysClientMockTest {
    private static final String ORG = "{\"id\":\"org-1\",\"name\":\"Acme\",\"thirdPartyOrgName\":\"acme\",\"state\":\"active\"}";

    MockWebServer server;
    FakeTime time;
    GenesysClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        time = new FakeTime();
        client = GenesysTestSupport.signedIn(server, time);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static MockResponse dropConnection() {
        return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    private static MockResponse truncated(String partialJson) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(partialJson).setHeader("Content-Length", partialJson.length() + 200)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
    }

    private static MockResponse html(int code, String title) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "text/html")
                .body("<html><head><title>" + title + "</title></head><body><h1>" + title + "</h1></body></html>")
                .build();
    }

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

    // ---------------------------------------------------------------- malformed answers

    @Test
    void malformedJsonIsATypedErrorAndNotRetried() {
        server.enqueue(json("{\"id\":\"org-1\",\"name\":"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::getOrganization);
        assertEquals(GenesysApiException.Kind.MALFORMED_RESPONSE, e.kind());
        assertTrue(e.userMessage().contains("could not be read"), e.userMessage());
        assertFalse(e.getMessage().contains("org-1"), "no body in messages");
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void emptyOrWrongShapedBodiesAreMalformed() {
        server.enqueue(json(""));
        assertThrows(MalformedResponseException.class, client::getOrganization);
        server.enqueue(json("[1,2,3]"));
        assertThrows(MalformedResponseException.class, client::getOrganization);
        server.enqueue(json("{\"id\":\"x\"} trailing"));
        assertThrows(MalformedResponseException.class, client::getOrganization);
    }

    @Test
    void truncatedBodyOnAReadIsRetried() {
        server.enqueue(truncated("{\"id\":\"org-1\",\"na"));
        server.enqueue(json(ORG));
        assertEquals("acme", client.getOrganization().thirdPartyOrgName());
        assertEquals(1, client.stats().snapshot().retried());
        assertEquals(1, client.stats().snapshot().networkErrors());
    }

    @Test
    void truncatedBodyOnACreateIsOutcomeUnknownAndNotRepeated() {
        server.enqueue(truncated("{\"id\":\"g1\",\"na"));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> client.createGroup(GroupCreate.officialPublic("emite_Access")));
        assertEquals("create the group 'emite_Access'", e.operation());
        assertEquals(2, server.getRequestCount()); // HEAD of sign-in + the one POST
    }

    @Test
    void htmlPageFromAProxyInsteadOfJson() {
        server.enqueue(html(200, "Corporate Web Filter"));
        MalformedResponseException e = assertThrows(MalformedResponseException.class, client::getOrganization);
        assertTrue(e.userMessage().contains("Corporate Web Filter"), e.userMessage());
        assertTrue(e.userMessage().contains("proxy"), e.userMessage());

        server.enqueue(html(403, "Access Denied"));
        MalformedResponseException e2 = assertThrows(MalformedResponseException.class, client::getOrganization);
        assertEquals(403, e2.status());
        assertTrue(e2.userMessage().contains("Access Denied"));
    }

    @Test
    void htmlBadGatewayIsRetriedThenServerUnavailable() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(html(502, "502 Bad Gateway"));
        }
        ServerUnavailableException e = assertThrows(ServerUnavailableException.class, client::getOrganization);
        assertEquals(502, e.status());
        assertTrue(e.userMessage().contains("502 Bad Gateway"), e.userMessage());
        assertEquals(1 + 6, server.getRequestCount());
        assertEquals(5, client.stats().snapshot().retried());
        assertTrue(client.stats().snapshot().backoffWait().compareTo(Duration.ZERO) > 0);
    }

    // ---------------------------------------------------------------- connection failures

    @Test
    void connectionResetOnAReadIsRetried() {
        server.enqueue(dropConnection());
        server.enqueue(dropConnection());
        server.enqueue(json(ORG));
        assertEquals("acme", client.getOrganization().thirdPartyOrgName());
        assertEquals(2, client.stats().snapshot().retried());
    }

    @Test
    void connectionResetOnEveryTryEndsAsNetworkError() {
        for (int i = 0; i < 6; i++) {
            server.enqueue(dropConnection());
        }
        NetworkException e = assertThrows(NetworkException.class, client::getOrganization);
        assertEquals(0, e.status());
        assertTrue(e.userMessage().startsWith("Could not reach Genesys Cloud"), e.userMessage());
        assertTrue(e.isTransient());
    }

    @Test
    void createIsNotRepeatedOnADroppedConnection() throws Exception {
        server.enqueue(dropConnection());
        server.enqueue(json("{\"id\":\"should-not-be-used\"}"));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class, () -> client.createOAuthClient(
                OAuthClientRequest.clientCredentials("emite_APIdata", null, 86400, List.of())));
        assertEquals(GenesysApiException.Kind.OUTCOME_UNKNOWN, e.kind());
        assertInstanceOf(NetworkException.class, e.getCause());
        assertTrue(e.userMessage().contains("looks first"), e.userMessage());
        assertEquals(2, server.getRequestCount()); // sign-in HEAD + exactly one POST
        assertEquals(0, client.stats().snapshot().retried());
    }

    @Test
    void createIsNotRepeatedOnA5xx() {
        server.enqueue(error(503, "service.unavailable", "Service unavailable"));
        server.enqueue(json("{\"id\":\"should-not-be-used\"}"));
        OutcomeUnknownException e = assertThrows(OutcomeUnknownException.class,
                () -> client.createIntegration("eMite", "embedded-client-app"));
        assertEquals(503, e.status());
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void createIsRepeatedAfterA429BecauseNothingWasDone() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "2").build());
        server.enqueue(json("{\"id\":\"role-1\",\"name\":\"eMite Data Integration\"}"));
        var role = client.createRole(new com.emite.setup.genesys.model.RoleRequest("eMite Data Integration", null,
                List.of()));
        assertEquals("role-1", role.id());
        assertEquals(2, time.sleptSeconds());
    }

    @Test
    void versionedPutIsRepeatedOnADroppedConnection() {
        server.enqueue(dropConnection());
        server.enqueue(json("{\"id\":\"g1\",\"name\":\"n\",\"version\":3}"));
        Group g = client.updateGroup("g1", new GroupUpdate(2, "n", "d", null, "public", true, null));
        assertEquals(3, g.version());
        assertEquals(1, client.stats().snapshot().retried());
    }

    @Test
    void serverErrorsOnReadsBackOffAndRecover() {
        server.enqueue(error(503, "service.unavailable", "down"));
        server.enqueue(error(504, "request.timeout", "slow"));
        server.enqueue(json(ORG));
        assertEquals("acme", client.getOrganization().thirdPartyOrgName());
        CallStats.Snapshot s = client.stats().snapshot();
        assertEquals(2, s.retried());
        assertEquals(2, s.serverErrors());
        assertTrue(s.backoffWait().toMillis() >= 250 + 500, s.toString()); // jitter: at least half of 0.5 s + 1 s
    }

    /** §3.5: the SDK retries 502, 503 and 504 (and 429), not 500. */
    @Test
    void a500IsNotRetried() {
        server.enqueue(error(500, "internal.server.error", "boom"));
        server.enqueue(json(ORG));
        int before = server.getRequestCount();
        GenesysApiException e = assertThrows(GenesysApiException.class, client::getOrganization);
        assertEquals(500, e.status());
        assertEquals(1, server.getRequestCount() - before);
        assertEquals(0, client.stats().snapshot().retried());
    }

    // ---------------------------------------------------------------- 429

    @Test
    void retryAfterIsHonoured() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "4").build());
        server.enqueue(new MockResponse.Builder().code(429).build()); // no header: contract default
        server.enqueue(json(ORG));
        client.getOrganization();
        CallStats.Snapshot s = client.stats().snapshot();
        assertEquals(2, s.rateLimited());
        assertEquals(4 + com.emite.setup.contract.ApiContract.DEFAULT_RETRY_AFTER_SECONDS, s.retryAfterWait().toSeconds());
        assertEquals(4 + com.emite.setup.contract.ApiContract.DEFAULT_RETRY_AFTER_SECONDS, time.sleptSeconds());
    }

    @Test
    void a429StormIsBounded() {
        for (int i = 0; i < 20; i++) {
            server.enqueue(error(429, "too.many.requests",
                    "Rate limit exceeded the maximum [300] requests within [60] seconds"));
        }
        RateLimitedException e = assertThrows(RateLimitedException.class, client::getOrganization);
        assertEquals(GenesysApiException.Kind.RATE_LIMITED, e.kind());
        assertEquals(1 + RetryPolicy.DEFAULT.max429Retries() + 1, server.getRequestCount());
        assertEquals(RetryPolicy.DEFAULT.max429Retries() + 1, client.stats().snapshot().rateLimited());
        assertTrue(e.userMessage().contains("slow down"));
    }

    @Test
    void anAbsurdRetryAfterIsNotWaitedOut() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "3600").build());
        RateLimitedException e = assertThrows(RateLimitedException.class, client::getOrganization);
        assertEquals(Duration.ofHours(1), e.retryAfter());
        assertEquals(0, time.slept.get());
    }

    @Test
    void clientSideLimiterSpacesCallsSoThe301stWaits() throws Exception {
        GenesysClient limited = GenesysClient.builder(GenesysTestSupport.base(server), GenesysTestSupport.base(server))
                .timeSource(time).rateLimitPerMinute(3).build();
        server.enqueue(empty(200));
        limited.signInWithToken(com.emite.setup.common.Secret.of("t"));
        for (int i = 0; i < 3; i++) {
            server.enqueue(json(ORG));
            limited.getOrganization();
        }
        assertEquals(Duration.ofSeconds(62), limited.stats().snapshot().limiterWait());
        assertEquals(4, limited.stats().snapshot().calls());
    }

    // ---------------------------------------------------------------- typed errors

    @Test
    void missingPermissionGivesAPlainSentence() {
        server.enqueue(json(403, "{\"message\":\"Unable to perform the requested action. You are missing the following "
                + "permission(s): [oauth:client:add]\",\"code\":\"missing.permissions\",\"status\":403,"
                + "\"messageWithParams\":\"Unable to perform the requested action. You are missing the following "
                + "permission(s): {permissions}\",\"messageParams\":{\"permissions\":\"[oauth:client:add]\"},"
                + "\"contextId\":\"5e2b7a4c\",\"details\":[],\"errors\":[]}"));
        MissingPermissionException e = assertThrows(MissingPermissionException.class, () -> client.createOAuthClient(
                OAuthClientRequest.clientCredentials("x", null, 86400, List.of())));
        assertEquals(List.of("oauth:client:add"), e.permissions());
        assertEquals("Your account lacks the permission oauth:client:add — ask a Genesys Cloud admin to give you the "
                + "Master Admin role, or a role that has it.", e.userMessage());
        assertEquals("missing.permissions", e.code());
        assertEquals("5e2b7a4c", e.contextId());
        assertTrue(e.getMessage().contains("contextId 5e2b7a4c"));
    }

    @Test
    void statusesMapToKinds() {
        server.enqueue(error(404, "not.found", "Not found"));
        assertThrows(NotFoundException.class, () -> client.getGroup("nope"));
        server.enqueue(error(409, "conflict", "Version 3 is stale"));
        ConflictException c = assertThrows(ConflictException.class, () -> client.updateGroup("g",
                new GroupUpdate(3, "n", null, null, null, null, null)));
        assertTrue(c.isVersionMismatch());
        server.enqueue(error(400, "bad.request", "The version 2 does not match the current version 3"));
        ConflictException c2 = assertThrows(ConflictException.class, () -> client.updateGroup("g",
                new GroupUpdate(2, "n", null, null, null, null, null)));
        assertEquals(400, c2.status());
        assertTrue(c2.isVersionMismatch());
        server.enqueue(error(400, "invalid.value", "Permission foo:bar:baz does not exist"));
        BadRequestException b = assertThrows(BadRequestException.class, () -> TestCalls.of(client).getRole("r"));
        assertTrue(b.userMessage().contains("Permission foo:bar:baz does not exist"), b.userMessage());
        server.enqueue(error(401, "bad.credentials", "Invalid login credentials"));
        assertThrows(NotSignedInException.class, client::getOrganization);
    }

    @Test
    void notSignedInNeedsNoHttp() throws Exception {
        GenesysClient fresh = GenesysTestSupport.client(server, time);
        NotSignedInException e = assertThrows(NotSignedInException.class, fresh::getOrganization);
        assertEquals(0, e.status());
        assertEquals(1, server.getRequestCount());
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
        client.addGroupMembers("g1", List.of("u1", "u2", "u1"));
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
        client.addGroupMembers("g1", ids);
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
    void interruptedThreadCancels() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "1").build());
        Thread.currentThread().interrupt();
        try {
            CancelledException e = assertThrows(CancelledException.class, client::getOrganization);
            assertEquals(GenesysApiException.Kind.CANCELLED, e.kind());
        } finally {
            Thread.interrupted();
        }
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
