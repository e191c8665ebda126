package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeping licences right after day one: the licence step alone (step 7 of the guide), cut out of a full plan. The
 * licence role of each chosen division is made or completed when it is missing, and the active agents of the division
 * who lack it are given it in bulk; nothing else of the setup is touched, so a scheduled run can never change a group,
 * the role or a client. The account's own permissions are checked for these writes only.
 */
public final class LicenceUpkeep {
    private LicenceUpkeep() {
    }

    /** The licence items of {@code full} (and the account's missing permissions for them), as a plan of its own. */
    public static Plan plan(Plan full) {
        List<PlanItem> licence = full.items().stream()
                .filter(i -> i.kind() == ItemKind.LICENCE_ROLE || i.kind() == ItemKind.LICENCE_GRANTS).toList();
        List<PlanItem> items = new ArrayList<>();
        boolean readFailed = full.items().stream().allMatch(i -> i.kind() == ItemKind.PREFLIGHT
                || i.kind() == ItemKind.ORGANIZATION);
        if (readFailed) {
            // The org could not be read (the planner stopped after step 1): its read problems block the upkeep too.
            items.addAll(full.items());
        } else {
            items.addAll(Preflight.writeProblems(full.identity(), licence));
        }
        items.addAll(licence);
        return new Plan(full.org(), full.identity(), full.choices(), items, List.of(), null, full.readCalls(),
                full.madeAt());
    }
}
