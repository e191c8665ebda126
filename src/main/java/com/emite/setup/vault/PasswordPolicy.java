package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.VaultException.Reason;

/**
 * The minimum for a master password, enforced by {@link Vault#create} and {@link Vault#changePassword}, so the window
 * and the command line get the same rule: at least {@link #MIN_LENGTH} characters and an estimated strength of at
 * least {@link PasswordStrength#FAIR}.
 */
public final class PasswordPolicy {
    /** The shortest master password accepted. */
    public static final int MIN_LENGTH = 10;

    /** What is accepted, in plain words (the message of {@link Reason#WEAK_PASSWORD}). */
    public static final String RULE = "This master password is too easy to guess, so it was not accepted. "
            + "Use at least " + MIN_LENGTH + " characters that are hard to guess: for example four or more unrelated "
            + "words (\"maple orbit kettle sandal\"), or a mix of uncommon words, digits and symbols. Common "
            + "passwords, repeated or sequential characters and names such as eMite or Genesys are refused.";

    private PasswordPolicy() {
    }

    /** The strength of {@code password}; {@link PasswordStrength#acceptable()} says whether it meets the policy. */
    public static PasswordStrength strength(Secret password) {
        return PasswordStrength.of(password.reveal());
    }

    /** Throws {@link Reason#WEAK_PASSWORD} unless {@code password} meets the policy. */
    static void require(Secret password) throws VaultException {
        PasswordStrength s = strength(password);
        if (!s.acceptable()) {
            throw new VaultException(Reason.WEAK_PASSWORD, "master password refused: " + s.name().toLowerCase(
                    java.util.Locale.ROOT));
        }
    }
}
