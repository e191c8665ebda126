package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.PermissionCheck;
import com.emite.setup.provision.Plan;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of the role's permission checklist (the 41 rows of eMite's guide).
 *
 * @param row         the guide's row number
 * @param type        the guide's "Type" (Analytics, Conversation, …, WFM)
 * @param name        the permission's name as the Genesys admin UI shows it
 * @param level       the guide's level (e.g. "View")
 * @param permission  the API string, as resolved against the org's catalog
 * @param offered     the org offers it
 * @param inRole      the eMite role already has it
 * @param unconfirmed the guide's name has no confirmed API string (matched by name in the catalog)
 * @param note        why it is not offered, or how it was matched; empty otherwise
 */
public record PermissionRow(int row, String type, String name, String level, String permission, boolean offered,
                            boolean inRole, boolean unconfirmed, String note, PermissionCheck.Status status,
                            List<String> candidates, String loses) {
    public PermissionRow {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    /** The engine needs the admin to pick the org's permission for this row (or leave it out). */
    public boolean needsChoice() {
        return status == PermissionCheck.Status.NEEDS_CHOICE;
    }


    /** Every checklist row is included: the engine gives the role every permission the org offers. */
    public boolean included() {
        return offered;
    }

    /** "Yes", "Will be added" or "No". */
    public String roleText() {
        return Words.get(inRole ? "permission.yes" : offered ? "permission.willBeAdded" : "permission.no");
    }

    public String offeredText() {
        return Words.get(offered ? "permission.yes" : "permission.no");
    }

    public static List<PermissionRow> of(Plan plan, Needs needs) {
        List<PermissionRow> out = new ArrayList<>();
        for (PermissionCheck c : plan.permissions()) {
            Needs.PermissionNeed need = needs.role().permissions().stream().filter(p -> p.row() == c.row())
                    .findFirst().orElse(null);
            boolean unconfirmed = need != null && !need.matchHints().isEmpty();
            String note;
            if (c.status() == PermissionCheck.Status.NEEDS_CHOICE) {
                note = Words.get(c.candidates().isEmpty() ? "permission.needsChoice" : "permission.needsChoicePick",
                        c.permission());
            } else if (c.status() == PermissionCheck.Status.CHOSEN) {
                note = Words.get("permission.chosen", c.permission());
            } else if (!c.offered()) {
                note = c.reason() == null ? Words.get("permission.notOffered") : c.reason();
            } else if (unconfirmed && need != null && !need.permission().equals(c.permission())) {
                note = Words.get("permission.unconfirmedMatched", c.permission());
            } else if (unconfirmed) {
                note = Words.get("permission.unconfirmed");
            } else {
                note = "";
            }
            out.add(new PermissionRow(c.row(), c.type(), c.name(), c.level(), c.permission(), c.offered(),
                    c.inRole(), unconfirmed, note, c.status(), c.candidates(), c.loses()));
        }
        return out;
    }
}
