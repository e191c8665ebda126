package com.emite.setup.vault;

import com.emite.setup.vault.SaveHook.SaveStep;
import com.emite.setup.vault.VaultException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * The vault on disk: where it is (a symbolic link is followed to the real file, so a save writes through to it and
 * the link stays), how it is read, and how a save is made durable and atomic with the previous save kept as
 * {@code .bak}. Knows nothing of keys or contents: it moves sealed bytes.
 */
final class VaultFile {
    private static final System.Logger LOG = System.getLogger("com.emite.setup.vault");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path file;
    private final Path backup;
    private final Path folder;
    private SaveHook hook = SaveHook.NONE;
    private byte[] lastGood; // the exact bytes of the last good save or load: becomes .bak on the next save

    private VaultFile(Path file) {
        this.file = file;
        this.backup = sibling(file, ".bak");
        this.folder = file.getParent();
    }

    /**
     * The vault at {@code requested}: the path itself, or, when it is a symbolic link, the file the link points to.
     * A link that leads nowhere or in a loop is refused: taking it for "no vault" would write a new vault over it.
     */
    static VaultFile at(Path requested) throws VaultException {
        Path f = normalise(requested);
        if (Files.isSymbolicLink(f)) {
            try {
                f = f.toRealPath();
            } catch (NoSuchFileException e) {
                throw new VaultException(Reason.UNSAFE_LOCATION, "the vault path " + requested
                        + " is a link to a file that does not exist");
            } catch (FileSystemException e) {
                throw new VaultException(Reason.UNSAFE_LOCATION, "the vault path " + requested
                        + " is a link that cannot be followed (" + e.getReason() + ")");
            } catch (IOException e) {
                throw new VaultException(Reason.IO_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        return new VaultFile(f);
    }

    /** True if anything is at {@code requested}, a broken link included (so it is never taken for "no vault"). */
    static boolean anythingAt(Path requested) {
        return Files.exists(requested, LinkOption.NOFOLLOW_LINKS);
    }

    Path path() {
        return file;
    }

    Path backupPath() {
        return backup;
    }

    Path lockPath() {
        return sibling(file, ".lock");
    }

    boolean exists() {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    void setHook(SaveHook hook) {
        this.hook = hook == null ? SaveHook.NONE : hook;
    }

    /** The bytes last read or written: what {@code .bak} will hold after the next save. */
    byte[] lastGood() {
        return lastGood;
    }

    byte[] read() throws VaultException {
        byte[] bytes = read(file);
        lastGood = bytes;
        return bytes;
    }

    byte[] readBackup() throws VaultException {
        if (!Files.exists(backup)) {
            throw new VaultException(Reason.NOT_FOUND, "no backup file");
        }
        return read(backup);
    }

    /** Creates the folder owner-only if needed. */
    void ensureFolder() throws VaultException {
        try {
            SecureFiles.ensureFolder(folder);
        } catch (IOException e) {
            throw saveFailure(e, folder, 0);
        }
    }

    /**
     * Writes {@code bytes}: a new file beside the vault, flushed to disk, the previous save (or {@code backupBytes}
     * when given) kept as {@code .bak}, then an atomic rename over the vault and a flush of the folder. If anything
     * fails before the rename the vault file on disk is the previous save, untouched.
     */
    void write(byte[] bytes, byte[] backupBytes) throws VaultException {
        deleteStaleTemporaryFiles();
        String suffix = HexFormat.of().formatHex(VaultFormat.random(4));
        Path tmp = sibling(file, ".tmp-" + suffix);
        Path bakTmp = sibling(file, ".bak.tmp-" + suffix);
        boolean committed = false;
        try {
            hook.reached(SaveStep.BEFORE_TEMP);
            try (FileChannel ch = SecureFiles.createOwnerOnly(tmp)) {
                hook.reached(SaveStep.TEMP_CREATED);
                int half = bytes.length / 2;
                SecureFiles.writeFully(ch, ByteBuffer.wrap(bytes, 0, half));
                hook.reached(SaveStep.TEMP_HALF_WRITTEN);
                SecureFiles.writeFully(ch, ByteBuffer.wrap(bytes, half, bytes.length - half));
                hook.reached(SaveStep.TEMP_WRITTEN);
                ch.force(true);
            }
            hook.reached(SaveStep.TEMP_SYNCED);
            byte[] previous = backupBytes != null ? backupBytes : lastGood;
            if (previous != null) {
                SecureFiles.writeNewDurably(bakTmp, previous);
                hook.reached(SaveStep.BACKUP_TEMP_SYNCED);
                SecureFiles.replaceAtomically(bakTmp, backup);
                hook.reached(SaveStep.BACKUP_REPLACED);
            }
            SecureFiles.replaceAtomically(tmp, file);
            committed = true;
            lastGood = bytes;
            hook.reached(SaveStep.MAIN_REPLACED);
            if (!SecureFiles.syncFolder(folder)) {
                LOG.log(Level.DEBUG, "Folder flush not supported here: {0}", folder);
            }
            hook.reached(SaveStep.FOLDER_SYNCED);
        } catch (IOException e) {
            if (committed) {
                // The new file is in place; only the folder flush could not be confirmed.
                LOG.log(Level.WARNING, "Saved {0}, but could not flush the folder: {1}", file, e.toString());
                return;
            }
            deleteQuietly(tmp);
            deleteQuietly(bakTmp);
            VaultException ve = saveFailure(e, folder, bytes.length);
            LOG.log(Level.WARNING, "Could not save vault {0}: {1} {2}", file, ve.code(), ve.detail());
            throw ve;
        }
    }

    /**
     * Makes {@code bytes} (a good backup) the vault file again; the damaged vault file, if any, is kept beside it as
     * {@code <file>.damaged-<date>} for support.
     */
    void restore(byte[] bytes) throws VaultException {
        try {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Path aside = sibling(file, ".damaged-" + LocalDateTime.now().format(STAMP));
                Files.move(file, aside);
                LOG.log(Level.WARNING, "Kept the damaged vault file as {0}", aside);
            }
            Path tmp = sibling(file, ".tmp-" + HexFormat.of().formatHex(VaultFormat.random(4)));
            SecureFiles.writeNewDurably(tmp, bytes);
            SecureFiles.replaceAtomically(tmp, file);
            SecureFiles.syncFolder(folder);
            lastGood = bytes;
        } catch (IOException e) {
            throw saveFailure(e, folder, bytes.length);
        }
    }

    /** Leftovers of a save that crashed (we hold the lock, so nobody else is writing them). */
    private void deleteStaleTemporaryFiles() {
        String name = file.getFileName().toString();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder,
                p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith(name + ".tmp-") || n.startsWith(name + ".bak.tmp-");
                })) {
            for (Path p : ds) {
                deleteQuietly(p);
            }
        } catch (IOException ignored) {
            // cleaning up is optional
        }
    }

