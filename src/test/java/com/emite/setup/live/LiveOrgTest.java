package com.emite.setup.live;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the live profile finds its org: all three variables, or none at all (then it skips). Runs in every build. */
class LiveOrgTest {

    @Test
    void noVariablesMeansNoOrg() {
        assertTrue(LiveOrg.from(Map.of()).isEmpty());
        assertTrue(LiveOrg.from(Map.of(LiveOrg.REGION, "mypurecloud.com.au", LiveOrg.CLIENT_ID, "id")).isEmpty());
    }

    @Test
    void aRegionAddressAndCredentialsMakeATaggedOrg() {
        LiveOrg org = LiveOrg.from(Map.of(LiveOrg.REGION, "https://apps.mypurecloud.com.au/directory/",
                LiveOrg.CLIENT_ID, " abc ", LiveOrg.CLIENT_SECRET, "s3cret")).orElseThrow();
        assertEquals("https://api.mypurecloud.com.au", org.environment().apiBaseUrl().toString());
        assertEquals("abc", org.clientId());
        assertTrue(org.runTag().startsWith("emite-live-"), org.runTag());
        assertTrue(!org.toString().contains("s3cret"), "the secret never prints");
    }

    @Test
    void aWrongRegionIsSaidPlainly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LiveOrg.from(Map.of(
                LiveOrg.REGION, "example.com", LiveOrg.CLIENT_ID, "id", LiveOrg.CLIENT_SECRET, "s")));
        assertTrue(e.getMessage().contains(LiveOrg.REGION), e.getMessage());
    }

    @Test
    void aCustomEnvironmentFollowsTheCommandLinesRules() {
        Map<String, String> base = Map.of(LiveOrg.REGION, "ap-southeast-2", LiveOrg.CLIENT_ID, "id",
                LiveOrg.CLIENT_SECRET, "s");
        LiveOrg loopback = LiveOrg.from(with(base, "http://127.0.0.1:4567", "http://127.0.0.1:4567")).orElseThrow();
        assertEquals("http://127.0.0.1:4567", loopback.environment().apiBaseUrl().toString());
        assertThrows(IllegalArgumentException.class, () -> LiveOrg.from(with(base, "http://example.com",
                "http://example.com")), "plain http only on this computer");
        assertThrows(IllegalArgumentException.class, () -> LiveOrg.from(with(base, "https://api.example.com", "")),
                "both addresses or neither");
        assertTrue(LiveBlueprint.tagged("emite-live-x").groups().stream().allMatch(g -> g.name().startsWith(
                "emite-live-x ")), "every group name carries the tag");
    }

    private static Map<String, String> with(Map<String, String> base, String api, String login) {
        Map<String, String> m = new java.util.HashMap<>(base);
        m.put(LiveOrg.API_BASE, api);
        m.put(LiveOrg.LOGIN_BASE, login);
        return m;
    }
}
