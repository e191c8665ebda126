package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class GenesysUrlPolicyTest {
    @Test
    void httpsHostsAreAccepted() {
        GenesysClient c = GenesysClient.builder("https://api.mypurecloud.de", "https://login.mypurecloud.de/").build();
        assertEquals("https://api.mypurecloud.de/", c.apiBase().toString());
        assertEquals("https://login.mypurecloud.de/", c.loginBase().toString());
    }

    @Test
    void plainHttpOnlyForLoopback() {
        for (String ok : new String[]{"http://127.0.0.1:8080", "http://127.5.6.7", "http://localhost:1234",
                "http://[::1]:9000"}) {
            assertDoesNotThrow(() -> GenesysClient.forSingleBase(ok), ok);
        }
        for (String bad : new String[]{"http://api.mypurecloud.com", "http://10.0.0.1", "http://128.0.0.1",
                "http://localhost.evil.com"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> GenesysClient.forSingleBase(bad), bad);
            assertTrue(e.getMessage().contains("https://"), e.getMessage());
            assertTrue(e.getMessage().contains("only for this computer"), e.getMessage());
        }
    }

    @Test
    void garbageIsRejectedPlainly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenesysClient.builder("api.mypurecloud.com", "https://login.mypurecloud.com").build());
        assertTrue(e.getMessage().contains("not a web address"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> GenesysClient.builder("ftp://x", "https://login.mypurecloud.com").build());
    }
}
