package com.emite.setup.region;

import com.emite.setup.testing.ConcurrentClass;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class RegionCatalogTest {

    @Test
    void standardCatalogHasFifteenRegionsAndTheGuidesNineCodes() {
        RegionCatalog c = RegionCatalog.standard();
        assertEquals(15, c.all().size());
        assertEquals(List.of("useast", "uswest", "cnd", "eu", "uk", "eucentral", "me", "jp", "au"),
                c.withEmiteCode().stream().map(r -> r.emiteCode().orElseThrow()).toList());
        Region de = c.byDomain("MYPURECLOUD.DE").orElseThrow();
        assertEquals("EMEA (Frankfurt)", de.name());
        assertEquals("eu-central-1", de.genesysRegionId());
        assertEquals("login.mypurecloud.de", de.loginHost());
        assertEquals("api.mypurecloud.de", de.apiHost());
        assertEquals("apps.mypurecloud.de", de.appsHost());
        assertEquals(Optional.of("eucentral"), de.emiteCode());
        assertEquals(de, c.byGenesysRegionId("eu-central-1").orElseThrow());
        assertEquals(de, c.byEmiteCode("eucentral").orElseThrow());
        assertEquals(de, c.byName("EMEA (Frankfurt)").orElseThrow());
        assertFalse(c.byDomain("pure.cloud").isPresent());
        assertTrue(c.byGenesysRegionId("sa-east-1").orElseThrow().emiteCode().isEmpty());
    }

    @Test
    void resourceMatchesTheSharedReferenceWhenPresent() throws IOException {
        Path shared = projectDir().resolve("../shared/reference/regions.json").normalize();
        if (!Files.exists(shared)) {
            return;
        }
        JsonArray expected = JsonParser.parseString(Files.readString(shared)).getAsJsonArray();
        List<Region> regions = RegionCatalog.standard().all();
        assertEquals(expected.size(), regions.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            Region r = regions.get(i);
            assertEquals(e.get("name").getAsString(), r.name());
            assertEquals(e.get("genesysRegionId").getAsString(), r.genesysRegionId());
            assertEquals(e.get("domain").getAsString(), r.domain());
            assertEquals(e.get("loginHost").getAsString(), r.loginHost());
            assertEquals(e.get("apiHost").getAsString(), r.apiHost());
            assertEquals(e.get("appsHost").getAsString(), r.appsHost());
            JsonElement code = e.get("emiteCode");
            assertEquals(code.isJsonNull() ? Optional.empty() : Optional.of(code.getAsString()), r.emiteCode());
        }
    }

    @Test
    void brokenListsFailWithTheField() {
        var e = assertThrows(IllegalArgumentException.class, () -> load("[{\"name\":\"X\"}]"));
        assertEquals("$[0].domain: missing", e.getMessage());
        var dup = assertThrows(IllegalArgumentException.class, () -> load(
                "[" + entry("a", "x.cloud") + "," + entry("b", "x.cloud") + "]"));
        assertTrue(dup.getMessage().contains("x.cloud is listed twice"));
        assertThrows(IllegalArgumentException.class, () -> load("{}"));
        assertThrows(IllegalArgumentException.class, () -> load("[1]"));
        assertThrows(IllegalArgumentException.class, () -> load("[{"));
    }

    private static String entry(String id, String domain) {
        return "{\"name\":\"" + id + "\",\"genesysRegionId\":\"" + id + "\",\"domain\":\"" + domain
                + "\",\"loginHost\":\"login." + domain + "\",\"apiHost\":\"api." + domain + "\",\"emiteCode\":null}";
    }

    private static RegionCatalog load(String json) {
        return RegionCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static Path projectDir() {
        return Path.of(System.getProperty("emite.project.dir", "."));
    }
}
