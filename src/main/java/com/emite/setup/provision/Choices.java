package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the admin chose for this run.
 *
 * @param withWfm             also create the two WFM clients (emite_WFMLookback, emite_WFMActivity)
 * @param divisions           the divisions whose agents get the eMite licence role: empty means all divisions
 * @param groupMembers        group name → e-mail addresses of users to add to that group
 * @param resetUnknownSecrets reset the secret of an existing client whose secret the vault does not hold
 * @param perUserGrants       grant licences one agent per request, as the manual method and common tools do (for
 *                            comparison in benchmarks; the default grants 50 agents per request)
 */
public record Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                      boolean resetUnknownSecrets, boolean perUserGrants) {

    public Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                   boolean resetUnknownSecrets) {
        this(withWfm, divisions, groupMembers, resetUnknownSecrets, false);
    }

    public Choices {
        divisions = List.copyOf(divisions);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        groupMembers.forEach((group, emails) -> copy.put(group, List.copyOf(emails)));
        groupMembers = Collections.unmodifiableMap(copy);
    }

    /** All divisions, no WFM, no members, no resets. */
    public static Choices defaults() {
        return new Choices(false, List.of(), Map.of(), false);
    }

    public boolean allDivisions() {
        return divisions.isEmpty();
    }

    /** True if the division is among the chosen ones (names compared exactly, as Genesys does). */
    public boolean includesDivision(String name) {
        return divisions.isEmpty() || divisions.contains(name);
    }

    public Choices withWfm(boolean value) {
        return new Choices(value, divisions, groupMembers, resetUnknownSecrets, perUserGrants);
    }

    public Choices withDivisions(List<String> value) {
        return new Choices(withWfm, value, groupMembers, resetUnknownSecrets, perUserGrants);
    }

    public Choices withGroupMembers(Map<String, List<String>> value) {
        return new Choices(withWfm, divisions, value, resetUnknownSecrets, perUserGrants);
    }

    public Choices withResetUnknownSecrets(boolean value) {
        return new Choices(withWfm, divisions, groupMembers, value, perUserGrants);
    }

    public Choices withPerUserGrants(boolean value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, value);
    }

    /** All e-mail addresses named for any group, lower case, without duplicates. */
    public Set<String> allMemberEmails() {
        Set<String> all = new LinkedHashSet<>();
        groupMembers.values().forEach(list -> list.forEach(e -> all.add(e.trim().toLowerCase(Locale.ROOT))));
        return all;
    }

    /** Parses "all" or a comma-separated list of division names. */
    public static List<String> parseDivisions(String value) {
        if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("all")) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                names.add(part.trim());
            }
        }
        return names;
    }
}
