package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
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
 * <p>This class holds the lifecycle; {@link UnlockedVault} the keys and decrypted contents, {@link VaultFile} moves the sealed bytes to and from disk (atomic
 * save, backup), {@link VaultLock} keeps a second window out, {@link DataFolder} knows the folders.
 *
 * <p>Lifecycle: open (or create) → unlocked → {@link #lock()} (keys and decrypted data dropped, the file lock kept)
 * → {@link #unlock(Secret)} → … → {@link #close()} (locked and the file lock released).
 */
public final class Vault implements AutoCloseable {
    /** File name extension of vault files. */
    public static final String EXTENSION = ".emitevault";

    private static final System.Logger LOG = System.getLogger("com.emite.setup.vault");

    private final VaultFile disk;
    private final VaultLock fileLock;

    private UnlockedVault unlocked;       // null while locked
    private KdfParams params;
    private boolean closed;

    private Vault(VaultFile disk, VaultLock fileLock) {
        this.disk = disk;
        this.fileLock = fileLock;
    }

    // ---------------------------------------------------------------------------------------------- locations

    /** The per-user application-data folder; see {@link DataFolder#defaultFolder()}. Not created here. */
    public static Path defaultFolder() {
        return DataFolder.defaultFolder();
    }

    /** The default profile's vault file in {@link #defaultFolder()}. */
    public static Path defaultFile() {
        return defaultFile("default");
    }

    /** The vault file of a named profile in {@link #defaultFolder()}; the name is reduced to safe characters. */
    public static Path defaultFile(String profile) {
        return DataFolder.defaultVaultFile(profile);
    }

    /**
     * True if anything is at {@code file}: a vault, another file, or a symbolic link (even one that leads nowhere,
     * which {@link #open} then refuses with a clear message rather than a new vault being written over it).
     */
    public static boolean exists(Path file) {
        return VaultFile.anythingAt(file);
    }

    // ---------------------------------------------------------------------------------------------- create / open

    /**
     * Creates a new, empty vault at {@code file} (the folder is created owner-only if needed) and returns it
     * unlocked. Fails with {@link Reason#ALREADY_EXISTS} rather than overwrite anything, with
     * {@link Reason#UNSAFE_LOCATION} when {@code file} is a link that leads nowhere, and with
     * {@link Reason#WEAK_PASSWORD} when the password does not meet {@link PasswordPolicy}.
     */
    public static Vault create(Path file, Secret password, KdfParams params) throws VaultException {
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(params, "params");
        PasswordPolicy.require(password);
        VaultFile disk = VaultFile.at(file);
        disk.ensureFolder();
        if (disk.exists()) {
            throw new VaultException(Reason.ALREADY_EXISTS, "file exists");
        }
        VaultLock lock = VaultLock.acquire(disk.lockPath());
        Vault v = new Vault(disk, lock);
        try {
            if (lock.readOnly()) {
                throw new VaultException(Reason.READ_ONLY_LOCATION, "cannot create the lock file");
            }
            if (disk.exists()) {
                throw new VaultException(Reason.ALREADY_EXISTS, "file appeared while creating");
            }
            long t0 = System.nanoTime();
            v.unlocked = UnlockedVault.empty(password, params);
            v.params = params;
            v.write(v.unlocked.keys(), false);
            LOG.log(Level.INFO, "Created vault {0} ({1}) in {2} ms", disk.path(), params, ms(t0));
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
        VaultFile disk = VaultFile.at(file);
        if (!disk.exists()) {
            throw withBackupHint(new VaultException(Reason.NOT_FOUND, "no file at the vault's place"), disk);
        }
        VaultLock lock = VaultLock.acquire(disk.lockPath());
        Vault v = new Vault(disk, lock);
        try {
            long t0 = System.nanoTime();
            v.load(disk.read(), password);
            LOG.log(Level.DEBUG, "Opened vault {0} ({1}) in {2} ms{3}", disk.path(), v.params, ms(t0),
                    lock.readOnly() ? ", read-only" : "");
            return v;
        } catch (VaultException e) {
            lock.release();
            LOG.log(Level.INFO, "Could not open vault {0}: {1} {2}", disk.path(), e.code(), e.detail());
            throw withBackupHint(e, disk);
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
        VaultFile disk = VaultFile.at(file);
        VaultLock lock = VaultLock.acquire(disk.lockPath());
        Vault v = new Vault(disk, lock);
        try {
            if (lock.readOnly()) {
                throw new VaultException(Reason.READ_ONLY_LOCATION, "cannot write in the vault's folder");
            }
            byte[] bytes = disk.readBackup();
            v.load(bytes, password);
            try {
                disk.restore(bytes);
            } catch (VaultException e) {
                v.dropSecrets();
                throw e;
            }
            LOG.log(Level.WARNING, "Restored vault {0} from its backup", disk.path());
            return v;
        } catch (VaultException | RuntimeException e) {
            v.dropSecrets();
            lock.release();
            throw e;
        }
    }

    private void load(byte[] bytes, Secret password) throws VaultException {
        unlocked = UnlockedVault.unseal(bytes, password);
        params = unlocked.keys().params;
    }

    // ---------------------------------------------------------------------------------------------- use

    /** The vault file (the real file when the path given was a symbolic link: saves write through to it). */
    public Path file() {
        return disk.path();
    }

    /** The backup file ({@code <file>.bak}): the previous save. */
    public Path backupFile() {
        return disk.backupPath();
    }

    public synchronized boolean isLocked() {
        return unlocked == null;
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
        return unlocked.contents();
    }

    /** True if the contents differ from what was last saved or loaded. */
    public synchronized boolean hasUnsavedChanges() {
        checkUnlocked();
        return unlocked.changedSinceSaved();
    }

    /**
     * Writes the contents: a new file beside the vault, flushed to disk, the previous save kept as {@code .bak},
     * then an atomic rename over the vault and a flush of the folder. If anything fails the vault file on disk is
     * the previous save, untouched, and the contents stay in memory to try again.
     */
    public synchronized void save() throws VaultException {
        checkUnlocked();
        long t0 = System.nanoTime();
        write(unlocked.keys(), false);
        LOG.log(Level.DEBUG, "Saved vault {0} in {1} ms", disk.path(), ms(t0));
    }

    /** True if {@code password} is the current master password (runs the key derivation once). */
    public synchronized boolean isPassword(Secret password) throws VaultException {
        checkOpen();
        byte[] bytes = disk.lastGood() != null ? disk.lastGood() : disk.read();
        return VaultFormat.passwordMatches(bytes, password);
    }

    /** Changes the master password, keeping the key-derivation parameters. */
    public synchronized void changePassword(Secret newPassword) throws VaultException {
        changePassword(newPassword, params);
    }

    /**
     * Changes the master password (and optionally the key-derivation parameters) and saves. A fresh data key is
     * made too. The backup copy is replaced by the new file, so no copy readable with the old password remains.
     * On failure nothing changes: the old password still opens the vault. A new password that does not meet
     * {@link PasswordPolicy} is refused with {@link Reason#WEAK_PASSWORD}.
     */
    public synchronized void changePassword(Secret newPassword, KdfParams newParams) throws VaultException {
        checkUnlocked();
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(newParams, "newParams");
        PasswordPolicy.require(newPassword);
        long t0 = System.nanoTime();
        VaultFormat.Keys fresh = VaultFormat.newKeys(newPassword, newParams);
        try {
            write(fresh, true);
        } catch (VaultException | RuntimeException e) {
            fresh.wipe();
            throw e;
        }
        params = newParams;
        LOG.log(Level.INFO, "Changed the master password of {0} ({1}) in {2} ms", disk.path(), newParams, ms(t0));
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
        if (unlocked == null) {
            return;
        }
        if (!fileLock.readOnly() && hasUnsavedChanges()) {
            save();
        }
        dropSecrets();
        LOG.log(Level.DEBUG, "Locked vault {0}", disk.path());
    }

    /** Unlocks a locked vault again with its master password (re-reads the file). */
    public synchronized void unlock(Secret password) throws VaultException {
        checkOpen();
        Objects.requireNonNull(password, "password");
        if (unlocked != null) {
            return;
        }
        load(disk.read(), password);
        LOG.log(Level.DEBUG, "Unlocked vault {0}", disk.path());
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
        disk.setHook(hook);
    }

    /**
     * Seals the contents with {@code withKeys} and writes them; a password change replaces the backup too. Once
     * written, new keys replace the old ones.
     */
    private void write(VaultFormat.Keys withKeys, boolean replaceBackupToo) throws VaultException {
        if (fileLock.readOnly()) {
            throw new VaultException(Reason.READ_ONLY_LOCATION, "the folder could not be written when opened");
        }
        UnlockedVault.Sealed sealed = unlocked.seal(withKeys);
        disk.write(sealed.bytes(), replaceBackupToo ? sealed.bytes() : null);
        unlocked.saved(sealed, withKeys);
    }

    private static VaultException withBackupHint(VaultException e, VaultFile disk) {
        switch (e.reason()) {
            case NOT_FOUND, NOT_A_VAULT, CORRUPT_HEADER, DAMAGED_BODY, UNSAFE_KDF_SETTINGS, IO_ERROR -> {
                if (VaultFile.looksLikeVault(disk.backupPath())) {
                    return e.withBackupAvailable();
                }
                return e;
            }
            default -> {
                return e;
            }
        }
    }

    private void dropSecrets() {
        if (unlocked != null) {
            unlocked.wipe();
            unlocked = null;
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("The vault is closed.");
        }
    }

    private void checkUnlocked() {
        checkOpen();
        if (unlocked == null) {
            throw new IllegalStateException("The vault is locked; unlock it with the master password first.");
        }
    }

    static Path sibling(Path f, String suffix) {
        return VaultFile.sibling(f, suffix);
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    @Override
    public synchronized String toString() {
        return "Vault[" + disk.path() + ", " + (closed ? "closed" : unlocked == null ? "locked" : "unlocked") + ", "
                + params + (fileLock.readOnly() ? ", read-only" : "") + "]";
    }
}
