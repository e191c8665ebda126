package com.emite.setup.blueprint;

import java.util.Optional;

/**
 * One row of the guide's permission table for the role "eMite Data Integration".
 *
 * @param row         the guide's row number (1-based)
 * @param type        the guide's "Type" column (UI), e.g. "Analytics"
 * @param name        the guide's "Permission Name" column (UI), e.g. "Conversation Detail"
 * @param level       the guide's "Permission Level" column (UI), e.g. "View" or "All Permissions"
 * @param permission  the API permission string, e.g. {@code analytics:conversationDetail:view}
 * @param confirmed   whether the API string is confirmed; an unconfirmed one must be matched against the org's
 *                    permission catalog with {@link #resolveHint()} before use
 * @param policy      the policy written into the role for this row
 * @param resolveHint how to find the real permission when it is not confirmed (present exactly then)
 * @param note        a remark for people reading the blueprint
 */
public record PermissionSpec(int row, String type, String name, String level, String permission, boolean confirmed,
                             PermissionPolicy policy, Optional<ResolveHint> resolveHint, Optional<String> note) {

    public String domain() {
        return policy.domain();
    }

    public String entityName() {
        return policy.entityName();
    }

    public String action() {
        return policy.actionSet().get(0);
    }
}
