package com.emite.setup.ui.vault;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordStrengthTest {
    @Test
    void hints() {
        assertEquals(PasswordStrength.EMPTY, PasswordStrength.of(""));
        assertEquals(PasswordStrength.TOO_SHORT, PasswordStrength.of("abc123"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("password123"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("aaaaaaaaaaaa"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("abcdefghijk"));
        assertEquals(PasswordStrength.FAIR, PasswordStrength.of("Blue7house"));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("correct horse battery staple"));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("Tr0ub4dor&3x"));
        assertFalse(PasswordStrength.TOO_SHORT.acceptable());
        assertTrue(PasswordStrength.WEAK.acceptable(), "a hint, not a rule, above the minimum length");
        assertTrue(PasswordStrength.TOO_SHORT.hint().contains("at least 10"));
    }
}
