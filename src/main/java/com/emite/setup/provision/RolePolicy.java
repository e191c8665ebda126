package com.emite.setup.provision;

import java.util.List;

/**
 * One permission policy of a role: {@code {domain, entityName, actionSet}}. {@code original} is the API's own object
 * when the policy was read from the org, so that writing a role back keeps what the engine does not model (conditions,
 * named resources); null for policies the engine makes.
 */
public record RolePolicy(String domain, String entityName, List<String> actions, Object original) {
    public RolePolicy {
        actions = List.copyOf(actions);
    }

    public RolePolicy(String domain, String entityName, List<String> actions) {
        this(domain, entityName, actions, null);
    }

    /** Parses {@code domain:entity:action}. */
    public static RolePolicy of(String permission) {
        String[] p = permission.split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("Not a permission string: " + permission);
        }
        return new RolePolicy(p[0], p[1], List.of(p[2]));
    }

    /** The same policy with other actions (the original is kept for what the engine does not model). */
    public RolePolicy withActions(List<String> newActions) {
        return new RolePolicy(domain, entityName, newActions, original);
    }
}
