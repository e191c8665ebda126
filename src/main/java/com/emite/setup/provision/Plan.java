package com.emite.setup.provision;

import java.time.Instant;
import java.util.List;

/**
 * The result of comparing an org with what eMite needs: ordered items (the guide's steps), the role's permission
 * checklist, and what was read to build it. Immutable.
 *
 * @param org         step 1's facts
 * @param identity    who is signed in
 * @param choices     the admin's choices the plan was made for
 * @param items       every item, in the order apply handles them
 * @param permissions the 41-row permission checklist
 * @param resumeNote  when an earlier apply stopped half-way: what the journal says; else null
 * @param readCalls   API requests made to build the plan
 * @param madeAt      when
 * @param otherRunNote when eMite objects this vault does not know were made minutes ago (another apply running now?):
 *                    the notice to show before applying; else null
 */
public record Plan(OrgFacts org, Identity identity, Choices choices, List<PlanItem> items,
                   List<PermissionCheck> permissions, String resumeNote, long readCalls, Instant madeAt,
                   String otherRunNote) {
    public Plan {
        items = List.copyOf(items);
        permissions = List.copyOf(permissions);
    }

    public Plan(OrgFacts org, Identity identity, Choices choices, List<PlanItem> items,
                List<PermissionCheck> permissions, String resumeNote, long readCalls, Instant madeAt) {
        this(org, identity, choices, items, permissions, resumeNote, readCalls, madeAt, null);
    }

    /** Items apply will act on, in order. */
    public List<PlanItem> toApply() {
        return items.stream().filter(i -> i.action() != null).toList();
    }

    /** Write requests apply will make. */
    public int writeCount() {
        return toApply().stream().mapToInt(PlanItem::writeCount).sum();
    }

    /** Problems with the signed-in account's own permissions: apply refuses to start while there are any. */
    public List<PlanItem> preflightProblems() {
        return items.stream().filter(i -> i.kind() == ItemKind.PREFLIGHT && i.state() == ItemState.BLOCKED).toList();
    }

    /** Blocked items that matter for the chosen options, and items waiting for the admin's choice (exit code 2). */
    public List<PlanItem> requiredBlockers() {
        return items.stream().filter(i -> i.state() == ItemState.NEEDS_CHOICE
                || i.state() == ItemState.BLOCKED && i.blocker() != null && i.blocker().required()).toList();
    }

    /** Permission rows waiting for the admin's choice, with their ranked candidates. */
    public List<PermissionCheck> choicesNeeded() {
        return permissions.stream().filter(p -> p.status() == PermissionCheck.Status.NEEDS_CHOICE).toList();
    }

    /** Rows the admin left out, each with what eMite loses. */
    public List<PermissionCheck> leftOut() {
        return permissions.stream().filter(p -> p.status() == PermissionCheck.Status.LEFT_OUT).toList();
    }

    /** Groups with nobody in them, with what that means and the fix (their items are in {@link #items()}). */
    public List<PlanItem> emptyGroups() {
        return items.stream().filter(i -> i.kind() == ItemKind.GROUP_MEMBERS && i.blocker() != null
                && i.blocker().fix() == Fix.ADD_GROUP_MEMBERS).toList();
    }

    /** Items that differ from what eMite needs and that apply would change (or a secret to reset). */
    public List<PlanItem> drift() {
        return items.stream().filter(PlanItem::isDrift).toList();
    }

    /** Secrets the vault does not hold and that this plan does not reset. */
    public List<PlanItem> unresolvedSecrets() {
        return items.stream().filter(i -> i.state() == ItemState.SECRET_UNKNOWN && i.action() == null).toList();
    }

    /** True when nothing needs doing and nothing required is blocked. */
    public boolean inPlace() {
        return items.stream().noneMatch(PlanItem::needsAttention);
    }

    public PlanItem item(ItemKind kind, String target) {
        return items.stream().filter(i -> i.kind() == kind && i.target().equals(target)).findFirst().orElse(null);
    }
}
