package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration types, integrations and config (reference §11, §14). */
@ConcurrentClass
class SandboxIntegrationsTest extends FastOrgTest {
    static String config(String name, int version, String props) {
        return "{\"name\":\"" + name + "\",\"version\":" + version + ",\"notes\":\"Created by eMite setup tool\","
                + "\"credentials\":{},\"properties\":" + props + ",\"advanced\":{}}";
    }

    static final String PROPS = "{\"url\":\"https://emite.example.com/?org={{gcTargetEnv}}\",\"displayType\":"
            + "\"standalone\",\"featureCategory\":\"\",\"sandbox\":\"allow-forms,allow-modals,allow-popups,"
            + "allow-presentation,allow-same-origin,allow-scripts,allow-downloads\",\"permissions\":"
            + "\"clipboard-write,fullscreen\",\"groups\":[\"9b7e0c2a-4d3f-4c1e-8a55-2f1d0e6b7c33\"]}";

    String create(String name) {
        Http.Res r = admin.post("/api/v2/integrations", "{\"name\":\"" + name + "\",\"integrationType\":{\"id\":\""
                + ApiContract.CLIENT_APP_TYPE_ID + "\"}}");
        assertEquals(200, r.status(), r.body());
        return r.json().get("id").getAsString();
    }

    @Test
    void integrationTypes() {
        JsonObject types = admin.get("/api/v2/integrations/types").json();
        assertTrue(types.toString().contains("\"" + ApiContract.CLIENT_APP_TYPE_ID + "\""));
        JsonObject t = admin.get("/api/v2/integrations/types/" + ApiContract.CLIENT_APP_TYPE_ID).json();
        assertEquals("Custom Client Application", t.get("name").getAsString());
        assertEquals(404, admin.get("/api/v2/integrations/types/premium-app-nothing").status());
    }

    @Test
    void createConfigureAndEnableAClientApp() {
        String id = create("eMite");
        JsonObject i = admin.get("/api/v2/integrations/" + id).json();
        assertEquals(ApiContract.NEW_INTEGRATION_STATE, i.get("intendedState").getAsString());
        assertEquals("INACTIVE", i.getAsJsonObject("reportedState").get("code").getAsString());
        assertEquals(ApiContract.CLIENT_APP_TYPE_ID, i.getAsJsonObject("integrationType").get("id").getAsString());

        JsonObject cfg = admin.get("/api/v2/integrations/" + id + "/config/current").json();
        assertEquals(1, cfg.get("version").getAsInt());
        assertEquals("eMite", cfg.get("name").getAsString());

        Http.Res put = admin.put("/api/v2/integrations/" + id + "/config/current",
                config("eMite Advanced Analytics", 1, PROPS));
        assertEquals(200, put.status(), put.body());
        assertEquals(2, put.json().get("version").getAsInt());
        assertEquals("standalone", put.json().getAsJsonObject("properties").get("displayType").getAsString());
        assertEquals("eMite Advanced Analytics", admin.get("/api/v2/integrations/" + id).json().get("name")
                .getAsString(), "the name changes through the config");

        Http.Res stale = admin.put("/api/v2/integrations/" + id + "/config/current", config("x", 1, PROPS));
        assertEquals(ApiContract.STATUS_VERSION_CONFLICT, stale.status());

        // PATCH: only intendedState is taken; name is read-only there.
        Http.Res patch = admin.patch("/api/v2/integrations/" + id, "{\"intendedState\":\"ENABLED\","
                + "\"name\":\"Sneaky\"}");
        assertEquals(200, patch.status(), patch.body());
        assertEquals("ENABLED", patch.json().get("intendedState").getAsString());
        assertEquals("ACTIVE", patch.json().getAsJsonObject("reportedState").get("code").getAsString());
        assertEquals("eMite Advanced Analytics", patch.json().get("name").getAsString());
        assertEquals(400, admin.patch("/api/v2/integrations/" + id, "{\"intendedState\":\"ON\"}").status());
        // The SDK's Integration model marks intendedState required: a PATCH without it changes nothing real.
        assertEquals(400, admin.patch("/api/v2/integrations/" + id, "{\"name\":\"Renamed\"}").status());
        assertEquals(400, admin.patch("/api/v2/integrations/" + id, "{}").status());

        assertTrue(admin.all("/api/v2/integrations").stream().anyMatch(x -> x.get("id").getAsString().equals(id)));
        Http.Res deleted = admin.delete("/api/v2/integrations/" + id);
        assertEquals(200, deleted.status());
        assertEquals(id, deleted.json().get("id").getAsString());
        assertEquals(404, admin.get("/api/v2/integrations/" + id).status());
    }

    @Test
    void configPutValidatesTheClientAppProperties() {
        String id = create("Validation app");
        String path = "/api/v2/integrations/" + id + "/config/current";
        assertEquals(400, admin.put(path, config("x", 1, "{\"groupFilter\":[]}")).status(),
                "premium-app key, not embedded-client-app");
        assertEquals(400, admin.put(path, config("x", 1, "{\"url\":\"http://insecure.example.com\"}")).status());
        assertEquals(400, admin.put(path, config("x", 1, "{\"displayType\":\"popup\"}")).status());
        assertEquals(400, admin.put(path, config("x", 1, "{\"sandbox\":\"allow-scripts, allow-forms\"}")).status(),
                "no spaces");
        assertEquals(400, admin.put(path, config("x", 1, "{\"permissions\":\"camera,teleport\"}")).status());
        assertEquals(400, admin.put(path, config("x", 1, "{\"groups\":\"g1\"}")).status());
        assertEquals(400, admin.put(path, "{\"name\":\"x\",\"version\":1,\"properties\":{}}").status(),
                "advanced, notes and credentials are required too");
        assertEquals(1, admin.get(path).json().get("version").getAsInt(), "nothing applied");
        assertEquals(400, admin.post("/api/v2/integrations", "{\"name\":\"x\",\"integrationType\":{\"id\":"
                + "\"no-such-type\"}}").status());
        assertEquals(400, admin.post("/api/v2/integrations", "{\"integrationType\":{\"id\":\""
                + ApiContract.CLIENT_APP_TYPE_ID + "\"}}").status());
        assertEquals(404, admin.get("/api/v2/integrations/nope/config/current").status());
        assertFalse(admin.get("/api/v2/integrations?pageSize=100").json().has("nextUri"));
    }
}
