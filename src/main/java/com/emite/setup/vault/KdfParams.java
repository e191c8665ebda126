package com.emite.setup.vault;

import java.util.Objects;

/**
 * How the master password is stretched into a key. Stored in the vault header, so a vault always opens with the
 * parameters it was made with.
 *
 * <p>Two algorithms: Argon2id (the default; RFC 9106, memory-hard) and PBKDF2-HMAC-SHA256 (the selectable fallback,
 * e.g. where a policy demands a FIPS-style KDF). Defaults follow OWASP's Password Storage Cheat Sheet: Argon2id with
 * 64 MiB, 3 passes, 1 lane (above OWASP's 19 MiB/2 passes minimum; KeePassXC's KDBX 4 uses the same shape) and
 * PBKDF2-HMAC-SHA256 with 600,000 iterations (OWASP's figure).
 *
 * <p>There are two sets of limits. The hard limits ({@code MAX_*}) bound what any vault file may ask for; they are
 * checked on every header <em>before</em> the KDF runs, so a crafted header cannot make us allocate gigabytes or spin
 * for minutes, and the factories refuse anything outside them.
 * {@link #meetsRecommendedMinimum()} tells a UI whether the parameters are as strong as OWASP asks; small parameters
 * are allowed (tests use them) but should never be offered to an admin.
 */
public final class KdfParams {
    public enum Algorithm {
        ARGON2ID(1), PBKDF2_HMAC_SHA256(2);

        final int id;

        Algorithm(int id) {
            this.id = id;
        }

        static Algorithm byId(int id) {
            for (Algorithm a : values()) {
                if (a.id == id) {
                    return a;
                }
            }
            return null;
        }
    }

    /** Hard limits for anything read from a file (or passed in). Roughly 5 s and 256 MiB at worst on this machine. */
    public static final int MAX_ARGON2_MEMORY_KIB = 256 * 1024;
    public static final int MAX_ARGON2_ITERATIONS = 32;
    public static final int MAX_ARGON2_PARALLELISM = 8;
    /** memory x passes: 1 GiB-pass in total, e.g. 256 MiB x 4 or 64 MiB x 16. */
    public static final long MAX_ARGON2_COST_KIB = 1024L * 1024;
    public static final int MAX_PBKDF2_ITERATIONS = 5_000_000;

    /** OWASP's Argon2id floor, expressed as memory x passes (its table: 46 MiB x 1 ... 7 MiB x 5). */
    static final long RECOMMENDED_ARGON2_COST_KIB = 7 * 1024 * 5;
    static final int RECOMMENDED_ARGON2_MIN_MEMORY_KIB = 7 * 1024;
    static final int RECOMMENDED_PBKDF2_ITERATIONS = 600_000;

    private final Algorithm algorithm;
    private final int memoryKib;
    private final int iterations;
    private final int parallelism;

    private KdfParams(Algorithm algorithm, int memoryKib, int iterations, int parallelism) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    /** Argon2id, 64 MiB, 3 passes, 1 lane. */
    public static KdfParams argon2idDefault() {
        return argon2id(64 * 1024, 3, 1);
    }

    /** PBKDF2-HMAC-SHA256, 600,000 iterations. */
    public static KdfParams pbkdf2Default() {
        return pbkdf2(RECOMMENDED_PBKDF2_ITERATIONS);
    }

    /** Custom Argon2id parameters; must be within the hard limits. */
    public static KdfParams argon2id(int memoryKib, int iterations, int parallelism) {
        KdfParams p = new KdfParams(Algorithm.ARGON2ID, memoryKib, iterations, parallelism);
        String problem = p.hardLimitProblem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return p;
    }

    /** Custom PBKDF2-HMAC-SHA256 iterations; must be within the hard limits. */
    public static KdfParams pbkdf2(int iterations) {
        KdfParams p = new KdfParams(Algorithm.PBKDF2_HMAC_SHA256, 0, iterations, 0);
        String problem = p.hardLimitProblem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return p;
    }

    /** Parameters as read from a file, not yet checked. */
    static KdfParams unchecked(Algorithm algorithm, int memoryKib, int iterations, int parallelism) {
        return new KdfParams(algorithm, memoryKib, iterations, parallelism);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** Argon2 memory in KiB; 0 for PBKDF2. */
    public int memoryKib() {
        return memoryKib;
    }

    /** Argon2 passes or PBKDF2 iterations. */
    public int iterations() {
        return iterations;
    }

    /** Argon2 lanes; 0 for PBKDF2. */
    public int parallelism() {
        return parallelism;
    }

    /** True when as strong as OWASP's current minimum; a UI should not offer anything weaker. */
    public boolean meetsRecommendedMinimum() {
        if (algorithm == Algorithm.ARGON2ID) {
            return memoryKib >= RECOMMENDED_ARGON2_MIN_MEMORY_KIB
                    && (long) memoryKib * iterations >= RECOMMENDED_ARGON2_COST_KIB;
        }
        return iterations >= RECOMMENDED_PBKDF2_ITERATIONS;
    }

    /** Null when acceptable, else a technical description (no secrets in it). */
    String hardLimitProblem() {
        if (algorithm == Algorithm.ARGON2ID) {
            if (parallelism < 1 || parallelism > MAX_ARGON2_PARALLELISM) {
                return "Argon2 lanes " + Integer.toUnsignedString(parallelism) + " outside 1.." + MAX_ARGON2_PARALLELISM;
            }
            if (iterations < 1 || iterations > MAX_ARGON2_ITERATIONS) {
                return "Argon2 passes " + Integer.toUnsignedString(iterations) + " outside 1.." + MAX_ARGON2_ITERATIONS;
            }
            // Argon2 needs at least 8 KiB per lane.
            if (memoryKib < 8 * parallelism || memoryKib > MAX_ARGON2_MEMORY_KIB) {
                return "Argon2 memory " + Integer.toUnsignedString(memoryKib) + " KiB outside " + 8 * parallelism
                        + ".." + MAX_ARGON2_MEMORY_KIB;
            }
            if ((long) memoryKib * iterations > MAX_ARGON2_COST_KIB) {
                return "Argon2 memory x passes " + (long) memoryKib * iterations + " KiB above " + MAX_ARGON2_COST_KIB;
            }
            return null;
        }
        if (memoryKib != 0 || parallelism != 0) {
            return "PBKDF2 with memory/lanes fields set";
        }
        if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) {
            return "PBKDF2 iterations " + Integer.toUnsignedString(iterations) + " outside 1.." + MAX_PBKDF2_ITERATIONS;
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfParams k && k.algorithm == algorithm && k.memoryKib == memoryKib
                && k.iterations == iterations && k.parallelism == parallelism;
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, memoryKib, iterations, parallelism);
    }

    @Override
    public String toString() {
        return algorithm == Algorithm.ARGON2ID
                ? "Argon2id(m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + ")"
                : "PBKDF2-HMAC-SHA256(" + iterations + " iterations)";
    }
}
