package com.emite.setup.vault;

/**
 * How hard a master password is to guess, from {@link PasswordEstimator}: what the window's strength bar shows and
 * what {@link PasswordPolicy} requires (at least {@link #FAIR}). Pure logic.
 */
public enum PasswordStrength {
    EMPTY("", 0),
    TOO_SHORT("Too short: use at least " + PasswordPolicy.MIN_LENGTH + " characters, for example four unrelated words.",
            0.1),
    WEAK("Weak: easy to guess. Use four or more unrelated words, or add uncommon words, digits and symbols.", 0.3),
    FAIR("Fair: accepted. A few more characters or another unrelated word would make it strong.", 0.65),
    STRONG("Strong.", 1.0);

    /** Estimated guessing work from which a password counts as fair (about 34 billion guesses). */
    static final double FAIR_BITS = 35;
    /** Estimated guessing work from which a password counts as strong. */
    static final double STRONG_BITS = 50;

    private final String hint;
    private final double fill;

    PasswordStrength(String hint, double fill) {
        this.hint = hint;
        this.fill = fill;
    }

    /** A plain sentence for the admin ("" while nothing is typed). */
    public String hint() {
        return hint;
    }

    /** How full the strength bar is, 0 to 1. */
    public double fill() {
        return fill;
    }

    /** True if a vault may be created, or its password changed, with a password of this strength. */
    public boolean acceptable() {
        return this == FAIR || this == STRONG;
    }

    public static PasswordStrength of(CharSequence password) {
        if (password == null || password.length() == 0) {
            return EMPTY;
        }
        if (password.toString().codePointCount(0, password.length()) < PasswordPolicy.MIN_LENGTH) {
            return TOO_SHORT;
        }
        double bits = PasswordEstimator.bits(password);
        return bits >= STRONG_BITS ? STRONG : bits >= FAIR_BITS ? FAIR : WEAK;
    }
}
