package com.emite.setup.diagnose;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of a diagnose run: one finding per inferred choice, the org's sizes (counts only) and how many requests
 * the look cost. Holds nothing secret and nothing personal, so an admin can send it to us as it is.
 *
 * @param at           when the org was read
 * @param apiHost      the API host that answered (which region or environment)
 * @param signInMethod how the tool signed in (which probes could run depends on it)
 * @param findings     one per inferred choice, in {@code ApiContract} order, then the blueprint's unconfirmed rows
 * @param counts       sizes of what was read (roles, divisions, OAuth clients, ...)
 * @param requests     API requests the look made (probes included)
 * @param probe        what the writing probes made and removed; null for a read-only run
 */
public record Diagnosis(Instant at, String apiHost, String signInMethod, List<Finding> findings,
                        Map<String, Integer> counts, long requests, ProbeOutcome probe) {
    public Diagnosis {
        findings = List.copyOf(findings);
        counts = new TreeMap<>(counts);
    }

    /** True when probes ran (the remaining "cannot tell" entries are those even a probe cannot tell). */
    public boolean probed() {
        return probe != null;
    }

    public long count(Verdict verdict) {
        return findings.stream().filter(f -> f.verdict() == verdict).count();
    }

    /** True when no finding says the org differs from what we assume. */
    public boolean nothingDiffers() {
        return count(Verdict.DIFFERS) == 0;
    }
}
