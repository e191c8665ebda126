package com.emite.setup.provision;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Step 3's rule for one permission row of the role: the guide's exact string when the org's catalog has it; the
 * admin's choice when the catalog lacks it; otherwise "needs your choice" with ranked candidates. Never a silent
 * substitute. A row the admin left out is not granted and never counted as drift.
 */
final class PermissionRows {
    private PermissionRows() {
    }

    /**
     * What the plan holds for one row.
     *
     * @param check   the checklist row ({@code inRole} still false: the caller knows the role)
     * @param granted the permission string the role gets for it, or null
     * @param item    a plan item when the row needs attention (a choice, or a blocker), else null
     */
    record Row(PermissionCheck check, String granted, PlanItem item) {
    }

    static Row decide(Needs.PermissionNeed p, Set<String> catalog, Choices choices, String chosen) {
        String loses = loses(p);
        if (choices.leavesOut(p.row())) {
            return new Row(check(p, p.permission(), false, "Left out by you.", PermissionCheck.Status.LEFT_OUT,
                    List.of(), loses), null, null);
        }
        if (exact(p, catalog)) {
            return new Row(check(p, p.permission(), true, null, PermissionCheck.Status.OFFERED, List.of(), loses),
                    p.permission(), null);
        }
        List<String> candidates = candidates(p, catalog);
        if (chosen != null) {
            if (catalog.contains(chosen)) {
                return new Row(check(p, chosen, true, "Your org has no " + p.permission() + "; you chose " + chosen
                        + " for it.", PermissionCheck.Status.CHOSEN, candidates, loses), chosen, null);
            }
            String reason = "You chose " + chosen + " for row " + p.row() + " (" + p.permission() + "), but this "
                    + "org's permission catalog does not have it.";
            return new Row(check(p, p.permission(), false, reason, PermissionCheck.Status.NEEDS_CHOICE, candidates,
                    loses), null, PlanItem.needsChoice(ItemKind.PERMISSION, p.permission(), candidates,
                    Blocker.required(Fix.CHOOSE_PERMISSION, reason, advice(candidates))));
        }
        boolean domainOffered = catalog.stream().anyMatch(c -> c.startsWith(p.permission().split(":")[0] + ":"));
        if (!candidates.isEmpty() || !p.matchHints().isEmpty() && domainOffered) {
            String reason = "This org's permission catalog has no " + p.permission() + " (row " + p.row() + ", "
                    + p.type() + " > " + p.name() + "): the guide's string is not confirmed"
                    + (candidates.isEmpty() ? " and nothing in the catalog looks like it" : "")
                    + ". Nothing is granted for it until you choose.";
            return new Row(check(p, p.permission(), false, reason, PermissionCheck.Status.NEEDS_CHOICE, candidates,
                    loses), null, PlanItem.needsChoice(ItemKind.PERMISSION, p.permission(), candidates,
                    Blocker.required(Fix.CHOOSE_PERMISSION, reason, advice(candidates))));
        }
        String reason = p.wfm()
                ? "Your org has no WFM licence, so " + p.permission() + " does not exist. eMite works without WFM "
                + "data."
                : "Your org does not offer " + p.permission() + " (the product it belongs to is not licensed in this "
                + "org).";
        Blocker b = p.wfm()
                ? new Blocker(reason, choices.withWfm() ? "A Genesys Cloud admin can add the WFM licence (Workforce "
                + "Engagement Management); apply again afterwards." : "Nothing to do unless you want WFM data in "
                + "eMite; then add the WFM licence and set up the WFM clients.", choices.withWfm(),
                choices.withWfm() ? Fix.ADD_WFM_LICENCE : Fix.ENABLE_WFM)
                : Blocker.required(Fix.CHECK_LICENCES, reason, "A Genesys Cloud admin can check the org's licences; "
                + "apply again afterwards.");
        return new Row(check(p, p.permission(), false, reason, PermissionCheck.Status.NOT_OFFERED, List.of(), loses),
                null, PlanItem.blocked(ItemKind.PERMISSION, p.permission(), null, b));
    }

    private static String advice(List<String> candidates) {
        return candidates.isEmpty() ? "Choose the permission this org uses for it, or leave the row out."
                : "Choose one of " + String.join(", ", candidates) + " (best match first), or leave the row out.";
    }

    private static PermissionCheck check(Needs.PermissionNeed p, String permission, boolean offered, String reason,
                                         PermissionCheck.Status status, List<String> candidates, String loses) {
        return new PermissionCheck(p.row(), p.type(), p.name(), p.level(), permission, offered, false, reason, status,
                candidates, loses);
    }

    /** What eMite cannot do without the row, in plain words. */
    static String loses(Needs.PermissionNeed p) {
        return "eMite cannot read " + p.type() + " > " + p.name() + " (" + p.permission() + "), so the eMite "
                + "reports and dashboards built on it stay empty.";
    }

    /** The catalog has the row's exact string (for {@code domain:entity:*}, some action of that entity). */
    static boolean exact(Needs.PermissionNeed p, Set<String> catalog) {
        if (catalog.contains(p.permission())) {
            return true;
        }
        if (p.permission().endsWith(":*")) {
            String prefix = p.permission().substring(0, p.permission().length() - 1);
            return catalog.stream().anyMatch(c -> c.startsWith(prefix));
        }
        return false;
    }

    /**
     * For an unconfirmed row: catalog permissions of the same domain and action whose entity contains one of the
     * blueprint's hints, best first (most words of the row's name in the entity, then alphabetical).
     */
    static List<String> candidates(Needs.PermissionNeed p, Set<String> catalog) {
        if (p.matchHints().isEmpty()) {
            return List.of();
        }
        String[] parts = p.permission().split(":");
        List<String> hints = p.matchHints().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        List<String> words = Arrays.stream(p.name().toLowerCase(Locale.ROOT).split("\\s+")).toList();
        Comparator<String> byWords = Comparator.comparingLong(c -> -words.stream()
                .filter(w -> c.split(":")[1].toLowerCase(Locale.ROOT).contains(w)).count());
        return catalog.stream().filter(c -> {
            String[] q = c.split(":");
            return q.length == 3 && q[0].equals(parts[0]) && q[2].equals(parts[2])
                    && hints.stream().anyMatch(h -> q[1].toLowerCase(Locale.ROOT).contains(h));
        }).sorted(byWords.thenComparing(Comparator.naturalOrder())).toList();
    }
}
