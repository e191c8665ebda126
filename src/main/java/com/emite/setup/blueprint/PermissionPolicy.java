package com.emite.setup.blueprint;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A role's permission policy as the API writes it: {@code {domain, entityName, actionSet}}. One permission string
 * {@code domain:entity:action} is one policy with one action; rows with the same domain and entity may be merged.
 */
public record PermissionPolicy(String domain, String entityName, List<String> actionSet) {
    /** {@code domain:entity:action}, camelCase, action {@code *} meaning "All Permissions". */
    public static final Pattern PERMISSION =
            Pattern.compile("([a-z][A-Za-z0-9]*):([a-z][A-Za-z0-9]*):([a-z][A-Za-z0-9]*|\\*)");

    public PermissionPolicy {
        actionSet = List.copyOf(actionSet);
    }

    /** The policy of one permission string, or empty if it is not {@code domain:entity:action}. */
    public static Optional<PermissionPolicy> of(String permission) {
        if (permission == null) {
            return Optional.empty();
        }
        Matcher m = PERMISSION.matcher(permission);
        return m.matches() ? Optional.of(new PermissionPolicy(m.group(1), m.group(2), List.of(m.group(3))))
                : Optional.empty();
    }

    public static boolean isPermission(String text) {
        return text != null && PERMISSION.matcher(text).matches();
    }

    /** The permission strings this policy grants, e.g. {@code routing:queue:view}. */
    public List<String> permissions() {
        return actionSet.stream().map(a -> domain + ":" + entityName + ":" + a).toList();
    }
}
