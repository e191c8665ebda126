package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * What an unlocked {@link Vault} holds in memory: the keys, the decrypted contents and the digest of what was last
 * saved or loaded; it seals the contents for a save. Not thread-safe: the vault guards it with its own lock, and drops
 * it (see {@link #wipe()}) when it locks.
 */
final class UnlockedVault {
    private final VaultContents contents;
    private VaultFormat.Keys keys;
    private byte[] savedDigest;

    private UnlockedVault(VaultContents contents, VaultFormat.Keys keys, byte[] savedDigest) {
        this.contents = contents;
        this.keys = keys;
        this.savedDigest = savedDigest;
    }

    /** A new, empty vault's state: fresh keys from the password (runs the key derivation). */
    static UnlockedVault empty(Secret password, KdfParams params) {
        return new UnlockedVault(new VaultContents(), VaultFormat.newKeys(password, params), null);
    }

    /** Opens a vault file's bytes with its password. */
    static UnlockedVault unseal(byte[] bytes, Secret password) throws VaultException {
        VaultFormat.Opened opened = VaultFormat.unseal(bytes, password);
        try {
            return new UnlockedVault(BodyCodec.decode(opened.plaintext()), opened.keys(), sha256(opened.plaintext()));
        } catch (BodyCodec.NewerFormatException e) {
            opened.keys().wipe();
            throw new VaultException(Reason.UNSUPPORTED_VERSION, e.getMessage());
        } catch (RuntimeException e) {
            opened.keys().wipe();
            // No message from the parser: it could quote decrypted text.
            throw new VaultException(Reason.DAMAGED_BODY, "decrypted body not understood ("
                    + e.getClass().getSimpleName() + ")");
        } finally {
            Arrays.fill(opened.plaintext(), (byte) 0);
        }
    }

    VaultContents contents() {
        return contents;
    }

    VaultFormat.Keys keys() {
        return keys;
    }

    /** True if the contents differ from what was last saved or loaded. */
    boolean changedSinceSaved() {
        byte[] plain = BodyCodec.encode(contents);
        try {
            return !MessageDigest.isEqual(sha256(plain), savedDigest);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The contents sealed with {@code withKeys}, to be written; {@link #saved} once they are on disk. */
    Sealed seal(VaultFormat.Keys withKeys) {
        byte[] plain = BodyCodec.encode(contents);
        try {
            return new Sealed(VaultFormat.seal(withKeys, plain), sha256(plain));
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** The sealed contents are on disk; when sealed with new keys, those replace (and wipe) the old ones. */
    void saved(Sealed sealed, VaultFormat.Keys withKeys) {
        savedDigest = sealed.digest();
        if (withKeys != keys) {
            keys.wipe();
            keys = withKeys;
        }
    }

    /** Zeroes the keys and detaches the contents (see {@link Vault#lock()} on how far Java allows). */
    void wipe() {
        contents.detach();
        keys.wipe();
    }

    private static byte[] sha256(byte[] b) {
        return VaultFormat.sha256(b, 0, b.length);
    }

    record Sealed(byte[] bytes, byte[] digest) {
    }
}
