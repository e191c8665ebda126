package com.emite.setup.provision;

/**
 * One change apply made, for the admin's change records.
 *
 * @param runId   the apply run that made it
 * @param at      ISO-8601 time
 * @param account who made it (the signed-in user or OAuth client)
 * @param action  "created", "changed", "granted", "members added", "secret reset", "enabled"…
 * @param kind    what sort of object
 * @param target  its name
 * @param id      its id (when it has one)
 * @param detail  plain words, e.g. "granted to 120 agents in division Home"
 */
public record Change(String runId, String at, String account, String action, ItemKind kind, String target, String id,
                     String detail) {

    /** One line in plain words, e.g. "created group emite_Access (id …)". */
    public String summary() {
        String what = switch (kind) {
            case ROLE_GRANT -> "role " + target;
            case LICENCE_GRANTS -> "licence role " + target;
            default -> kind.noun() + " " + target;
        };
        StringBuilder sb = new StringBuilder(action).append(' ').append(what);
        if (id != null && kind != ItemKind.ROLE_GRANT && kind != ItemKind.LICENCE_GRANTS) {
            sb.append(" (id ").append(id).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
