package com.emite.setup.common;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

@ConcurrentClass
class SecretTest {
    @Test
    void neverPrintsItsValue() {
        Secret s = Secret.of("s3cr3t-value-abcdef-1234");
        assertFalse(s.toString().contains("s3cr3t"));
        assertFalse(String.valueOf(s).contains("1234"));
        assertEquals("s3cr3t-value-abcdef-1234", s.reveal());
        assertTrue(s.masked().endsWith("1234"));
        assertFalse(s.masked().contains("s3cr3t"));
    }

    @Test
    void shortSecretsAreFullyMasked() {
        assertFalse(Secret.of("abc").masked().contains("abc"));
    }

    @Test
    void equalityIsByValue() {
        assertEquals(Secret.of("x-1"), Secret.of("x-1".toCharArray()));
        assertNotEquals(Secret.of("x-1"), Secret.of("x-2"));
    }
}
