package com.emite.setup.blueprint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The role eMite's data clients use ("eMite Data Integration") and its permission rows, in the guide's order. */
public record RoleSpec(String name, String description, List<PermissionSpec> permissions) {
    public RoleSpec {
        permissions = List.copyOf(permissions);
    }

    /** The rows whose API string is confirmed. */
    public List<PermissionSpec> confirmedPermissions() {
        return permissions.stream().filter(PermissionSpec::confirmed).toList();
    }

    /** The rows to be matched against the org's permission catalog at run time. */
    public List<PermissionSpec> unconfirmedPermissions() {
        return permissions.stream().filter(p -> !p.confirmed()).toList();
    }

    /**
     * The policies for the given rows, merged by domain and entity (e.g. routing/queue with view, join, search), in
     * the order the rows come.
     */
    public static List<PermissionPolicy> mergedPolicies(List<PermissionSpec> rows) {
        Map<String, Set<String>> actions = new LinkedHashMap<>();
        Map<String, PermissionPolicy> first = new LinkedHashMap<>();
        for (PermissionSpec p : rows) {
            String key = p.domain() + ":" + p.entityName();
            first.putIfAbsent(key, p.policy());
            actions.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(p.policy().actionSet());
        }
        List<PermissionPolicy> result = new ArrayList<>();
        first.forEach((key, p) -> {
            Set<String> set = actions.get(key);
            result.add(new PermissionPolicy(p.domain(), p.entityName(),
                    set.contains("*") ? List.of("*") : List.copyOf(set)));
        });
        return result;
    }
}
