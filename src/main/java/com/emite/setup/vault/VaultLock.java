package com.emite.setup.vault;

import com.emite.setup.vault.VaultException.Reason;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * "One window at a time" for a vault: an OS file lock on a sibling {@code <vault>.lock} file (never on the vault
 * itself, which is replaced by rename on every save, and which Windows would refuse to rename while locked).
 *
 * <p>Within one JVM a registry is checked first: on POSIX systems, closing <em>any</em> channel to a locked file
 * drops the process's lock, so a second attempt in the same process must not even open the lock file.
 *
 * <p>The OS releases the lock when the process dies, so a crash never leaves the vault stuck. The lock file itself
 * stays (deleting it would race with another process locking it) and holds the owner's process id, for support.
 *
 * <p>The lock file is opened without following symbolic links and only if it is a regular file, and it is never
 * truncated: a link planted at {@code <vault>.lock} cannot make eMite Setup empty or overwrite another file (even a
 * read-only {@code verify} used to truncate the link's target).
 *
 * <p>If the folder cannot be written (read-only share), the vault can still be opened read-only: an existing lock
 * file is locked shared (still refused while another window holds it), and without one no lock is taken.
 */
final class VaultLock {
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path lockFile;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean readOnly;
    private boolean released;

    private VaultLock(Path lockFile, FileChannel channel, FileLock lock, boolean readOnly) {
        this.lockFile = lockFile;
        this.channel = channel;
        this.lock = lock;
        this.readOnly = readOnly;
    }

    static VaultLock acquire(Path lockFile) throws VaultException {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_PROCESS.add(key)) {
            throw new VaultException(Reason.LOCKED_BY_OTHER_PROCESS, "already open in this process");
        }
        try {
            refuseOddLockFile(key);
            VaultLock l = lockWritable(key);
            if (l == null) {
                l = lockReadOnly(key);
            }
            return l;
        } catch (VaultException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(key);
            throw e;
        }
    }

    /** Null when the lock file cannot be written (read-only folder). */
    private static VaultLock lockWritable(Path key) throws VaultException {
        FileChannel ch;
        try {
            try {
                ch = SecureFiles.createOwnerOnly(key, StandardOpenOption.READ);
            } catch (FileAlreadyExistsException e) {
                ch = FileChannel.open(key, StandardOpenOption.READ, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            }
        } catch (IOException e) {
            if (SecureFiles.isNotWritable(e)) {
                return null;
            }
            if (e instanceof FileSystemException f && String.valueOf(f.getReason()).contains("symbolic link")) {
                // O_NOFOLLOW met a link planted after the check above
                throw new VaultException(Reason.UNSAFE_LOCATION, "the lock file " + key + " is a symbolic link", e);
            }
            throw new VaultException(Reason.IO_ERROR, "cannot open lock file: " + e, e);
        }
        try {
            FileLock fl = ch.tryLock();
            if (fl == null) {
                ch.close();
                throw new VaultException(Reason.LOCKED_BY_OTHER_PROCESS, "lock held by another process");
            }
            try {
                // Fixed width, written over the start: never a truncate, and an older longer pid is fully replaced.
                byte[] pid = String.format(java.util.Locale.ROOT, "%-20d%n", ProcessHandle.current().pid())
                        .getBytes(StandardCharsets.US_ASCII);
                ch.write(ByteBuffer.wrap(pid), 0);
            } catch (IOException ignored) {
                // The pid is a courtesy for support; the lock is what matters.
            }
            return new VaultLock(key, ch, fl, false);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw new VaultException(Reason.LOCKED_BY_OTHER_PROCESS, "lock held elsewhere in this process");
        } catch (IOException e) {
            closeQuietly(ch);
            throw new VaultException(Reason.IO_ERROR, "cannot lock: " + e, e);
        }
    }

    private static VaultLock lockReadOnly(Path key) throws VaultException {
        FileChannel ch;
        try {
            ch = FileChannel.open(key, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return new VaultLock(key, null, null, true);
        } catch (IOException e) {
            return new VaultLock(key, null, null, true);
        }
        try {
            FileLock fl = ch.tryLock(0, Long.MAX_VALUE, true);
            if (fl == null) {
                ch.close();
                throw new VaultException(Reason.LOCKED_BY_OTHER_PROCESS, "lock held by another process");
            }
            return new VaultLock(key, ch, fl, true);
        } catch (IOException e) {
            closeQuietly(ch);
            return new VaultLock(key, null, null, true);
        }
    }

    /** A link, folder, pipe or device at the lock file's place is refused before anything opens it. */
    private static void refuseOddLockFile(Path key) throws VaultException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(key, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            return; // unreadable attributes: opening it below fails or goes read-only
        }
        if (!a.isRegularFile()) {
            throw new VaultException(Reason.UNSAFE_LOCATION, "the lock file " + key + " is "
                    + (a.isSymbolicLink() ? "a symbolic link" : a.isDirectory() ? "a folder" : "not a regular file"));
        }
    }

    /** True when the folder is not writable: the vault can be read but not saved. */
    boolean readOnly() {
        return readOnly;
    }

    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } catch (IOException ignored) {
            // closing the channel releases it anyway
        }
        if (channel != null) {
            closeQuietly(channel);
        }
        HELD_IN_THIS_PROCESS.remove(lockFile);
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException ignored) {
            // nothing useful to do
        }
    }
}
