package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.common.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class GenesysPkceTest {
    @Test
    void challengeIsRfc7636S256() {
        // RFC 7636 appendix B
        assertEquals("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                BrowserSignIn.challenge(Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")));
    }

    @Test
    void verifierIsLongRandomAndUnreserved() {
        String a = BrowserSignIn.newVerifier().reveal();
        String b = BrowserSignIn.newVerifier().reveal();
        assertTrue(a.length() >= 43 && a.length() <= 128);
        assertTrue(a.matches("[A-Za-z0-9._~-]+"), a);
        assertNotEquals(a, b);
    }
}
