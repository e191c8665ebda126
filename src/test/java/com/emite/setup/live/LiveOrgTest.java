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
}
