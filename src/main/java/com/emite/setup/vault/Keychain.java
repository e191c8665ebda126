package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.time.Duration;
import java.util.Optional;

/**
 * The operating system's password store (Windows Credential Manager, macOS Keychain, Secret Service or KWallet on
 * Linux), used only for the optional "remember on this computer" (off by default; see {@link RememberedPasswords}).
 * Everything works without one: {@link #none()} is what CI and headless machines get.
 *
 * <p>Calls may block (D-Bus) or make the OS show its own unlock prompt: call off the UI thread, and only when the
 * admin has opted in.
 */
public interface Keychain {
    /** True if a keychain was found and answered. */
    boolean isAvailable();

    /** The stored value for {@code account}, or empty if none (or the keychain failed). */
    Optional<Secret> load(String account);

    /** Stores (or replaces) the value; false if the keychain refused. */
    boolean store(String account, Secret value);

    /** Removes the value; false if there was none or the keychain refused. */
    boolean delete(String account);

    /** No keychain: nothing is remembered. */
    static Keychain none() {
        return NoKeychain.INSTANCE;
    }

    /**
     * The OS keychain through {@code java-keyring}, or {@link #none()} if there is none, it fails, or it does not
     * answer within {@code timeout} (a desktop without a Secret Service can otherwise hang on D-Bus).
     */
    static Keychain detect(Duration timeout) {
        return OsKeychain.detect(timeout);
    }

    /** The {@link #none()} implementation. */
    enum NoKeychain implements Keychain {
        INSTANCE;

        @Override
        public boolean isAvailable() {
            return false;
        }

        @Override
        public Optional<Secret> load(String account) {
            return Optional.empty();
        }

        @Override
        public boolean store(String account, Secret value) {
            return false;
        }

        @Override
        public boolean delete(String account) {
            return false;
        }

        @Override
        public String toString() {
            return "Keychain[none]";
        }
    }
}
