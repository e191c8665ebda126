package com.emite.setup.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * File-system helpers for the vault: owner-only files and folders, durable writes, atomic replacement.
 *
 * <ul>
 * <li>POSIX (Linux, macOS): files are created with mode 600 and folders with 700 in the same system call that
 *     creates them, so there is no moment where another user could open them.</li>
 * <li>Windows (ACL file systems): the file is created empty, its ACL is replaced by a single entry granting the owner
 *     full control (inherited entries dropped) and only then written. Not exercised by the Linux CI.</li>
 * </ul>
 */
final class SecureFiles {
    private static final Set<PosixFilePermission> FILE_600 = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> DIR_700 = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);

    private SecureFiles() {
    }

    static boolean isPosix(Path p) {
        return Files.getFileAttributeView(p, PosixFileAttributeView.class) != null
                || p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates {@code dir} (and parents) if absent; a folder we create is owner-only. */
    static void ensureFolder(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            ensureFolder(parent);
        }
        try {
            if (isPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_700));
            } else {
                Files.createDirectory(dir);
                restrictToOwner(dir, true);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /** Creates a new file that only the owner can read or write, open for writing. */
    static FileChannel createOwnerOnly(Path p, OpenOption... extra) throws IOException {
        Set<OpenOption> opts = new java.util.HashSet<>(List.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        opts.addAll(List.of(extra));
        if (isPosix(p)) {
            FileChannel ch = FileChannel.open(p, opts, PosixFilePermissions.asFileAttribute(FILE_600));
            // The creation mode is filtered by the umask; make sure (a umask can only remove bits, but be explicit).
            Files.setPosixFilePermissions(p, FILE_600);
            return ch;
        }
        FileChannel ch = FileChannel.open(p, opts);
        try {
            restrictToOwner(p, false);
        } catch (IOException | RuntimeException e) {
            ch.close();
            Files.deleteIfExists(p);
            throw e;
        }
        return ch;
    }

    /** Replaces the ACL of {@code p} by one entry: the owner, full control. No-op without ACL support. */
    static void restrictToOwner(Path p, boolean folder) throws IOException {
        AclFileAttributeView acl = Files.getFileAttributeView(p, AclFileAttributeView.class);
        if (acl == null) {
            return;
        }
        UserPrincipal owner = acl.getOwner();
        AclEntry.Builder entry = AclEntry.newBuilder()
                .setType(AclEntryType.ALLOW)
                .setPrincipal(owner)
                .setPermissions(EnumSet.allOf(AclEntryPermission.class));
        if (folder) {
            entry.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        acl.setAcl(List.of(entry.build()));
    }

    /** Writes {@code bytes} to a new owner-only file and flushes it to disk. */
    static void writeNewDurably(Path p, byte[] bytes) throws IOException {
        try (FileChannel ch = createOwnerOnly(p)) {
            writeFully(ch, ByteBuffer.wrap(bytes));
            ch.force(true);
        }
    }

    static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    /** Atomic rename over {@code target}; falls back to a plain replacing move where atomic moves are unsupported. */
    static void replaceAtomically(Path source, Path target) throws IOException {
        int attempts = 0;
        while (true) {
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (AccessDeniedException e) {
                // Windows: a virus scanner or indexer may hold the target open for a moment.
                if (++attempts >= 5 || !isWindows()) {
                    throw e;
                }
                sleepQuietly(50L * attempts);
            }
        }
    }

    /** fsync of the folder so a rename survives power loss. Best effort: Windows cannot open a folder this way. */
    static boolean syncFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /** True if the failure means the folder or file cannot be written (permissions, read-only mount). */
    static boolean isNotWritable(Throwable e) {
        if (e instanceof AccessDeniedException || e instanceof java.nio.file.ReadOnlyFileSystemException) {
            return true;
        }
        String m = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (m == null) {
            return false;
        }
        String lower = m.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("read-only file system") || lower.contains("permission denied")
                || lower.contains("operation not permitted")
                || lower.contains("access is denied") || lower.contains("write-protected");
    }

    /** True if the failure looks like a full disk (or quota), by message or by the free space left. */
    static boolean isDiskFull(Throwable e, Path dir, long needed) {
        String m = e instanceof FileSystemException fse ? fse.getReason() : e.getMessage();
        if (m != null) {
            String lower = m.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("no space left") || lower.contains("not enough space") || lower.contains("disk full")
                    || lower.contains("quota exceeded") || lower.contains("there is not enough space")) {
                return true;
            }
        }
        try {
            return Files.getFileStore(dir).getUsableSpace() < needed * 2 + 4096;
        } catch (IOException | RuntimeException ignored) {
            return false;
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
