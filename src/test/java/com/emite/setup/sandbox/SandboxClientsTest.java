package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAuth clients and scopes (reference §10, §14). */
@ConcurrentClass
class SandboxClientsTest extends FastOrgTest {
    String ccBody(String name) {
        return "{\"name\":\"" + name + "\",\"description\":\"Created by eMite setup tool\",\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"accessTokenValiditySeconds\":86400,\"roleDivisions\":[{\"roleId\":\""
                + sb.inspect().roleIdsNamed("Master Admin").get(0) + "\",\"divisionId\":\"*\"}]}";
    }

    @Test
    void theSecretIsShownOnlyAtCreateAndReset() {
        Http.Res created = admin.post("/api/v2/oauth/clients", ccBody("Show once"));
        assertEquals(200, created.status(), created.body());
        JsonObject c = created.json();
        String id = c.get("id").getAsString();
        String secret = c.get("secret").getAsString();
        assertEquals("CLIENT-CREDENTIALS", c.get("authorizedGrantType").getAsString());
        assertEquals("active", c.get("state").getAsString());
        assertEquals("*", c.getAsJsonArray("roleDivisions").get(0).getAsJsonObject().get("divisionId").getAsString());

        assertFalse(admin.get("/api/v2/oauth/clients/" + id).json().has("secret"));
        for (JsonElement e : admin.get("/api/v2/oauth/clients").json().getAsJsonArray("entities")) {
            assertFalse(e.getAsJsonObject().has("secret"));
            assertFalse(e.getAsJsonObject().has("authorizedGrantType"), "OAuthClientListing has no grant type");
        }
        Http.Res put = admin.put("/api/v2/oauth/clients/" + id, ccBody("Show once, renamed"));
        assertEquals(200, put.status(), put.body());
        assertFalse(put.json().has("secret"));
        assertEquals("Show once, renamed", put.json().get("name").getAsString());

        // The secret works; after a reset only the new one does.
        Http.clientToken(sb.baseUrl(), id, secret);
        Http.Res reset = admin.post("/api/v2/oauth/clients/" + id + "/secret", null);
        assertEquals(200, reset.status(), reset.body());
        String fresh = reset.json().get("secret").getAsString();
        assertNotEquals(secret, fresh);
        assertEquals(401, new Http(sb.baseUrl()).tokenRequest(Map.of("grant_type", "client_credentials"), id,
                secret).status());
        Http.clientToken(sb.baseUrl(), id, fresh);
        assertFalse(admin.get("/api/v2/oauth/clients/" + id).json().has("secret"));
        assertEquals(404, admin.post("/api/v2/oauth/clients/nope/secret", null).status());
    }

    @Test
    void clientBodiesAreValidated() {
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"authorizedGrantType\":\"CLIENT-CREDENTIALS\"}")
                .status(), "name required");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\"}").status(), "grant type required");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":"
                + "\"CLIENT_CREDENTIALS\"}").status(), "hyphens, not underscores");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"accessTokenValiditySeconds\":100}").status());
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":\"CODE\","
                + "\"registeredRedirectUri\":[\"https://e.example.com/cb\"],\"scope\":[\"user:readonly\"]}")
                .status(), "scopes are plural: users:readonly");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":\"CODE\"}")
                .status(), "a code client needs a redirect URI");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"roleDivisions\":[{\"roleId\":\"nope\",\"divisionId\":\"*\"}]}").status());
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"roleDivisions\":[{\"roleId\":\"x\"}]}").status(), "divisionId required");
        assertEquals(400, admin.post("/api/v2/oauth/clients", "{\"name\":\"x\",\"authorizedGrantType\":"
                + "\"CLIENT-CREDENTIALS\",\"state\":\"paused\"}").status());
        Http.Res saml = admin.post("/api/v2/oauth/clients", "{\"name\":\"saml\",\"authorizedGrantType\":"
                + "\"SAML2BEARER\"}");
        assertEquals(200, saml.status(), saml.body());
        assertEquals("SAML2-BEARER", saml.json().get("authorizedGrantType").getAsString());
    }

    @Test
    void deleteNeedsAnInactiveClient() {
        JsonObject c = admin.post("/api/v2/oauth/clients", ccBody("To delete")).json();
        String id = c.get("id").getAsString();
        String token = Http.clientToken(sb.baseUrl(), id, c.get("secret").getAsString());
        Http.Res active = admin.delete("/api/v2/oauth/clients/" + id);
        assertEquals(400, active.status());
        assertEquals("cannot.delete.client", active.code());
        Http.Res inactive = admin.put("/api/v2/oauth/clients/" + id, ccBody("To delete").replace("}]}",
                "}],\"state\":\"inactive\"}"));
        assertEquals("inactive", inactive.json().get("state").getAsString());
        assertEquals(401, new Http(sb.baseUrl(), token).get("/api/v2/organizations/me").status(),
                "tokens of an inactive client stop working");
        assertEquals(ApiContract.STATUS_DELETED, admin.delete("/api/v2/oauth/clients/" + id).status());
        assertEquals(404, admin.get("/api/v2/oauth/clients/" + id).status());
    }

    @Test
    void clientListHasEveryClientOnOnePage() {
        JsonObject list = admin.get("/api/v2/oauth/clients").json();
        int total = list.get("total").getAsInt();
        assertEquals(total, list.getAsJsonArray("entities").size());
        assertFalse(list.has("nextUri"));
        assertTrue(list.toString().contains(sb.adminClientId()));
        JsonObject pkce = admin.get("/api/v2/oauth/clients/" + sb.pkceClientId()).json();
        assertEquals(ApiContract.PKCE_GRANT_TYPE, pkce.get("authorizedGrantType").getAsString());
    }

    @Test
    void scopes() {
        JsonObject s = admin.get("/api/v2/oauth/scopes").json();
        assertEquals(s.getAsJsonArray("entities").size(), s.get("total").getAsInt());
        String all = s.toString();
        for (String scope : new String[]{"users:readonly", "groups", "authorization:readonly", "integrations",
                "oauth:readonly", "organization:readonly", "workforce-management", "external-contacts",
                "user-basic-info"}) {
            assertTrue(all.contains("\"" + scope + "\""), scope);
        }
        assertFalse(all.contains("\"user:readonly\""));
        assertEquals("users:readonly", admin.get("/api/v2/oauth/scopes/users:readonly").json().get("id")
                .getAsString());
        assertEquals(404, admin.get("/api/v2/oauth/scopes/user:readonly").status());
    }
}
