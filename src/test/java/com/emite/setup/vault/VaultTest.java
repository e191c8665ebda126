package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VaultTest {
    @TempDir
    Path dir;

    @Test
    void createSaveReopenRoundTrip() throws Exception {
        Path f = dir.resolve("sub/folder/default" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            assertFalse(v.hasUnsavedChanges());
            assertEquals(CHEAP, v.kdfParams());
        }
        try (Vault v = Vault.open(f, pw())) {
            OrgRecord org = v.contents().findOrg("5f0c2e1a-1111-2222-3333-444455556666").orElseThrow();
            assertEquals("acme", org.shortName());
            assertEquals("mypurecloud.com.au", org.region());
            StoredClient c = org.client("eMite Analytics").orElseThrow();
            assertEquals(Secret.of(CLIENT_SECRET), c.secret());
            assertEquals("c1d2e3f4-aaaa-bbbb-cccc-ddddeeeeffff", c.clientId());
            assertEquals(Instant.parse("2025-01-02T03:04:05Z"), c.createdAt());
            assertFalse(c.secretUnknown());
            StoredClient wfm = org.client("eMite WFM").orElseThrow();
            assertTrue(wfm.secretUnknown());
            assertNull(wfm.secret());
            assertEquals(Secret.of(ADMIN_SECRET), org.adminClient().orElseThrow().secret());
            assertEquals("{\"steps\":[{\"id\":\"group:eMite\",\"state\":\"done\"}]}", org.journal());
            assertEquals(2, org.clients().size());

            // Reset a secret, forget the admin client, save, reopen.
            org.putClient(c.withResetSecret(Secret.of(RESET_SECRET), Instant.parse("2025-02-01T00:00:00Z")));
            org.forgetAdminClient();
            assertTrue(v.hasUnsavedChanges());
            v.save();
            assertFalse(v.hasUnsavedChanges());
        }
        try (Vault v = Vault.open(f, pw())) {
            OrgRecord org = v.contents().org("5f0c2e1a-1111-2222-3333-444455556666");
            StoredClient c = org.client("eMite Analytics").orElseThrow();
            assertEquals(Secret.of(RESET_SECRET), c.secret());
            assertEquals(Instant.parse("2025-02-01T00:00:00Z"), c.resetAt());
            assertTrue(org.adminClient().isEmpty());
            assertEquals(c, org.clients().stream()
                    .filter(x -> x.clientId().equals("c1d2e3f4-aaaa-bbbb-cccc-ddddeeeeffff")).findFirst().orElseThrow());
        }
    }

    @Test
    void pbkdf2VaultsWorkToo() throws Exception {
        Path f = dir.resolve("p" + Vault.EXTENSION);
        createFilled(f, CHEAP_PBKDF2).close();
        try (Vault v = Vault.open(f, pw())) {
            assertEquals(CHEAP_PBKDF2, v.kdfParams());
            assertEquals(Secret.of(CLIENT_SECRET),
                    v.contents().orgs().get(0).client("eMite Analytics").orElseThrow().secret());
        }
    }

    /** The one test with the real default parameters (64 MiB Argon2id): create, save, reopen. */
    @Test
    void defaultArgon2idParametersRoundTrip() throws Exception {
        Path f = dir.resolve("d" + Vault.EXTENSION);
        long t0 = System.nanoTime();
        createFilled(f, KdfParams.argon2idDefault()).close();
        long t1 = System.nanoTime();
        try (Vault v = Vault.open(f, pw())) {
            long t2 = System.nanoTime();
            assertEquals(KdfParams.argon2idDefault(), v.kdfParams());
            System.out.printf("[vault] default Argon2id: create+save %d ms, open %d ms%n",
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        }
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(f, Secret.of("nope")));
        assertEquals(Reason.WRONG_PASSWORD, e.reason());
    }

    @Test
    void saveWritesFreshNonceAndKeepsPreviousAsBackup() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            byte[] first = Files.readAllBytes(f);
            v.save();
            byte[] second = Files.readAllBytes(f);
            assertArrayEquals(first, Files.readAllBytes(v.backupFile()));
            // Same contents, new body nonce: different bytes, same length.
            assertEquals(first.length, second.length);
            assertFalse(java.util.Arrays.equals(first, second));
            assertFalse(java.util.Arrays.equals(
                    java.util.Arrays.copyOfRange(first, VaultFormat.OFF_BODY_NONCE, VaultFormat.OFF_BODY_LENGTH),
                    java.util.Arrays.copyOfRange(second, VaultFormat.OFF_BODY_NONCE, VaultFormat.OFF_BODY_LENGTH)));
        }
        // Only the vault, its backup and the lock file remain: no temporary files.
        assertEquals(Set.of("v.emitevault", "v.emitevault.bak", "v.emitevault.lock"), names(dir));
    }

    @Test
    void filesAreOwnerOnly() throws Exception {
        assumeTrue(SecureFiles.isPosix(dir));
        Path f = dir.resolve("new-folder/v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            v.save();
            for (Path p : new Path[]{f, v.backupFile(), Vault.sibling(f, ".lock")}) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f.getParent())));
        }
    }

    @Test
    void createRefusesToOverwrite() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();
        VaultException e = assertThrows(VaultException.class, () -> Vault.create(f, pw(), CHEAP));
        assertEquals(Reason.ALREADY_EXISTS, e.reason());
        assertEquals(Reason.WEAK_PASSWORD, assertThrows(VaultException.class,
                () -> Vault.create(dir.resolve("x"), Secret.of(""), CHEAP)).reason());
    }

    @Test
    void missingFileIsNotFound() {
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(dir.resolve("none"), pw()));
        assertEquals(Reason.NOT_FOUND, e.reason());
        assertFalse(e.backupAvailable());
    }

    @Test
    void lockDropsContentsAndUnlockRestoresThem() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            VaultContents stale = v.contents();
            OrgRecord staleOrg = stale.orgs().get(0);
            staleOrg.setShortName("renamed");            // unsaved: lock() must save it
            v.lock();
            assertTrue(v.isLocked());
            assertThrows(IllegalStateException.class, v::contents);
            assertThrows(IllegalStateException.class, stale::orgs);
            assertThrows(IllegalStateException.class, staleOrg::clients);
            assertThrows(IllegalStateException.class, () -> staleOrg.setJournal("x"));
            assertFalse(stale.toString().contains("acme"));
            assertThrows(IllegalStateException.class, v::save);

            VaultException e = assertThrows(VaultException.class, () -> v.unlock(Secret.of("wrong")));
            assertEquals(Reason.WRONG_PASSWORD, e.reason());
            assertTrue(v.isLocked());
            v.unlock(pw());
            assertEquals("renamed", v.contents().orgs().get(0).shortName());
            // Still holds the file lock while locked and after unlocking.
            assertEquals(Reason.LOCKED_BY_OTHER_PROCESS,
                    assertThrows(VaultException.class, () -> Vault.open(f, pw())).reason());
        }
        Vault.open(f, pw()).close();                      // released by close()
    }

    @Test
    void closeWithoutSavingDiscards() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        Vault v = createFilled(f, CHEAP);
        v.contents().org("other");
        v.closeWithoutSaving();
        try (Vault again = Vault.open(f, pw())) {
            assertTrue(again.contents().findOrg("other").isEmpty());
        }
    }

    @Test
    void changePasswordRotatesKeysAndLeavesNoOldPasswordCopy() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        Secret newPw = Secret.of("a new and different passphrase");
        try (Vault v = createFilled(f, CHEAP)) {
            byte[] before = Files.readAllBytes(f);
            assertTrue(v.isPassword(pw()));
            v.changePassword(newPw, CHEAP_PBKDF2);
            assertTrue(v.isPassword(newPw));
            assertFalse(v.isPassword(pw()));
            assertEquals(CHEAP_PBKDF2, v.kdfParams());
            byte[] after = Files.readAllBytes(f);
            assertFalse(java.util.Arrays.equals(
                    java.util.Arrays.copyOfRange(before, VaultFormat.OFF_SALT, VaultFormat.OFF_BODY_NONCE),
                    java.util.Arrays.copyOfRange(after, VaultFormat.OFF_SALT, VaultFormat.OFF_BODY_NONCE)));
            v.save();                                       // the previous file (new password) becomes .bak
        }
        assertEquals(Reason.WRONG_PASSWORD, assertThrows(VaultException.class, () -> Vault.open(f, pw())).reason());
        Vault.open(f, newPw).close();
        // Neither the vault nor its backup opens with the old password any more.
        assertEquals(Reason.WRONG_PASSWORD,
                assertThrows(VaultException.class, () -> Vault.restoreBackup(f, pw())).reason());
        Vault.restoreBackup(f, newPw).close();
    }

    @Test
    void changePasswordFailureKeepsOldPassword() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            v.setSaveHook(step -> {
                if (step == SaveHook.SaveStep.TEMP_HALF_WRITTEN) {
                    throw new java.io.IOException("simulated I/O error");
                }
            });
            assertThrows(VaultException.class, () -> v.changePassword(Secret.of("another Kx9#q2 password")));
            v.setSaveHook(null);
            assertTrue(v.isPassword(pw()));
            v.save();
        }
        Vault.open(f, pw()).close();
    }

    @Test
    void defaultFolderFollowsEachPlatformsConvention() {
        assertEquals(Paths.get("C:\\Users\\ann\\AppData\\Roaming", "eMiteSetup"), DataFolder.defaultFolder("Windows 11",
                Map.of("APPDATA", "C:\\Users\\ann\\AppData\\Roaming"), "C:\\Users\\ann"));
        assertEquals(Paths.get("/Users/ann", "Library", "Application Support", "eMiteSetup"),
                DataFolder.defaultFolder("Mac OS X", Map.of(), "/Users/ann"));
        assertEquals(Paths.get("/data/xdg", "emite-setup"),
                DataFolder.defaultFolder("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), "/home/ann"));
        assertEquals(Paths.get("/home/ann", ".local", "share", "emite-setup"),
                DataFolder.defaultFolder("Linux", Map.of("XDG_DATA_HOME", "relative/ignored"), "/home/ann"));
        assertEquals(Paths.get("/home/ann", ".local", "share", "emite-setup"),
                DataFolder.defaultFolder("Linux", Map.of(), "/home/ann"));
        assertTrue(Vault.defaultFile().toString().endsWith("default" + Vault.EXTENSION));
        assertTrue(Vault.defaultFile("../../etc/x y").getFileName().toString().matches("[A-Za-z0-9._-]+"));
        assertEquals(Vault.defaultFolder(), Vault.defaultFile("../../etc/x y").getParent());
    }

    @Test
    void everyReasonHasItsOwnPlainMessageAndCode() {
        Set<String> messages = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (Reason r : Reason.values()) {
            assertTrue(messages.add(r.message()), r.name());
            assertTrue(codes.add(r.code()), r.name());
            assertTrue(r.message().length() > 40 && r.message().endsWith("."), r.name());
            for (String jargon : new String[]{"Exception", "GCM", "MAC", "checksum", "KDF", "null"}) {
                assertFalse(r.message().contains(jargon), r + " says " + jargon);
            }
        }
    }

    @Test
    void modelRejectsInconsistentClients() {
        Instant now = Instant.now();
        assertThrows(NullPointerException.class, () -> StoredClient.of("n", "id", null, now));
        assertThrows(IllegalArgumentException.class,
                () -> new StoredClient("n", "id", Secret.of("x"), now, true, null));
        assertThrows(IllegalArgumentException.class, () -> StoredClient.of(" ", "id", Secret.of("x"), now));
    }

    private static Set<String> names(Path dir) throws Exception {
        Set<String> s = new HashSet<>();
        for (Path p : listFolder(dir)) {
            s.add(p.getFileName().toString());
        }
        return s;
    }
}
