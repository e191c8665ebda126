package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the admin chose for this run.
 *
 * @param withWfm             also create the two WFM clients (emite_WFMLookback, emite_WFMActivity)
 * @param divisions           the divisions whose agents get the eMite licence role: empty means all divisions
 * @param groupMembers        group name → e-mail addresses of users to add to that group
 * @param resetUnknownSecrets reset the secret of an existing client whose secret the vault does not hold
 * @param perUserGrants       grant licences one agent per request, as the manual method and common tools do (for
 *                            comparison in benchmarks; the default grants 50 agents per request)
 * @param leftOut             blueprint permission rows (the guide's row numbers) the admin left out (unticked)
 * @param permissionChoices   row → catalog permission string ({@code domain:entity:action}) the admin chose for a row
 *                            whose exact string the org's catalog lacks
 * @param groupRemovals       group name → e-mail addresses of users to take out of that group
 * @param removeDuplicates    delete second objects with an eMite name (the admin confirmed the clean-up)
 * @param upkeepClient        the dedicated sign-in of the unattended licence upkeep: create it, or only keep it right
 *                            when the org has it ({@link UpkeepNeed})
 */
public record Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                      boolean resetUnknownSecrets, boolean perUserGrants, Set<Integer> leftOut,
                      Map<Integer, String> permissionChoices, Map<String, List<String>> groupRemovals,
                      boolean removeDuplicates, UpkeepClientChoice upkeepClient) {

    public Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                   boolean resetUnknownSecrets, boolean perUserGrants, Set<Integer> leftOut,
                   Map<Integer, String> permissionChoices, Map<String, List<String>> groupRemovals,
                   boolean removeDuplicates) {
        this(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut, permissionChoices,
                groupRemovals, removeDuplicates, UpkeepClientChoice.IF_PRESENT);
    }

    public Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                   boolean resetUnknownSecrets, boolean perUserGrants, Set<Integer> leftOut,
                   Map<Integer, String> permissionChoices, Map<String, List<String>> groupRemovals) {
        this(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut, permissionChoices,
                groupRemovals, false);
    }

    public Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                   boolean resetUnknownSecrets) {
        this(withWfm, divisions, groupMembers, resetUnknownSecrets, false);
    }

    public Choices(boolean withWfm, List<String> divisions, Map<String, List<String>> groupMembers,
                   boolean resetUnknownSecrets, boolean perUserGrants) {
        this(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, Set.of(), Map.of(), Map.of());
    }

    public Choices {
        upkeepClient = upkeepClient == null ? UpkeepClientChoice.IF_PRESENT : upkeepClient;
        divisions = List.copyOf(divisions);
        groupMembers = copy(groupMembers);
        leftOut = Collections.unmodifiableSet(new TreeSet<>(leftOut));
        permissionChoices = Collections.unmodifiableMap(new TreeMap<>(permissionChoices));
        groupRemovals = copy(groupRemovals);
        for (String p : permissionChoices.values()) {
            if (!isPermission(p)) {
                throw new IllegalArgumentException("\"" + p + "\" is not a permission: it should look like "
                        + "domain:entity:action, for example wfm:forecast:view.");
            }
        }
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
        return new Choices(value, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withDivisions(List<String> value) {
        return new Choices(withWfm, value, groupMembers, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withGroupMembers(Map<String, List<String>> value) {
        return new Choices(withWfm, divisions, value, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withResetUnknownSecrets(boolean value) {
        return new Choices(withWfm, divisions, groupMembers, value, perUserGrants, leftOut, permissionChoices,
                groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withPerUserGrants(boolean value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, value, leftOut, permissionChoices,
                groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withLeftOut(Set<Integer> rows) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, rows,
                permissionChoices, groupRemovals, removeDuplicates, upkeepClient);
    }

    public Choices withPermissionChoices(Map<Integer, String> value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut, value,
                groupRemovals, removeDuplicates, upkeepClient);
    }

    /** These choices with one more (or a replaced) permission choice. */
    public Choices withPermissionChoice(int row, String permission) {
        Map<Integer, String> m = new TreeMap<>(permissionChoices);
        m.put(row, permission);
        return withPermissionChoices(m);
    }

    public Choices withGroupRemovals(Map<String, List<String>> value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, value, removeDuplicates, upkeepClient);
    }

    public Choices withRemoveDuplicates(boolean value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, groupRemovals, value, upkeepClient);
    }

    public Choices withUpkeepClient(UpkeepClientChoice value) {
        return new Choices(withWfm, divisions, groupMembers, resetUnknownSecrets, perUserGrants, leftOut,
                permissionChoices, groupRemovals, removeDuplicates, value);
    }

    /** True if the admin left the row out. */
    public boolean leavesOut(int row) {
        return leftOut.contains(row);
    }

    /** All e-mail addresses named for any group (to add or remove), lower case, without duplicates. */
    public Set<String> allMemberEmails() {
        Set<String> all = new LinkedHashSet<>();
        groupMembers.values().forEach(list -> list.forEach(e -> all.add(normal(e))));
        groupRemovals.values().forEach(list -> list.forEach(e -> all.add(normal(e))));
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

    /** True for {@code domain:entity:action} with three non-blank parts of letters, digits, _ or *. */
    public static boolean isPermission(String s) {
        return s != null && s.matches("[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+:[A-Za-z0-9_*-]+");
    }

    static String normal(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> in) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        in.forEach((group, emails) -> copy.put(group, List.copyOf(emails)));
        return Collections.unmodifiableMap(copy);
    }
}