    static VaultException saveFailure(IOException e, Path dir, long needed) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (SecureFiles.isNotWritable(e)) {
            return new VaultException(Reason.READ_ONLY_LOCATION, detail, e);
        }
        if (SecureFiles.isDiskFull(e, dir, needed)) {
            return new VaultException(Reason.DISK_FULL, detail, e);
        }
        return new VaultException(Reason.IO_ERROR, detail, e);
    }

    /** Structural check of a file (signature, checksum, version, limits) without a password. */
    static boolean looksLikeVault(Path p) {
        try {
            if (!Files.isRegularFile(p) || Files.size(p) > VaultFormat.MAX_BODY_LENGTH + VaultFormat.HEADER_LENGTH) {
                return false;
            }
            byte[] bytes = Files.readAllBytes(p);
            VaultFormat.Header h = VaultFormat.parseHeader(bytes);
            return bytes.length == VaultFormat.HEADER_LENGTH + h.bodyLength();
        } catch (IOException | VaultException e) {
            return false;
        }
    }

    private static byte[] read(Path f) throws VaultException {
        try {
            long size = Files.size(f);
            if (size > VaultFormat.MAX_BODY_LENGTH + VaultFormat.HEADER_LENGTH) {
                byte[] start = new byte[VaultFormat.MAGIC.length];
                try (InputStream in = Files.newInputStream(f)) {
                    int n = in.readNBytes(start, 0, start.length);
                    if (n == start.length && Arrays.equals(start, VaultFormat.MAGIC)) {
                        throw new VaultException(Reason.DAMAGED_BODY, "file is " + size + " bytes, far too large");
                    }
                }
                throw new VaultException(Reason.NOT_A_VAULT, "file is " + size + " bytes, far too large");
            }
            return Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            throw new VaultException(Reason.NOT_FOUND, "file disappeared", e);
        } catch (IOException e) {
            throw new VaultException(Reason.IO_ERROR, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static Path sibling(Path f, String suffix) {
        return f.resolveSibling(f.getFileName().toString() + suffix);
    }

    static Path normalise(Path file) {
        Path f = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (f.getParent() == null || f.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        return f;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }
}
