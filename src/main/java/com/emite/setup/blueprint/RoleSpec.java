package com.emite.setup.blueprint;

import java.util.List;

/** The role eMite's data clients use ("eMite Data Integration") and its permission rows, in the guide's order. */
public record RoleSpec(String name, String description, List<PermissionSpec> permissions) {
    public RoleSpec {
        permissions = List.copyOf(permissions);
    }

    /** The rows to be matched against the org's permission catalog at run time. */
    public List<PermissionSpec> unconfirmedPermissions() {
        return permissions.stream().filter(p -> !p.confirmed()).toList();
    }
}
