package com.emite.setup.vault;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For tests outside this package (the reliability matrix): makes a vault's saves fail from the n-th on, as a folder
 * made read-only or a disk that filled up while the app runs, until {@link #clear} (the admin fixed it).
 */
public final class VaultSaveFaults {
    public enum Kind { READ_ONLY, DISK_FULL }

    private VaultSaveFaults() {
    }

    /** Saves number {@code n} (1 = the next) and later fail with {@code kind}; returns the count of saves tried. */
    public static AtomicInteger failFrom(Vault vault, int n, Kind kind) {
        AtomicInteger saves = new AtomicInteger();
        vault.setSaveHook(step -> {
            if (step == SaveHook.SaveStep.BEFORE_TEMP && saves.incrementAndGet() >= n && kind == Kind.READ_ONLY) {
                throw new AccessDeniedException(vault.file().getParent().toString());
            }
            if (step == SaveHook.SaveStep.TEMP_HALF_WRITTEN && saves.get() >= n && kind == Kind.DISK_FULL) {
                throw new IOException("No space left on device");
            }
        });
        return saves;
    }

    /** Saves work again. */
    public static void clear(Vault vault) {
        vault.setSaveHook(null);
    }
}
