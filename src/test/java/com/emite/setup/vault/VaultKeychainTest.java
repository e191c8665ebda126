package com.emite.setup.vault;

import com.emite.setup.testing.MemoryKeychain;

import com.emite.setup.common.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class VaultKeychainTest {
    @TempDir
    Path dir;


    @Test
    void remembersRecallsAndForgetsPerVault() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();
        MemoryKeychain keychain = new MemoryKeychain();
        RememberedPasswords remembered = new RememberedPasswords(keychain);
        assertTrue(remembered.isAvailable());
        assertTrue(remembered.open(f).isEmpty(), "nothing remembered yet");

        assertTrue(remembered.remember(dir.resolve("x/../v" + Vault.EXTENSION), pw()));
        try (Vault v = remembered.open(f).orElseThrow()) {
            assertFalse(v.isLocked());
            v.changePassword(Secret.of("changed elsewhere"));
        }
        // The remembered password no longer opens it: forgotten, and the UI asks.
        assertTrue(remembered.open(f).isEmpty());
        assertTrue(keychain.values.isEmpty());
        assertFalse(remembered.forget(f));
    }

    @Test
    void withoutAKeychainNothingIsRememberedAndNothingFails() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();
        RememberedPasswords none = new RememberedPasswords(Keychain.none());
        assertFalse(none.isAvailable());
        assertFalse(none.remember(f, pw()));
        assertTrue(none.recall(f).isEmpty());
        assertTrue(none.open(f).isEmpty());
        Vault.open(f, pw()).close();
    }

    /** The real detection answers quickly either way (CI has no keychain; a desktop may). Nothing is stored. */
    @Test
    void detectingTheOsKeychainNeverHangsOrThrows() {
        long t0 = System.nanoTime();
        Keychain k = Keychain.detect(Duration.ofSeconds(5));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertNotNull(k);
        assertTrue(ms < 10_000, ms + " ms");
        System.out.printf("[vault] OS keychain on this machine: %s (%d ms)%n", k, ms);
    }
}
