package com.emite.setup.reliability;

import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxFaults;
import com.google.gson.JsonParser;
import okhttp3.Credentials;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The sandbox faults the matrix needs, checked on the wire: fast, in the default run. */
class SandboxFaultKindsTest {
    static final OkHttpClient HTTP = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
    static final MediaType JSON = MediaType.get("application/json");

    Sandbox sandbox;
    String token;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.start(SandboxConfig.builder().divisions(1).agents(5).unlimitedRate().latencyMs(0)
                .searchLagMs(0).grantLagMs(0).build());
        Request r = new Request.Builder().url(sandbox.baseUrl() + "/oauth/token")
                .header("Authorization", Credentials.basic(sandbox.adminClientId(),
                        sandbox.adminClientSecret().reveal()))
                .post(new FormBody.Builder().add("grant_type", "client_credentials").build()).build();
        try (Response resp = HTTP.newCall(r).execute()) {
            token = JsonParser.parseString(resp.body().string()).getAsJsonObject().get("access_token").getAsString();
        }
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    Response createGroup(String name) throws IOException {
        return HTTP.newCall(new Request.Builder().url(sandbox.baseUrl() + "/api/v2/groups")
                .header("Authorization", "Bearer " + token)
                .post(RequestBody.create("{\"name\":\"" + name + "\",\"type\":\"official\",\"rulesVisible\":true,"
                        + "\"visibility\":\"public\"}", JSON)).build()).execute();
    }

    Response get() throws IOException {
        return HTTP.newCall(new Request.Builder().url(sandbox.baseUrl() + "/api/v2/groups")
                .header("Authorization", "Bearer " + token).build()).execute();
    }

    @Test
    void aLostAnswerMeansTheWriteWasDoneButTheClientHearsNothing() throws IOException {
        sandbox.faults(SandboxFaults.loseAnswers(1));
        try (Response r = get()) {
            assertEquals(200, r.code(), "reads are not counted");
        }
        assertThrows(IOException.class, () -> createGroup("g1").close());
        assertEquals(1, sandbox.inspect().groupIdsNamed("g1").size(), "processed although unanswered");
        assertEquals(0, sandbox.faults().loseAnswers());
        try (Response r = createGroup("g2")) {
            assertEquals(200, r.code(), "only the next write");
        }
    }

    @Test
    void countedFaultsStartAfterTheSkippedRequests() throws IOException {
        sandbox.faults(SandboxFaults.dropConnections(1).afterRequests(2));
        for (int i = 0; i < 2; i++) {
            try (Response r = get()) {
                assertEquals(200, r.code());
            }
        }
        assertThrows(IOException.class, () -> createGroup("dropped").close());
        assertEquals(0, sandbox.inspect().groupIdsNamed("dropped").size(), "a drop is before processing");
        try (Response r = get()) {
            assertEquals(200, r.code());
        }
    }

    @Test
    void a429StormAnswersTooManyRequestsWithRetryAfter() throws IOException {
        sandbox.faults(SandboxFaults.errorBurst(2, 429));
        for (int i = 0; i < 2; i++) {
            try (Response r = get()) {
                assertEquals(429, r.code());
                assertEquals("1", r.header("Retry-After"));
            }
        }
        try (Response r = get()) {
            assertEquals(200, r.code());
        }
    }
}
