package com.emite.setup.region;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class EnvironmentTest {

    @Test
    void productionRegion() {
        Region de = RegionCatalog.standard().byDomain("mypurecloud.de").orElseThrow();
        Environment e = de.environment();
        assertEquals(Environment.Kind.PRODUCTION, e.kind());
        assertEquals(URI.create("https://api.mypurecloud.de"), e.apiBaseUrl());
        assertEquals(URI.create("https://login.mypurecloud.de"), e.loginBaseUrl());
        assertEquals(Optional.of("eucentral"), e.emiteCode());
        assertEquals("EMEA (Frankfurt)", e.name());
    }

    @Test
    void everyRegionGivesHttpsHosts() {
        for (Region r : RegionCatalog.standard().all()) {
            Environment e = Environment.of(r);
            assertEquals("https://api." + r.domain(), e.apiBaseUrl().toString());
            assertEquals("https://login." + r.domain(), e.loginBaseUrl().toString());
        }
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:8080, http://127.0.0.1:8080",
            "http://127.5.6.7:1/, http://127.5.6.7:1",
            "http://localhost:9000/, http://localhost:9000",
            "HTTP://LOCALHOST:9000, http://localhost:9000",
            "http://[::1]:8443/base/, http://[::1]:8443/base",
            "https://api.inindca.com, https://api.inindca.com",
            "https://api.dev.example.com/prefix//, https://api.dev.example.com/prefix",
            "  https://api.example.com:8443  , https://api.example.com:8443",
    })
    void customAcceptsHttpsAnywhereAndHttpOnLoopback(String given, String expected) {
        Environment e = Environment.custom("Dev", given, given);
        assertEquals(URI.create(expected), e.apiBaseUrl());
        assertEquals(Environment.Kind.CUSTOM, e.kind());
        assertTrue(e.region().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com", "http://10.0.0.1:8080", "http://192.168.0.1",
            "http://128.0.0.1", "http://localhost.example.com", "http://[::2]:80", "http://0.0.0.0:80"})
    void customRefusesHttpOffLoopback(String url) {
        var e = assertThrows(InvalidEnvironmentException.class,
                () -> Environment.custom("Dev", url, "https://login.example.com"));
        assertTrue(e.getMessage().startsWith("API address: http:// is allowed only for this computer"),
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'' | Login address: missing",
            "api.example.com | is not a full web address",
            "ftp://example.com | must start with https://",
            "https://user:pw@example.com | must not contain a user name or password",
            "https://example.com/?a=1 | must not contain ? or # parts",
            "https://example.com/#x | must not contain ? or # parts",
            "https://exa mple.com | is not a web address",
    })
    void customRefusesBrokenAddressesNamingTheField(String url, String part) {
        var e = assertThrows(InvalidEnvironmentException.class,
                () -> Environment.custom("Dev", "https://api.example.com", url));
        assertTrue(e.getMessage().startsWith("Login address: "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }

    @Test
    void sandboxIsLoopbackOnlyAndServesBothHosts() {
        Region us = RegionCatalog.standard().byEmiteCode("useast").orElseThrow();
        Environment s = Environment.sandbox(URI.create("http://127.0.0.1:53111/"), Optional.of(us));
        assertTrue(s.isSandbox());
        assertEquals(Environment.SANDBOX_NAME, s.name());
        assertEquals(URI.create("http://127.0.0.1:53111"), s.apiBaseUrl());
        assertEquals(s.apiBaseUrl(), s.loginBaseUrl());
        assertEquals(Optional.of("useast"), s.emiteCode());
        assertThrows(InvalidEnvironmentException.class,
                () -> Environment.sandbox(URI.create("https://sandbox.example.com"), Optional.empty()));
    }

    @Test
    void loopback() {
        for (String h : new String[] {"127.0.0.1", "127.255.255.254", "localhost", "::1", "[::1]",
                "0:0:0:0:0:0:0:1", "LOCALHOST"}) {
            assertTrue(Environment.isLoopback(h), h);
        }
        for (String h : new String[] {"128.0.0.1", "127.0.0.256", "::2", "example.com", "", "10.0.0.1", "fe80::1"}) {
            assertFalse(Environment.isLoopback(h), h);
        }
        assertFalse(Environment.isLoopback(null));
    }
}
