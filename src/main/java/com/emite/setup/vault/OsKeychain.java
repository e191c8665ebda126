package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Keychain} over {@code com.github.javakeyring:java-keyring}. Kept apart so that no other class in the app
 * touches java-keyring (or its JNA/D-Bus dependencies); if loading them fails, {@link #detect} says "none".
 */
final class OsKeychain implements Keychain {
    static final String SERVICE = "eMite Setup";
    private static final System.Logger LOG = System.getLogger("com.emite.setup.vault");

    private final Keyring keyring;

    private OsKeychain(Keyring keyring) {
        this.keyring = keyring;
    }

    static Keychain detect(Duration timeout) {
        CompletableFuture<Keychain> found = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                found.complete(new OsKeychain(Keyring.create()));
            } catch (Throwable e) {   // BackendNotSupportedException, and LinkageErrors from JNA on odd platforms
                LOG.log(Level.DEBUG, "No OS keychain: {0}", e.getClass().getName());
                found.complete(Keychain.none());
            }
        }, "keychain-detect");
        t.setDaemon(true);
        t.start();
        try {
            return found.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "No OS keychain within {0} ms", timeout.toMillis());
            return Keychain.none();
        }
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    @Override
    public Optional<Secret> load(String account) {
        try {
            String value = keyring.getPassword(SERVICE, account);
            return value == null ? Optional.empty() : Optional.of(Secret.of(value));
        } catch (PasswordAccessException | RuntimeException e) {
            // Not found looks the same as a failure here; neither message carries the value.
            LOG.log(Level.DEBUG, "Keychain has no value for {0}: {1}", account, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public boolean store(String account, Secret value) {
        try {
            keyring.setPassword(SERVICE, account, value.reveal());
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.log(Level.WARNING, "Keychain refused to store {0}: {1}", account, e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public boolean delete(String account) {
        try {
            keyring.deletePassword(SERVICE, account);
            return true;
        } catch (PasswordAccessException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "Keychain[" + keyring.getKeyringStorageType() + "]";
    }
}
