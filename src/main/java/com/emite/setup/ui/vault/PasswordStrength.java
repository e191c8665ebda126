package com.emite.setup.ui.vault;

import java.util.Locale;
import java.util.Set;

/** A plain hint on how hard a new master password is to guess. Pure logic. */
public enum PasswordStrength {
    EMPTY(""),
    TOO_SHORT("Too short: use at least 10 characters, for example four unrelated words."),
    WEAK("Weak: easy to guess. Make it longer, for example four unrelated words."),
    FAIR("Fair. A few more characters would make it strong."),
    STRONG("Strong.");

    /** The shortest master password the app accepts. */
    public static final int MIN_LENGTH = 10;

    private static final Set<String> COMMON = Set.of("password", "passw0rd", "letmein", "welcome", "qwerty",
            "iloveyou", "admin", "genesys", "emite", "master", "secret", "changeme", "monkey", "dragon");

    private final String hint;

    PasswordStrength(String hint) {
        this.hint = hint;
    }

    public String hint() {
        return hint;
    }

    /** True if a vault may be created with it. */
    public boolean acceptable() {
        return this == FAIR || this == STRONG || this == WEAK;
    }

    public static PasswordStrength of(String password) {
        if (password == null || password.isEmpty()) {
            return EMPTY;
        }
        if (password.length() < MIN_LENGTH) {
            return TOO_SHORT;
        }
        String lower = password.toLowerCase(Locale.ROOT);
        boolean common = COMMON.stream().anyMatch(lower::contains) && password.length() < 16;
        boolean oneChar = password.chars().distinct().count() <= 2;
        boolean sequence = "0123456789abcdefghijklmnopqrstuvwxyz".contains(lower)
                || "qwertyuiopasdfghjklzxcvbnm".contains(lower);
        if (common || oneChar || sequence) {
            return WEAK;
        }
        int kinds = 0;
        kinds += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        kinds += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        kinds += password.chars().anyMatch(ch -> !Character.isLetterOrDigit(ch)) ? 1 : 0;
        if (password.length() >= 16 || (password.length() >= 12 && kinds >= 3)) {
            return STRONG;
        }
        return kinds >= 2 ? FAIR : WEAK;
    }
}
