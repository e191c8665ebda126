package com.emite.setup.provision;

import java.util.List;

/** One permission policy of a role: {@code {domain, entityName, actionSet}}. */
public record Policy(String domain, String entityName, List<String> actions) {
    public Policy {
        actions = List.copyOf(actions);
    }

    /** Parses {@code domain:entity:action}. */
    public static Policy of(String permission) {
        String[] p = permission.split(":");
        if (p.length != 3) {
            throw new IllegalArgumentException("Not a permission string: " + permission);
        }
        return new Policy(p[0], p[1], List.of(p[2]));
    }
}
