package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.SaveHook.SaveStep;
import com.emite.setup.vault.VaultException.Reason;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The encrypted local vault: one file per profile, unlocked by a master password, holding the OAuth client secrets
 * Genesys Cloud shows only once. See {@link VaultFormat} for the file format and {@code docs/ARCHITECTURE.md}.
 *
 * <pre>
 * try (Vault v = Vault.open(Vault.defaultFile(), password)) {
 *     v.contents().org(orgId).putClient(StoredClient.of(name, clientId, secret, Instant.now()));
 *     v.save();                       // durable and atomic; the previous save is kept as .bak
 * }
 * </pre>
 *
 * <p>Every operation that touches the disk or runs the key derivation (open, create, unlock, save, change password)
 * takes from tens of milliseconds to about half a second: call it off the UI thread. Methods are thread-safe.
 *
 * <p>Lifecycle: open (or create) → unlocked → {@link #lock()} (keys and decrypted data dropped, the file lock kept)
 * → {@link #unlock(Secret)} → … → {@link #close()} (locked and the file lock released).
 */
public final class Vault implements AutoCloseable {
    /** File name extension of vault files. */
    public static final String EXTENSION = ".emitevault";

    private static final System.Logger LOG = System.getLogger("com.emite.setup.vault");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    private final Path file;
    private final Path backup;
    private final Path folder;
    private final VaultLock fileLock;
    private SaveHook hook = SaveHook.NONE;

    private VaultFormat.Keys keys;        // null while locked
    private VaultContents contents;       // null while locked
    private byte[] savedDigest;           // SHA-256 of the body plaintext last saved or loaded
    private byte[] fileOnDisk;            // the exact bytes of the last good save: becomes .bak on the next save
    private KdfParams params;
    private boolean closed;

    private Vault(Path file, VaultLock fileLock) {
        this.file = file;
        this.backup = sibling(file, ".bak");
        this.folder = file.getParent();
        this.fileLock = fileLock;
    }

    // ---------------------------------------------------------------------------------------------- locations

    /**
     * The per-user application-data folder: {@code %APPDATA%\eMiteSetup} on Windows,
     * {@code ~/Library/Application Support/eMiteSetup} on macOS, {@code $XDG_DATA_HOME/emite-setup} or
     * {@code ~/.local/share/emite-setup} elsewhere. Not created by this method.
     */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultFolder(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Paths.get(appData, "eMiteSetup")
                    : Paths.get(userHome, "AppData", "Roaming", "eMiteSetup");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return Paths.get(userHome, "Library", "Application Support", "eMiteSetup");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec: a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && xdg.startsWith("/")) {
            return Paths.get(xdg, "emite-setup");
        }
        return Paths.get(userHome, ".local", "share", "emite-setup");
    }

    /** The default profile's vault file in {@link #defaultFolder()}. */
    public static Path defaultFile() {
        return defaultFile("default");
    }

    /** The vault file of a named profile in {@link #defaultFolder()}; the name is reduced to safe characters. */
    public static Path defaultFile(String profile) {
        String safe = profile.strip().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (safe.isEmpty()) {
            throw new IllegalArgumentException("empty profile name");
        }
        return defaultFolder().resolve(safe + EXTENSION);
    }

    /** True if a vault (or at least a file) exists at {@code file}. */
    public static boolean exists(Path file) {
        return Files.exists(file);
    }

    // ---------------------------------------------------------------------------------------------- create / open

    /**
     * Creates a new, empty vault at {@code file} (the folder is created owner-only if needed) and returns it
     * unlocked. Fails with {@link Reason#ALREADY_EXISTS} rather than overwrite anything.
     */
    public static Vault create(Path file, Secret password, KdfParams params) throws VaultException {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(params, "params");
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the master password must not be empty");
        }
        Path f = normalise(file);
        try {
            SecureFiles.ensureFolder(f.getParent());
        } catch (IOException e) {
            throw saveFailure(e, f.getParent(), 0);
        }
        if (Files.exists(f)) {
            throw new VaultException(Reason.ALREADY_EXISTS, "file exists");
        }
        VaultLock lock = VaultLock.acquire(sibling(f, ".lock"));
        Vault v = new Vault(f, lock);
        try {
            if (lock.readOnly()) {
                throw new VaultException(Reason.READ_ONLY_LOCATION, "cannot create the lock file");
            }
            if (Files.exists(f)) {
                throw new VaultException(Reason.ALREADY_EXISTS, "file appeared while creating");
            }
            long t0 = System.nanoTime();
            v.keys = VaultFormat.newKeys(password, params);
            v.params = params;
            v.contents = new VaultContents();
            v.write(v.keys, false);
            LOG.log(Level.INFO, "Created vault {0} ({1}) in {2} ms", f, params, ms(t0));
            return v;
        } catch (VaultException | RuntimeException e) {
            v.dropSecrets();
            lock.release();
            throw e;
        }
    }

    /**
     * Opens and unlocks the vault at {@code file}. On failure the {@link VaultException}'s reason says why, and
     * {@link VaultException#backupAvailable()} whether {@link #restoreBackup(Path, Secret)} may help.
     */
    public static Vault open(Path file, Secret password) throws VaultException {
        Objects.requireNonNull(password, "password");
        Path f = normalise(file);
        Path bak = sibling(f, ".bak");
        if (!Files.exists(f)) {
            throw withBackupHint(new VaultException(Reason.NOT_FOUND, "no file at the vault's place"), bak);
        }
        VaultLock lock = VaultLock.acquire(sibling(f, ".lock"));
        Vault v = new Vault(f, lock);
        try {
            long t0 = System.nanoTime();
            byte[] bytes = read(f);
            v.load(bytes, password);
            LOG.log(Level.DEBUG, "Opened vault {0} ({1}) in {2} ms{3}", f, v.params, ms(t0),
                    lock.readOnly() ? ", read-only" : "");
            return v;
        } catch (VaultException e) {
            lock.release();
            LOG.log(Level.INFO, "Could not open vault {0}: {1} {2}", f, e.code(), e.detail());
            throw withBackupHint(e, bak);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Opens the backup copy ({@code <file>.bak}, the previous save) with {@code password} and makes it the vault
     * again: the damaged vault file, if any, is kept beside it as {@code <file>.damaged-<date>} for support.
     */
    public static Vault restoreBackup(Path file, Secret password) throws VaultException {
        Objects.requireNonNull(password, "password");
        Path f = normalise(file);
        Path bak = sibling(f, ".bak");
        VaultLock lock = VaultLock.acquire(sibling(f, ".lock"));
        Vault v = new Vault(f, lock);
        try {
            if (lock.readOnly()) {
                throw new VaultException(Reason.READ_ONLY_LOCATION, "cannot write in the vault's folder");
            }
            if (!Files.exists(bak)) {
                throw new VaultException(Reason.NOT_FOUND, "no backup file");
            }
            byte[] bytes = read(bak);
            v.load(bytes, password);
            try {
                if (Files.exists(f)) {
                    Path aside = sibling(f, ".damaged-" + LocalDateTime.now().format(STAMP));
                    Files.move(f, aside);
                    LOG.log(Level.WARNING, "Kept the damaged vault file as {0}", aside);
                }
                Path tmp = sibling(f, ".tmp-" + HexFormat.of().formatHex(VaultFormat.random(4)));
                SecureFiles.writeNewDurably(tmp, bytes);
                SecureFiles.replaceAtomically(tmp, f);
                SecureFiles.syncFolder(f.getParent());
            } catch (IOException e) {
                v.dropSecrets();
                throw saveFailure(e, f.getParent(), bytes.length);
            }
            LOG.log(Level.WARNING, "Restored vault {0} from its backup", f);
            return v;
        } catch (VaultException | RuntimeException e) {
            v.dropSecrets();
            lock.release();
            throw e;
        }
    }

    private void load(byte[] bytes, Secret password) throws VaultException {
        VaultFormat.Opened opened = VaultFormat.unseal(bytes, password);
        VaultContents decoded;
        try {
            decoded = BodyCodec.decode(opened.plaintext());
        } catch (BodyCodec.NewerFormatException e) {
            opened.keys().wipe();
            throw new VaultException(Reason.UNSUPPORTED_VERSION, e.getMessage());
        } catch (RuntimeException e) {
            opened.keys().wipe();
            // No message from the parser: it could quote decrypted text.
            throw new VaultException(Reason.DAMAGED_BODY, "decrypted body not understood ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            savedDigest = sha256(opened.plaintext());
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
        this.keys = opened.keys();
        this.params = opened.keys().params;
        this.contents = decoded;
        this.fileOnDisk = bytes;
    }

    // ---------------------------------------------------------------------------------------------- use

    /** The vault file. */
    public Path file() {
        return file;
    }

    /** The backup file ({@code <file>.bak}): the previous save. */
    public Path backupFile() {
        return backup;
    }

    public synchronized boolean isLocked() {
        return keys == null;
    }

    /** True when the vault's folder cannot be written: {@link #save()} will fail with READ_ONLY_LOCATION. */
    public boolean isReadOnly() {
        return fileLock.readOnly();
    }

    /** The key-derivation parameters of the current file. */
    public synchronized KdfParams kdfParams() {
        return params;
    }

    /** The decrypted contents; throws {@link IllegalStateException} while locked. */
    public synchronized VaultContents contents() {
        checkUnlocked();
        return contents;
    }

    /** True if the contents differ from what was last saved or loaded. */
    public synchronized boolean hasUnsavedChanges() {
        checkUnlocked();
        byte[] plain = BodyCodec.encode(contents);
        try {
            return !MessageDigest.isEqual(sha256(plain), savedDigest);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Writes the contents: a new file beside the vault, flushed to disk, the previous save kept as {@code .bak},
     * then an atomic rename over the vault and a flush of the folder. If anything fails the vault file on disk is
     * the previous save, untouched, and the contents stay in memory to try again.
     */
    public synchronized void save() throws VaultException {
        checkUnlocked();
        long t0 = System.nanoTime();
        write(keys, false);
        LOG.log(Level.DEBUG, "Saved vault {0} in {1} ms", file, ms(t0));
    }

    /** True if {@code password} is the current master password (runs the key derivation once). */
    public synchronized boolean isPassword(Secret password) throws VaultException {
        checkOpen();
        byte[] bytes = fileOnDisk != null ? fileOnDisk : read(file);
        return VaultFormat.passwordMatches(bytes, password);
    }

    /** Changes the master password, keeping the key-derivation parameters. */
    public synchronized void changePassword(Secret newPassword) throws VaultException {
        changePassword(newPassword, params);
    }

    /**
     * Changes the master password (and optionally the key-derivation parameters) and saves. A fresh data key is
     * made too. The backup copy is replaced by the new file, so no copy readable with the old password remains.
     * On failure nothing changes: the old password still opens the vault.
     */
    public synchronized void changePassword(Secret newPassword, KdfParams newParams) throws VaultException {
        checkUnlocked();
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(newParams, "newParams");
        if (newPassword.isEmpty()) {
            throw new IllegalArgumentException("the master password must not be empty");
        }
        long t0 = System.nanoTime();
        VaultFormat.Keys fresh = VaultFormat.newKeys(newPassword, newParams);
        try {
            write(fresh, true);
        } catch (VaultException | RuntimeException e) {
            fresh.wipe();
            throw e;
        }
        keys.wipe();
        keys = fresh;
        params = newParams;
        LOG.log(Level.INFO, "Changed the master password of {0} ({1}) in {2} ms", file, newParams, ms(t0));
    }

    /**
     * Locks: saves pending changes first (if that fails, the vault stays unlocked and the error is thrown, so no
     * secret is lost), then drops the decrypted contents and zeroes the keys. The file lock is kept. A read-only vault
     * (see {@link #isReadOnly()}) cannot save, so its unsaved changes are dropped.
     *
     * <p>"Zeroes" as far as Java allows: the key arrays are overwritten, but copies inside JCE key objects, the
     * {@link Secret}s of the dropped contents and any {@code String} made from them wait for the garbage collector.
     */
    public synchronized void lock() throws VaultException {
        if (keys == null) {
            return;
        }
        if (!fileLock.readOnly() && hasUnsavedChanges()) {
            save();
        }
        dropSecrets();
        LOG.log(Level.DEBUG, "Locked vault {0}", file);
    }

    /** Unlocks a locked vault again with its master password (re-reads the file). */
    public synchronized void unlock(Secret password) throws VaultException {
        checkOpen();
        Objects.requireNonNull(password, "password");
        if (keys != null) {
            return;
        }
        byte[] bytes = read(file);
        load(bytes, password);
        LOG.log(Level.DEBUG, "Unlocked vault {0}", file);
    }

    /** Locks (saving pending changes, see {@link #lock()}) and releases the file lock. */
    @Override
    public synchronized void close() throws VaultException {
        if (closed) {
            return;
        }
        lock();
        closed = true;
        fileLock.release();
    }

    /** Drops everything without saving and releases the file lock (e.g. when the admin discards changes). */
    public synchronized void closeWithoutSaving() {
        if (closed) {
            return;
        }
        dropSecrets();
        closed = true;
        fileLock.release();
    }

    // ---------------------------------------------------------------------------------------------- internals

    /** Test seam: see {@link SaveHook}. */
    synchronized void setSaveHook(SaveHook hook) {
        this.hook = hook == null ? SaveHook.NONE : hook;
    }

    private void write(VaultFormat.Keys withKeys, boolean replaceBackupToo) throws VaultException {
        if (fileLock.readOnly()) {
            throw new VaultException(Reason.READ_ONLY_LOCATION, "the folder could not be written when opened");
        }
        byte[] plain = BodyCodec.encode(contents);
        byte[] digest = sha256(plain);
        byte[] bytes;
        try {
            bytes = VaultFormat.seal(withKeys, plain);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
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
            byte[] previous = replaceBackupToo ? bytes : fileOnDisk;
            if (previous != null) {
                SecureFiles.writeNewDurably(bakTmp, previous);
                hook.reached(SaveStep.BACKUP_TEMP_SYNCED);
                SecureFiles.replaceAtomically(bakTmp, backup);
                hook.reached(SaveStep.BACKUP_REPLACED);
            }
            SecureFiles.replaceAtomically(tmp, file);
            committed = true;
            fileOnDisk = bytes;
            savedDigest = digest;
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

    private static VaultException saveFailure(IOException e, Path dir, long needed) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (SecureFiles.isNotWritable(e)) {
            return new VaultException(Reason.READ_ONLY_LOCATION, detail, e);
        }
        if (SecureFiles.isDiskFull(e, dir, needed)) {
            return new VaultException(Reason.DISK_FULL, detail, e);
        }
        return new VaultException(Reason.IO_ERROR, detail, e);
    }

    private static VaultException withBackupHint(VaultException e, Path bak) {
        switch (e.reason()) {
            case NOT_FOUND, NOT_A_VAULT, CORRUPT_HEADER, DAMAGED_BODY, UNSAFE_KDF_SETTINGS, IO_ERROR -> {
                if (looksLikeVault(bak)) {
                    return e.withBackupAvailable();
                }
                return e;
            }
            default -> {
                return e;
            }
        }
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

    private void dropSecrets() {
        if (contents != null) {
            contents.detach();
            contents = null;
        }
        if (keys != null) {
            keys.wipe();
            keys = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The vault is closed.");
        }
    }

    private void checkUnlocked() {
        checkOpen();
        if (keys == null) {
            throw new IllegalStateException("The vault is locked; unlock it with the master password first.");
        }
    }

    static Path sibling(Path f, String suffix) {
        return f.resolveSibling(f.getFileName().toString() + suffix);
    }

    private static Path normalise(Path file) {
        Path f = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        if (f.getParent() == null || f.getFileName() == null) {
            throw new IllegalArgumentException("not a file path: " + file);
        }
        return f;
    }

    private static byte[] sha256(byte[] b) {
        return VaultFormat.sha256(b, 0, b.length);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public synchronized String toString() {
        return "Vault[" + file + ", " + (closed ? "closed" : keys == null ? "locked" : "unlocked") + ", " + params
                + (fileLock.readOnly() ? ", read-only" : "") + "]";
    }
}
