package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The identity of a client-credentials sign-in when the real API refuses GET /authorization/subjects/me without a
 * user (the SDK: "for the currently authenticated user"; reference §9 suggests subjects/{ownClientId}).
 */
class ProvisionIdentityTest {
    private static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    @Test
    void aClientWhoseSubjectsMeIsRefusedIsReadBySubjectId() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            String base = server.url("/").toString().replaceAll("/$", "");
            GenesysClient client = GenesysClient.builder(base, base).unlimitedRate().build();
            server.enqueue(json(200, "{\"access_token\":\"t\",\"token_type\":\"bearer\",\"expires_in\":86399}"));
            client.signInWithClientCredentials("c1", Secret.of("s"));
            String subject = "{\"id\":\"c1\",\"name\":\"Admin client\",\"grants\":[{\"subjectId\":\"c1\","
                    + "\"division\":{\"id\":\"*\"},\"role\":{\"id\":\"r1\",\"name\":\"Admin\",\"policies\":[{"
                    + "\"domain\":\"oauth\",\"entityName\":\"client\",\"actions\":[\"add\",\"view\"]}]}}]}";
            String noUser = "{\"message\":\"This request requires a user context.\",\"code\":\"bad.request\","
                    + "\"status\":400,\"contextId\":\"x\",\"details\":[],\"errors\":[]}";
            // Signed in with client credentials, the engine knows its own client id (no GET /tokens/me).
            server.enqueue(json(400, noUser));
            server.enqueue(json(200, subject));
            Identity me = new GenesysOrgApi(client).identity();
            assertEquals(Identity.Kind.CLIENT, me.kind());
            assertEquals("c1", me.id());
            assertEquals(Set.of("r1"), me.roleIds());
            assertTrue(me.holds("oauth:client:add"), me.permissions()::toString);
            server.takeRequest();
            assertEquals("/api/v2/authorization/subjects/me", server.takeRequest().getUrl().encodedPath());
            assertEquals("/api/v2/authorization/subjects/c1", server.takeRequest().getUrl().encodedPath());

            // Waiting for a grant asks the same way.
            server.enqueue(json(404, noUser.replace("400", "404")));
            server.enqueue(json(200, subject));
            assertEquals(Set.of("r1"), new GenesysOrgApi(client).identityRoleIds(me));
        }
    }
}
