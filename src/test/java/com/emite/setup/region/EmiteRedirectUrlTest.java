package com.emite.setup.region;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class EmiteRedirectUrlTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Americas (US East), https://useast-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "Americas (US West), https://uswest-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "Americas (Canada), https://cnd-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "EMEA (Dublin), https://eu-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "EMEA (London), https://uk-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "EMEA (Frankfurt), https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "Middle East (UAE), https://me-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "Asia Pacific (Tokyo), https://jp-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
            "Asia Pacific (Sydney), https://au-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
    })
    void exactUrlForEveryRegionWithAnEmiteCode(String regionName, String expected) {
        Region region = RegionCatalog.standard().byName(regionName).orElseThrow();
        EmiteRedirectUrl.Result result = EmiteRedirectUrl.build(region, "acme");
        assertEquals(new EmiteRedirectUrl.Ready(expected), result);
        assertEquals(Optional.of(expected), result.url());
        assertEquals(expected, URI.create(expected).toString());
    }

    @Test
    void coversEveryRegionWithACode() {
        for (Region r : RegionCatalog.standard().withEmiteCode()) {
            assertEquals("https://" + r.emiteCode().orElseThrow()
                            + "-cloud.emite.com/emite/my-org1/Auth/OAuthPureCloud?org=my-org1",
                    EmiteRedirectUrl.build(r, " my-org1 ").url().orElseThrow());
        }
    }

    @Test
    void regionWithoutCodeGivesNoUrlButSaysToAskEmite() {
        for (Region r : RegionCatalog.standard().all()) {
            if (r.hasEmiteCode()) {
                continue;
            }
            EmiteRedirectUrl.Unavailable u = assertInstanceOf(EmiteRedirectUrl.Unavailable.class,
                    EmiteRedirectUrl.build(r, "acme"));
            assertTrue(u.missingEmiteCode());
            assertEquals("eMite has not published a code for " + r.name() + " yet, so the redirect URL cannot be "
                    + "made. Ask eMite support for the eMite code of this region.", u.message());
            assertFalse(u.url().isPresent());
        }
    }

    @Test
    void invalidShortNameGivesItsReason() {
        Region us = RegionCatalog.standard().byEmiteCode("useast").orElseThrow();
        EmiteRedirectUrl.Unavailable u = assertInstanceOf(EmiteRedirectUrl.Unavailable.class,
                EmiteRedirectUrl.build(us, "Acme"));
        assertFalse(u.missingEmiteCode());
        assertEquals("The short name is always in lower case. Did you mean \"acme\"?", u.message());
        assertInstanceOf(EmiteRedirectUrl.Unavailable.class, EmiteRedirectUrl.build((Region) null, "acme"));
    }

    @Test
    void environmentsUseTheirRegion() {
        Region uk = RegionCatalog.standard().byEmiteCode("uk").orElseThrow();
        assertEquals("https://uk-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme",
                EmiteRedirectUrl.build(Environment.of(uk), "acme").text());
        Environment custom = Environment.custom("Dev", "https://api.dev.example", "https://login.dev.example");
        EmiteRedirectUrl.Unavailable u = assertInstanceOf(EmiteRedirectUrl.Unavailable.class,
                EmiteRedirectUrl.build(custom, "acme"));
        assertTrue(u.missingEmiteCode());
    }
}
