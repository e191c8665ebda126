package com.emite.setup.diagnose;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the writing probes observed, kept per {@code ApiContract} entry as findings (the first word on an entry wins
 * over a later "cannot tell"), plus the observations of engine choices that are no {@code ApiContract} field.
 */
final class ProbeFindings {
    static final String CLIENT_GRANT = "engine: a role granted to an OAuth client";
    static final String CLIENT_GRANT_ASSUMED = "a bulk grant with subjectType PC_OAUTH_CLIENT is taken (if refused,"
            + " the engine adds the role to the client's roleDivisions instead)";

    private final Map<String, ContractCheck> checks;
    private final Map<String, Finding> found = new LinkedHashMap<>();
    private final List<Finding> extra = new ArrayList<>();

    ProbeFindings(List<ContractCheck> checks) {
        this.checks = checks.stream().collect(Collectors.toMap(ContractCheck::entry, c -> c, (a, b) -> a,
                LinkedHashMap::new));
    }

    void put(String entry, boolean held, String detail) {
        ContractCheck c = checks.get(entry);
        if (c != null) {
            found.put(entry, held ? c.held(detail) : c.differs(detail));
        }
    }

    void cannotTell(String entry, String why) {
        ContractCheck c = checks.get(entry);
        if (c != null && !found.containsKey(entry)) {
            found.put(entry, c.cannotTell(why));
        }
    }

    /** An entry about a status code: held when every answer seen had {@code expected}. */
    void statuses(String entry, int expected, List<Integer> seen, String what) {
        if (seen.isEmpty()) {
            cannotTell(entry, "no " + what + " were answered");
            return;
        }
        put(entry, seen.stream().allMatch(s -> s == expected), what + " answered " + seen.stream().distinct()
                .map(s -> "HTTP " + s).collect(Collectors.joining(", ")));
    }

    /** How a grant of the probe role to the probe client went (the engine's self-grant). */
    void clientGrant(boolean taken, String detail) {
        extra.add(taken ? new Finding(CLIENT_GRANT, CLIENT_GRANT_ASSUMED, Verdict.HELD, detail)
                : new Finding(CLIENT_GRANT, CLIENT_GRANT_ASSUMED, Verdict.DIFFERS, detail
                + " (the engine's fallback is then used)"));
    }

    /** Findings by entry, for every entry a probe settled. */
    Map<String, Finding> found() {
        return found;
    }

    /** Observations that belong to no {@code ApiContract} field. */
    List<Finding> extra() {
        return extra;
    }
}
