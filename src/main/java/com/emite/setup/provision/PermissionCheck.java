package com.emite.setup.provision;

import java.util.List;

/**
 * One row of the role's permission checklist (the 41 rows of eMite's guide).
 *
 * @param row        row number in the guide
 * @param type       the guide's "Type" column (e.g. Analytics)
 * @param name       the guide's "Permission Name"
 * @param level      the guide's "Permission Level"
 * @param permission the permission string used: the guide's, or the admin's choice for it
 * @param offered    the org's catalog has {@code permission}
 * @param inRole     the eMite role already has it
 * @param reason     when not offered, waiting for a choice or left out: why, in plain words
 * @param status     where the row stands
 * @param candidates for {@link Status#NEEDS_CHOICE}: catalog permissions that may be meant, best first (else empty)
 * @param loses      what eMite cannot do without this row (shown when it is left out or not offered)
 */
public record PermissionCheck(int row, String type, String name, String level, String permission, boolean offered,
                              boolean inRole, String reason, Status status, List<String> candidates, String loses) {

    /** Where one row stands. */
    public enum Status {
        /** The catalog has the guide's exact string: it is (or will be) in the role. */
        OFFERED,
        /** The admin chose a catalog permission for a row whose exact string the catalog lacks. */
        CHOSEN,
        /** The catalog lacks the exact string and has candidates: nothing is granted until the admin chooses. */
        NEEDS_CHOICE,
        /** The catalog has neither the string nor a candidate (usually an unlicensed product). */
        NOT_OFFERED,
        /** The admin left the row out: it is not added (and never called drift). */
        LEFT_OUT
    }

    public PermissionCheck {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** A row with the guide's own string: offered or not, no candidates. */
    public PermissionCheck(int row, String type, String name, String level, String permission, boolean offered,
                           boolean inRole, String reason) {
        this(row, type, name, level, permission, offered, inRole, reason,
                offered ? Status.OFFERED : Status.NOT_OFFERED, List.of(), null);
    }

    /** The guide's "Type > Name > Level", as the Genesys admin UI shows it. */
    public String label() {
        return type + " > " + name + " > " + level;
    }
}
