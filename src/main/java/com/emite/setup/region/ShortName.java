package com.emite.setup.region;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Genesys Cloud organization short name, as the eMite guide states it: always lower case, no spaces, no special
 * characters. We accept {@code a-z}, {@code 0-9} and a hyphen between them (the short name ends up in a URL path, where
 * those are safe), at most {@value #MAX_LENGTH} characters. Spaces around a pasted name are ignored.
 */
public final class ShortName {
    /** Longest short name accepted (a generous bound; Genesys does not publish one). */
    public static final int MAX_LENGTH = 100;

    private ShortName() {
    }

    /** What is wrong with a short name. */
    public enum Problem {
        EMPTY, SPACES, UPPER_CASE, SPECIAL_CHARACTERS, HYPHEN_AT_EDGE, TOO_LONG
    }

    /** The outcome of {@link #validate(String)}. */
    public sealed interface Check permits Valid, Invalid {
        /** The short name if valid. */
        default Optional<String> value() {
            return this instanceof Valid v ? Optional.of(v.shortName()) : Optional.empty();
        }

        default boolean isValid() {
            return this instanceof Valid;
        }

        /** One line for the screen: empty when valid. */
        String message();
    }

    /** A valid short name (without surrounding spaces). */
    public record Valid(String shortName) implements Check {
        @Override
        public String message() {
            return "";
        }
    }

    /**
     * An invalid short name: every problem found, one plain message naming them, and a corrected suggestion when one
     * is obvious (e.g. the lower-case form).
     */
    public record Invalid(List<Problem> problems, String message, Optional<String> suggestion) implements Check {
        public Invalid {
            problems = List.copyOf(problems);
        }

        public boolean has(Problem problem) {
            return problems.contains(problem);
        }
    }

    /** Checks {@code text}; surrounding spaces are ignored, everything else must already be right. */
    public static Check validate(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            return new Invalid(List.of(Problem.EMPTY), "Type your organization short name. You find it in Genesys "
                    + "Cloud under Admin > Account Settings > Organization Settings.", Optional.empty());
        }
        List<Problem> problems = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        if (name.chars().anyMatch(Character::isWhitespace)) {
            problems.add(Problem.SPACES);
            sentences.add("The short name has no spaces in it.");
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            problems.add(Problem.UPPER_CASE);
            sentences.add("The short name is always in lower case.");
        }
        Set<String> special = new LinkedHashSet<>();
        name.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !isAllowed(Character.toLowerCase(c)))
                // Upper-case letters A-Z are reported as upper case, not as special characters.
                .filter(c -> !(c >= 'A' && c <= 'Z'))
                .forEach(c -> special.add(new String(Character.toChars(c))));
        if (!special.isEmpty()) {
            problems.add(Problem.SPECIAL_CHARACTERS);
            sentences.add("The short name cannot contain special characters: "
                    + special.stream().map(ShortName::describe).collect(Collectors.joining(", ")) + ".");
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            problems.add(Problem.HYPHEN_AT_EDGE);
            sentences.add("The short name cannot start or end with a hyphen (-).");
        }
        if (name.length() > MAX_LENGTH) {
            problems.add(Problem.TOO_LONG);
            sentences.add("The short name is too long (" + name.length() + " characters; at most " + MAX_LENGTH
                    + ").");
        }
        if (problems.isEmpty()) {
            return new Valid(name);
        }
        Optional<String> suggestion = Optional.empty();
        String lower = name.toLowerCase(Locale.ROOT).replaceAll("\\s+", "");
        if (!lower.equals(name) && validate(lower) instanceof Valid) {
            suggestion = Optional.of(lower);
            sentences.add("Did you mean \"" + lower + "\"?");
        }
        return new Invalid(problems, String.join(" ", sentences), suggestion);
    }

    private static boolean isAllowed(int c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    }

    private static String describe(String c) {
        return switch (c) {
            case "_" -> "underscore (_)";
            case "." -> "full stop (.)";
            case "/" -> "slash (/)";
            case "@" -> "at sign (@)";
            case "&" -> "ampersand (&)";
            case "?" -> "question mark (?)";
            case "#" -> "hash (#)";
            case "%" -> "percent sign (%)";
            case "'" -> "apostrophe (')";
            case "\"" -> "quotation mark (\")";
            default -> "\"" + c + "\"";
        };
    }
}
