package com.emite.setup.diagnose;

import java.util.Objects;

/**
 * One inferred choice and what the org said about it.
 *
 * @param entry   the {@code ApiContract} field (or blueprint row) the choice lives in
 * @param assumed what our client and sandbox assume, in a few words
 * @param verdict held, differs, or cannot tell
 * @param detail  what was seen (never a secret, a name or an e-mail address of the org's people: counts and API
 *                literals only)
 */
public record Finding(String entry, String assumed, Verdict verdict, String detail) {
    public Finding {
        Objects.requireNonNull(entry);
        Objects.requireNonNull(assumed);
        Objects.requireNonNull(verdict);
        detail = detail == null ? "" : detail;
    }

    static Finding held(String entry, String assumed, String detail) {
        return new Finding(entry, assumed, Verdict.HELD, detail);
    }

    static Finding differs(String entry, String assumed, String detail) {
        return new Finding(entry, assumed, Verdict.DIFFERS, detail);
    }

    static Finding cannotTell(String entry, String assumed, String why) {
        return new Finding(entry, assumed, Verdict.CANNOT_TELL, why);
    }
}
