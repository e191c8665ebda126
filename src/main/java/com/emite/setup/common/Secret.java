package com.emite.setup.common;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (client secret, access token, password) that never prints itself. Everything that can end in a log,
 * an exception message or a {@code toString()} carries secrets as this type; only {@link #reveal()} gives the value,
 * and only code that sends it over the wire, encrypts it or puts it on the clipboard should call it.
 */
public final class Secret {
    private static final String MASK = "••••••";
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.clone());
    }

    public String reveal() {
        return new String(value);
    }

    public char[] revealChars() {
        return value.clone();
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The last four characters, for a masked display such as "••••••3f9a"; nothing for short secrets. */
    public String masked() {
        return value.length >= 16 ? MASK + new String(value, value.length - 4, 4) : MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && java.security.MessageDigest.isEqual(
                new String(value).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new String(other.value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return MASK;
    }
}
