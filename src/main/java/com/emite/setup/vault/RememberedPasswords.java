package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * "Remember on this computer": the master password of a vault kept in the OS {@link Keychain}, on top of the
 * encryption, never instead of it (the vault file is the same either way; as Cryptomator does). Off by default:
 * the UI keeps the admin's choice and only then calls this class.
 *
 * <p>After {@link Vault#changePassword} the UI calls {@link #remember} again with the new password if the old one was
 * remembered.
 */
public final class RememberedPasswords {
    private final Keychain keychain;

    public RememberedPasswords(Keychain keychain) {
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    /** False when there is no keychain: hide the "Remember on this computer" option. */
    public boolean isAvailable() {
        return keychain.isAvailable();
    }

    public boolean remember(Path vaultFile, Secret password) {
        return keychain.store(account(vaultFile), password);
    }

    public Optional<Secret> recall(Path vaultFile) {
        return keychain.load(account(vaultFile));
    }

    public boolean forget(Path vaultFile) {
        return keychain.delete(account(vaultFile));
    }

    /**
     * Opens the vault with the remembered password. Empty if none is remembered, or if it no longer opens the vault
     * (changed elsewhere): then it is forgotten and the UI asks for the password. Other failures are thrown as usual.
     */
    public Optional<Vault> open(Path vaultFile) throws VaultException {
        Optional<Secret> password = recall(vaultFile);
        if (password.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Vault.open(vaultFile, password.get()));
        } catch (VaultException e) {
            if (e.reason() == Reason.WRONG_PASSWORD) {
                forget(vaultFile);
                return Optional.empty();
            }
            throw e;
        }
    }

    static String account(Path vaultFile) {
        return "vault:" + vaultFile.toAbsolutePath().normalize();
    }

    @Override
    public String toString() {
        return "RememberedPasswords[" + keychain + "]";
    }
}
