package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PasswordStrengthTest {
    static final KdfParams CHEAP = KdfParams.pbkdf2(1000);

    @TempDir
    Path dir;

    @Test
    void hints() {
        assertEquals(PasswordStrength.EMPTY, PasswordStrength.of(""));
        assertEquals(PasswordStrength.TOO_SHORT, PasswordStrength.of("abc123"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("password123"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("aaaaaaaaaaaa"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("abcdefghijk"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("1234567890"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("qwertyuiop"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("P@ssw0rd2024!"), "look-alike digits do not help");
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("Summer2024!"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("emitegenesys"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("abcabcabcabc"));
        assertEquals(PasswordStrength.WEAK, PasswordStrength.of("          "), "ten spaces");
        assertEquals(PasswordStrength.FAIR, PasswordStrength.of("correct horse battery staple"));
        assertEquals(PasswordStrength.FAIR, PasswordStrength.of("qhzmtwpxkv"), "ten random letters");
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("maple orbit kettle sandal"));
        assertEquals(PasswordStrength.STRONG, PasswordStrength.of("N3W-master-passphrase-xyzzy-4242"));
        assertFalse(PasswordStrength.TOO_SHORT.acceptable());
        assertFalse(PasswordStrength.WEAK.acceptable(), "the policy's minimum is fair");
        assertTrue(PasswordStrength.FAIR.acceptable());
        assertTrue(PasswordStrength.TOO_SHORT.hint().contains("at least 10"));
        assertTrue(PasswordStrength.WEAK.fill() < PasswordStrength.FAIR.fill()
                && PasswordStrength.FAIR.fill() < PasswordStrength.STRONG.fill());
    }

    @Test
    void theIssuesExamplesAreRefusedAtCreationWithAPlainRule() {
        for (String weak : new String[]{"a", "1", " ", "password", "password12", "emite-setup"}) {
            VaultException e = assertThrows(VaultException.class,
                    () -> Vault.create(dir.resolve("v" + Vault.EXTENSION), Secret.of(weak), CHEAP), weak);
            assertEquals(Reason.WEAK_PASSWORD, e.reason(), weak);
            assertEquals("VAULT-14", e.code());
            assertTrue(e.getMessage().contains("at least 10 characters"), e.getMessage());
            assertTrue(e.getMessage().contains("four or more unrelated words"), e.getMessage());
            if (weak.length() > 8) {
                assertFalse(e.getMessage().contains(weak) || e.toString().contains(weak), "the password not echoed");
            }
            assertFalse(Files.exists(dir.resolve("v" + Vault.EXTENSION)), "nothing written");
        }
    }

    @Test
    void aChangeToAWeakPasswordIsRefusedAndTheOldOneStillOpens() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        Secret old = Secret.of("correct horse battery staple");
        try (Vault v = Vault.create(f, old, CHEAP)) {
            assertEquals(Reason.WEAK_PASSWORD, assertThrows(VaultException.class,
                    () -> v.changePassword(Secret.of("password"))).reason());
            v.changePassword(Secret.of("maple orbit kettle sandal"));
        }
        Vault.open(f, Secret.of("maple orbit kettle sandal")).close();
        assertEquals(PasswordStrength.STRONG, PasswordPolicy.strength(Secret.of("maple orbit kettle sandal")));
    }
}
