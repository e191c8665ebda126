package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rate limits (reference §3.5), latency, the fault switch, stats and the control endpoints. */
@ConcurrentClass
class SandboxLimitsTest {

    @Test
    void theSixthRequestInAMinuteGets429WithRetryAfter() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).rateLimitPerMinute(5).build())) {
            Http a = Http.admin(sb);
            for (int i = 0; i < 5; i++) {
                assertEquals(200, a.get("/api/v2/organizations/me").status());
            }
            Http.Res limited = a.get("/api/v2/organizations/me");
            assertEquals(429, limited.status());
            int retryAfter = Integer.parseInt(limited.header("Retry-After"));
            assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
            JsonObject e = limited.json();
            assertEquals("too.many.requests", e.get("code").getAsString());
            assertEquals(429, e.get("status").getAsInt());
            assertEquals("Rate limit exceeded the maximum [5] requests within [60] seconds",
                    e.get("message").getAsString());
            assertEquals("client.credentials.token.rate.per.minute", e.getAsJsonObject("limit").get("key")
                    .getAsString());
            assertEquals(limited.header("ININ-Correlation-Id"), e.get("contextId").getAsString());

            // The limit is per token; token calls and control endpoints are not limited.
            Http b = Http.admin(sb);
            assertEquals(200, b.get("/api/v2/organizations/me").status());
            Http control = new Http(sb.baseUrl());
            for (int i = 0; i < 10; i++) {
                assertEquals(200, control.get("/__sandbox/stats").status());
            }
            assertEquals(1, sb.stats().tooManyRequests());

            // Lifting the limit at run time.
            sb.rateLimitPerMinute(0);
            assertEquals(200, a.get("/api/v2/organizations/me").status());
        }
    }

    @Test
    void searchTypesHaveTheirOwnLimits() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).rateLimitPerMinute(10_000).build())) {
            Http a = Http.admin(sb);
            String contains = "{\"query\":[{\"type\":\"CONTAINS\",\"fields\":[\"name\"],\"value\":\"a\"}]}";
            for (int i = 0; i < 100; i++) {
                assertEquals(200, a.post("/api/v2/groups/search", contains).status());
            }
            Http.Res limited = a.post("/api/v2/groups/search", contains);
            assertEquals(429, limited.status());
            assertNotNull(limited.header("Retry-After"));
            assertEquals(200, a.post("/api/v2/groups/search", "{\"query\":[{\"type\":\"EXACT\",\"fields\":"
                    + "[\"name\"],\"value\":\"a\"}]}").status(), "EXACT has its own budget");
        }
    }

    @Test
    void faultSwitchDropsFailsAndSlows() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).build())) {
            Http a = Http.admin(sb);
            sb.faults(SandboxFaults.dropConnections(1));
            // A POST, because HTTP clients silently retry an idempotent GET on a dropped connection.
            assertThrows(UncheckedIOException.class, () -> a.post("/api/v2/groups/search",
                    "{\"query\":[{\"type\":\"MATCH_ALL\"}]}"));
            assertEquals(200, a.get("/api/v2/organizations/me").status());

            sb.faults(SandboxFaults.errorBurst(2, 503));
            Http.Res e1 = a.get("/api/v2/organizations/me");
            assertEquals(503, e1.status());
            assertEquals("service.unavailable", e1.code());
            assertEquals(503, a.get("/api/v2/organizations/me").status());
            assertEquals(200, a.get("/api/v2/organizations/me").status());

            sb.faults(SandboxFaults.slow(300));
            long t0 = System.nanoTime();
            assertEquals(200, a.get("/api/v2/organizations/me").status());
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 300);
            sb.faults(SandboxFaults.NONE);
            assertEquals(1, sb.stats().droppedConnections());

            // The same through the control endpoint.
            Http control = new Http(sb.baseUrl());
            JsonObject f = control.post("/__sandbox/faults", "{\"errorBurst\":1,\"errorStatus\":502}").json();
            assertEquals(1, f.get("errorBurst").getAsInt());
            assertEquals(502, a.get("/api/v2/organizations/me").status());
            assertEquals(0, control.get("/__sandbox/faults").json().get("errorBurst").getAsInt());
            assertEquals(400, control.post("/__sandbox/faults", "{\"errorStatus\":418}").status());
            assertEquals(0, control.delete("/__sandbox/faults").json().get("slowMs").getAsInt());
        }
    }

    @Test
    void latencyIsAddedToEveryRequest() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).latencyMs(150).build())) {
            Http a = Http.admin(sb);
            long t0 = System.nanoTime();
            a.get("/api/v2/organizations/me");
            assertTrue((System.nanoTime() - t0) / 1_000_000 >= 150);
            sb.latencyMs(0);
            assertEquals(0, new Http(sb.baseUrl()).get("/__sandbox/settings").json().get("latencyMs").getAsInt());
        }
    }

    @Test
    void statsCountReadsWritesTokenCallsAndRoutes() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).build())) {
            Http a = Http.admin(sb);
            sb.resetStats();
            Http.admin(sb);
            a.get("/api/v2/organizations/me");
            a.get("/api/v2/groups");
            a.post("/api/v2/groups", "{\"name\":\"g\",\"type\":\"official\",\"visibility\":\"public\","
                    + "\"rulesVisible\":true}");
            a.get("/api/v2/no/such/route");
            SandboxStats s = sb.stats();
            assertEquals(5, s.totalRequests());
            assertEquals(1, s.tokenCalls());
            assertEquals(3, s.reads());
            assertEquals(1, s.writes());
            assertEquals(1, s.count("POST /api/v2/groups"));
            assertEquals(1, s.count("POST /oauth/token"));
            assertEquals(1, s.perStatus().get("404"));

            Http control = new Http(sb.baseUrl());
            JsonObject viaHttp = control.get("/__sandbox/stats").json();
            assertEquals(5, viaHttp.get("totalRequests").getAsInt());
            assertEquals(1, viaHttp.getAsJsonObject("perRoute").get("GET /api/v2/groups").getAsInt());
            assertEquals(0, control.post("/__sandbox/stats/reset", null).json().get("totalRequests").getAsInt());
            assertEquals(0, sb.stats().totalRequests(), "control endpoints are not counted");
        }
    }

    @Test
    void controlEndpointsAddAgentsAndDescribeTheOrg() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).build())) {
            Http control = new Http(sb.baseUrl());
            int before = sb.userCount();
            int activeBefore = sb.inspect().activeUserIds().size();
            JsonObject added = control.post("/__sandbox/agents?count=500", null).json();
            assertEquals(500, added.get("added").getAsInt());
            assertEquals(before + 500, added.get("totalUsers").getAsInt());
            assertEquals(400, control.post("/__sandbox/agents?count=0", null).status());
            assertEquals(400, control.post("/__sandbox/agents", null).status());
            JsonObject info = control.get("/__sandbox/info").json();
            assertEquals(sb.adminClientId(), info.get("adminClientId").getAsString());
            assertEquals(sb.pkceClientId(), info.get("pkceClientId").getAsString());
            assertFalse(info.toString().contains(sb.adminClientSecret().reveal()), "no secrets");
            assertEquals(404, control.get("/__sandbox/nothing").status());
            JsonObject settings = control.post("/__sandbox/settings", "{\"rateLimitPerMinute\":7}").json();
            assertEquals(7, settings.get("rateLimitPerMinute").getAsInt());
            // New agents are active, spread over divisions and listed at once.
            Http a = Http.admin(sb);
            assertEquals(activeBefore + 500, a.get("/api/v2/users").json().get("total").getAsInt());
            assertTrue(sb.divisionIds().stream().allMatch(d -> !sb.inspect().activeUserIdsIn(d).isEmpty()));
        }
    }

    @Test
    void unknownRoutesAndMediaTypes() {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(5).build())) {
            Http a = Http.admin(sb);
            Http.Res nf = a.get("/api/v2/nothing/here");
            assertEquals(404, nf.status());
            assertEquals("not.found", nf.code());
            Http.Res media = a.call("PUT", "/api/v2/groups/x", "{}", "text/plain");
            assertEquals(415, media.status());
            assertEquals("unsupported.media.type", media.code());
            assertEquals(400, a.post("/api/v2/groups", "[1,2]").status());
        }
    }
}
