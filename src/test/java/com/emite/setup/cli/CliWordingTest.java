package com.emite.setup.cli;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line says what to do in its own words: its options, not the window's buttons (issue #15 item 7). */
class CliWordingTest {
    @TempDir
    Path dir;

    @Test
    void aDamagedVaultPointsToRestoreBackupWhichOpensTheBackup() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            assertTrue(Files.exists(Path.of(org.vault + ".bak")), "a backup copy from the previous save");
            byte[] bytes = Files.readAllBytes(org.vault);
            for (int i = bytes.length / 2; i < bytes.length / 2 + 16; i++) {
                bytes[i] ^= 0x5a;
            }
            Files.write(org.vault, bytes);
            CliSandboxTest.Result damaged = org.run("plan");
            assertEquals(1, damaged.code());
            assertTrue(damaged.err().contains("--restore-backup"), damaged.err());
            assertFalse(damaged.err().contains("\"Restore backup\""), damaged.err());
            CliSandboxTest.Result restored = org.run("plan", "--restore-backup");
            assertTrue(restored.err().contains("Restored the vault"), restored.err());
            assertTrue(restored.code() == 0 || restored.code() == 2, restored.err());
        }
    }

    @Test
    void aVaultInUseSaysSoInCommandLineWords() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b);
             Vault open = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
            CliSandboxTest.Result r = org.run("plan");
            assertEquals(1, r.code());
            assertTrue(r.err().contains("in use by another eMite Setup"), r.err());
            assertFalse(r.err().contains("another window"), r.err());
            assertTrue(open.file() != null);
        }
    }

    @Test
    void rawInputInUsageErrorsIsQuotedCutAndShowsControlCharacters() {
        String evil = "x\u202e\u0007" + "y".repeat(10_000);
        String q = CliText.quote(evil);
        assertTrue(q.startsWith("\"x\\u202e\\u0007"), q);
        assertTrue(q.length() < 100, "cut: " + q.length());
        assertFalse(q.contains("\u202e"));
    }
}
