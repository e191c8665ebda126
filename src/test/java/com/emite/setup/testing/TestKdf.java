package com.emite.setup.testing;

import com.emite.setup.vault.KdfParams;

/**
 * The key derivation for vaults made by tests that are not about the key derivation: Argon2id with 1 MiB and one
 * pass (milliseconds) instead of the product's 64 MiB and three passes (about half a second of CPU per open). The
 * vault's own tests and the KDF's known-answer tests keep the real settings.
 */
public final class TestKdf {
    public static final KdfParams CHEAP = KdfParams.argon2id(1024, 1, 1);

    private TestKdf() {
    }
}
