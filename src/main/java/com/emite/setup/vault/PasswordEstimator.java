package com.emite.setup.vault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How many guesses a password would take an attacker who tries the likely ones first, as bits (log2 of guesses), in
 * the spirit of zxcvbn but far smaller: the cheapest reading of the password as a chain of pieces, where a piece is a
 * common password or word from {@code common-passwords.txt} (worth log2 of its rank, plus a bit for capitals or
 * look-alike digits such as {@code p4ssw0rd}), a repeat of the character before it, a step along the alphabet, the
 * digits or a keyboard row (worth about a bit each), or else one character of its kind (a lower-case letter about
 * 4.7 bits, a digit 3.3, a space 2, another symbol 5). A whole password that repeats a shorter one is worth that one
 * plus the count. Pure logic.
 */
final class PasswordEstimator {
    private static final Map<String, Integer> RANK = load();
    private static final int LONGEST_WORD = RANK.keySet().stream().mapToInt(String::length).max().orElse(0);
    private static final String[] SEQUENCES = {"abcdefghijklmnopqrstuvwxyz", "0123456789",
            "qwertyuiop", "asdfghjkl", "zxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"};

    private PasswordEstimator() {
    }

    /** The estimated guessing work for {@code password}, in bits. */
    static double bits(CharSequence password) {
        String p = password.toString();
        double whole = chainBits(p);
        for (int unit = 1; unit <= p.length() / 2; unit++) {
            if (p.length() % unit == 0 && p.equals(p.substring(0, unit).repeat(p.length() / unit))) {
                whole = Math.min(whole, chainBits(p.substring(0, unit)) + log2(p.length() / unit));
                break;
            }
        }
        return whole;
    }

    /** The cheapest split into pieces (dynamic programming over the positions). */
    private static double chainBits(String p) {
        int n = p.length();
        String lower = p.toLowerCase(Locale.ROOT);
        String plain = unleet(lower);
        double[] best = new double[n + 1];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        best[0] = 0;
        for (int i = 0; i < n; i++) {
            if (best[i] == Double.MAX_VALUE) {
                continue;
            }
            double one = best[i] + charBits(p, lower, i);
            best[i + 1] = Math.min(best[i + 1], one);
            for (int len = 3; len <= LONGEST_WORD && i + len <= n; len++) {
                Integer rank = RANK.get(plain.substring(i, i + len));
                if (rank == null) {
                    continue;
                }
                double cost = log2(rank + 2.0);
                if (!p.substring(i, i + len).equals(lower.substring(i, i + len))) {
                    cost += 1; // capitals somewhere in the word
                }
                if (!plain.substring(i, i + len).equals(lower.substring(i, i + len))) {
                    cost += 1; // look-alike digits or symbols
                }
                best[i + len] = Math.min(best[i + len], best[i] + cost);
            }
        }
        return best[n];
    }

    /** One character on its own: cheap when it repeats or continues a sequence, else the size of its kind. */
    private static double charBits(String p, String lower, int i) {
        char c = p.charAt(i);
        if (i > 0) {
            char prev = lower.charAt(i - 1);
            char cur = lower.charAt(i);
            if (cur == prev) {
                return 1;
            }
            for (String seq : SEQUENCES) {
                int a = seq.indexOf(prev);
                if (a >= 0 && ((a + 1 < seq.length() && seq.charAt(a + 1) == cur) || (a > 0 && seq.charAt(a - 1) == cur))) {
                    return 1.5;
                }
            }
        }
        if (Character.isLowerCase(c)) {
            return 4.7;
        }
        if (Character.isUpperCase(c)) {
            return i == 0 ? 5.7 : 5.0;
        }
        if (Character.isDigit(c)) {
            return 3.3;
        }
        if (c == ' ' || c == '-' || c == '_' || c == '.') {
            return 2;
        }
        return 5;
    }

    private static String unleet(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            sb.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return sb.toString();
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static Map<String, Integer> load() {
        Map<String, Integer> ranks = new HashMap<>();
        try (InputStream in = PasswordEstimator.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the application");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String w = line.strip().toLowerCase(Locale.ROOT);
                if (w.length() >= 3 && !w.startsWith("#")) {
                    ranks.putIfAbsent(w, ranks.size());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(ranks);
    }
}
