package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.OAuthClientRequest;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.emite.setup.genesys.GenesysTestSupport.body;
import static com.emite.setup.genesys.GenesysTestSupport.empty;
import static com.emite.setup.genesys.GenesysTestSupport.error;
import static com.emite.setup.genesys.GenesysTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/**
 * What the transport does with bad answers: malformed bodies, dropped connections, 5xx, 429, typed errors,
 * interrupts.
 */
@ConcurrentClass
class GenesysTransportMockTest extends MockServerTest {
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
        assertEquals(GenesysApiException.Kind.NETWORK, e.kind());
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
}
