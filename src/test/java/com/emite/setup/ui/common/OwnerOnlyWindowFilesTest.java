package com.emite.setup.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The window's own files (this launch's log, the remembered address and short name) are the owner's alone, and a data
 * folder they create is owner-only too — as docs/VAULT.md promises (found 755/644 in a real launch under Xvfb).
 */
class OwnerOnlyWindowFilesTest {
    @TempDir
    Path tmp;

    static Set<PosixFilePermission> perms(Path p) throws Exception {
        return Files.getPosixFilePermissions(p);
    }

    @Test
    void theLaunchLogAndThePreferencesAreOwnerOnly() throws Exception {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions only");
        Path data = tmp.resolve("fresh").resolve("emite-setup");

        Path log = LaunchLog.start(data);
        assertNotNull(log, "the log file is made");
        assertEquals(PosixFilePermissions.fromString("rw-------"), perms(log));
        assertEquals(PosixFilePermissions.fromString("rwx------"), perms(log.getParent()));
        assertEquals(PosixFilePermissions.fromString("rwx------"), perms(data), "the data folder it made");

        Path other = tmp.resolve("other");
        DesktopPreferences prefs = new DesktopPreferences(other);
        prefs.lastEnvironment("us-east-1", null, null, "acme");
        Path file = other.resolve(DesktopPreferences.FILE);
        assertEquals(PosixFilePermissions.fromString("rw-------"), perms(file));
        assertEquals(PosixFilePermissions.fromString("rwx------"), perms(other));
        prefs.lastEnvironment("us-east-1", null, null, "acme2");
        assertEquals(PosixFilePermissions.fromString("rw-------"), perms(file), "a second save keeps it owner-only");
        assertEquals("acme2", new DesktopPreferences(other).lastShortName().orElseThrow());
    }
}
