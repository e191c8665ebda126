package com.emite.setup.vault;

import com.emite.setup.vault.VaultException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static com.emite.setup.vault.VaultTestSupport.CHEAP;
import static com.emite.setup.vault.VaultTestSupport.createFilled;
import static com.emite.setup.vault.VaultTestSupport.marker;
import static com.emite.setup.vault.VaultTestSupport.pw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Links, odd files and permissions around the vault and the data folder (issue 15, item 4). POSIX only. */
class VaultFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(SecureFiles.isPosix(dir), "symbolic links and modes are POSIX here");
    }

    Path vault() {
        return dir.resolve("v" + Vault.EXTENSION);
    }

    @Test
    void aLockFileThatIsALinkIsRefusedAndItsTargetIsUntouched() throws Exception {
        createFilled(vault(), CHEAP).close();
        Path precious = dir.resolve("precious.txt");
        byte[] content = "an admin's file that must survive\n".getBytes(StandardCharsets.UTF_8);
        Files.write(precious, content);
        Path lock = Vault.sibling(vault(), ".lock");
        Files.delete(lock);
        Files.createSymbolicLink(lock, precious);

        VaultException e = assertThrows(VaultException.class, () -> Vault.open(vault(), pw()));
        assertEquals(Reason.UNSAFE_LOCATION, e.reason());
        assertTrue(e.detail().contains("symbolic link"), e.detail());
        assertArrayEquals(content, Files.readAllBytes(precious), "the link's target is neither emptied nor written");
        assertTrue(Files.isSymbolicLink(lock));
    }

    @Test
    void aLockFileThatIsAFolderIsRefused() throws Exception {
        createFilled(vault(), CHEAP).close();
        Path lock = Vault.sibling(vault(), ".lock");
        Files.delete(lock);
        Files.createDirectory(lock);
        assertEquals(Reason.UNSAFE_LOCATION, assertThrows(VaultException.class,
                () -> Vault.open(vault(), pw())).reason());
    }

    @Test
    void theLockFileIsNeverTruncated() throws Exception {
        createFilled(vault(), CHEAP).close();
        Path lock = Vault.sibling(vault(), ".lock");
        byte[] longer = "0123456789012345678901234567890123456789\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(lock, longer);
        Vault.open(vault(), pw()).close();
        assertEquals(longer.length, Files.size(lock));
        String pid = Files.readString(lock, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        assertEquals(String.valueOf(ProcessHandle.current().pid()), pid, "the owner's pid, for support");
    }

    @Test
    void aDanglingLinkAtTheVaultPathIsRefusedNotWrittenOver() throws Exception {
        Path nowhere = dir.resolve("moved-away" + Vault.EXTENSION);
        Files.createSymbolicLink(vault(), nowhere);
        assertTrue(Vault.exists(vault()), "a broken link is something, not \"no vault\"");
        VaultException c = assertThrows(VaultException.class, () -> Vault.create(vault(), pw(), CHEAP));
        assertEquals(Reason.UNSAFE_LOCATION, c.reason());
        assertTrue(c.getMessage().contains("link"), c.getMessage());
        assertEquals(Reason.UNSAFE_LOCATION, assertThrows(VaultException.class,
                () -> Vault.open(vault(), pw())).reason());
        assertTrue(Files.isSymbolicLink(vault()), "the link is left as it was");
        assertFalse(Files.exists(nowhere), "nothing created at the link's target");
    }

    @Test
    void aLoopingLinkAtTheVaultPathIsRefused() throws Exception {
        Path other = dir.resolve("other" + Vault.EXTENSION);
        Files.createSymbolicLink(vault(), other);
        Files.createSymbolicLink(other, vault());
        assertEquals(Reason.UNSAFE_LOCATION, assertThrows(VaultException.class,
                () -> Vault.create(vault(), pw(), CHEAP)).reason());
        assertEquals(Reason.UNSAFE_LOCATION, assertThrows(VaultException.class,
                () -> Vault.open(vault(), pw())).reason());
        assertTrue(Files.isSymbolicLink(vault()) && Files.isSymbolicLink(other));
    }

    @Test
    void aValidLinkedVaultIsSavedThroughToTheRealFileAndTheLinkStays() throws Exception {
        Path realDir = Files.createDirectory(dir.resolve("synced"));
        Path real = realDir.resolve("real" + Vault.EXTENSION);
        createFilled(real, CHEAP).close();
        Files.createSymbolicLink(vault(), real);
        try (Vault v = Vault.open(vault(), pw())) {
            assertEquals(real.toRealPath(), v.file());
            v.contents().org("5f0c2e1a-1111-2222-3333-444455556666").setJournal("{\"after\":\"link\"}");
            v.save();
        }
        assertTrue(Files.isSymbolicLink(vault()), "the link is not replaced by a regular file");
        try (Vault v = Vault.open(real, pw())) {
            assertEquals("{\"after\":\"link\"}", marker(v));
        }
        assertTrue(Files.exists(Vault.sibling(real, ".bak")), "the backup sits beside the real file");
        assertFalse(Files.exists(Vault.sibling(vault(), ".bak")));
    }

    @Test
    void theDataFolderLogsAndFormsAreOwnerOnly() throws Exception {
        Path data = dir.resolve("fresh").resolve("emite-setup");
        assertEquals(data, DataFolder.prepare(data));
        Path logs = DataFolder.logs(data);
        Path forms = DataFolder.forms(data, "acme");
        for (Path p : new Path[]{data, logs, forms, forms.getParent()}) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        Path log = DataFolder.createOwnerOnlyFile(logs.resolve("run.log"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
    }

    @Test
    void logsAndFormsMadeReadableByOlderVersionsAreTightened() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Files.createDirectory(data.resolve("logs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(data.resolve("logs"), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(DataFolder.logs(data))));
    }

    @Test
    void aFormsFolderLinkIsRefused() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Files.createDirectory(data.resolve("forms"));
        Files.createSymbolicLink(data.resolve("forms").resolve("acme"), elsewhere);
        assertThrows(java.io.IOException.class, () -> DataFolder.forms(data, "acme"));
    }

    @Test
    void noShortNameFromTheServerCanLeaveTheFormsFolder() throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path forms = data.resolve("forms");
        String[] hostile = {"../../etc", "..", ".", "", "   ", null, "a/b", "a\\b", "C:\\Windows", "/etc/passwd",
                "\u202Eevil\u202C", "x\u0000y", "..\\..\\x", ".hidden", "name. . ", "CON", "nul.txt",
                "ä".repeat(200), "x".repeat(500), "%2e%2e%2f", "acme-prod_1.2"};
        for (String s : hostile) {
            String name = DataFolder.folderNameFor(s);
            assertTrue(name.matches("[A-Za-z0-9._-]{1,64}"), s + " -> " + name);
            assertNotEquals("..", name);
            assertNotEquals(".", name);
            assertFalse(name.startsWith("."), name);
            Path p = DataFolder.forms(data, s);
            assertEquals(forms, p.getParent(), s + " -> " + p);
            assertTrue(Files.isDirectory(p));
        }
        assertEquals("acme-prod_1.2", DataFolder.folderNameFor("acme-prod_1.2"), "an ordinary name is kept");
        assertEquals("org", DataFolder.folderNameFor(null));
        assertEquals("_CON", DataFolder.folderNameFor("CON"));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing written beside the data folder");
        }
    }
}
