package com.emite.setup.provision;

import java.util.Set;

/**
 * Who is signed in: a user (browser sign-in or a pasted user token) or an OAuth client (client credentials).
 *
 * @param kind        user or client
 * @param id          user id, or the OAuth client id
 * @param name        display name (user name or client name)
 * @param permissions the permission strings the identity holds ({@code domain:entity:action}; may contain {@code *})
 * @param roleIds     the ids of the roles it holds
 */
public record Identity(Kind kind, String id, String name, Set<String> permissions, Set<String> roleIds) {
    public enum Kind {
        USER, CLIENT;

        /** The grant API's subjectType for this kind. */
        public String subjectType() {
            return this == USER ? "PC_USER" : "PC_OAUTH_CLIENT";
        }
    }

    public Identity {
        permissions = Set.copyOf(permissions);
        roleIds = Set.copyOf(roleIds);
    }

    /** "Jane Admin (user)" / "admin-tool (OAuth client 1a2b…)". */
    public String describe() {
        return kind == Kind.USER ? name + " (user)" : name + " (OAuth client " + id + ")";
    }

    /** True if one of the identity's permissions covers {@code permission}, wildcards included. */
    public boolean holds(String permission) {
        return Permissions.covers(permissions, permission);
    }
}
