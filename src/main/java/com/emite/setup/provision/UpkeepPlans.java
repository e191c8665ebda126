package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/** The upkeep sign-in's part of a plan ({@link UpkeepNeed}), for the window's "Create the upkeep sign-in" alone. */
public final class UpkeepPlans {
    private UpkeepPlans() {
    }

    /** True for the items of the upkeep sign-in: its role, its grant to the signed-in account, its client and secret. */
    public static boolean isUpkeepItem(PlanItem i) {
        return switch (i.kind()) {
            case ROLE -> i.target().equals(UpkeepNeed.ROLE_NAME);
            case ROLE_GRANT -> i.target().startsWith(UpkeepNeed.ROLE_NAME + " to ");
            case OAUTH_CLIENT, CLIENT_SECRET -> i.target().equals(UpkeepNeed.CLIENT_NAME);
            default -> false;
        };
    }

    /**
     * The plan reduced to the organization and the upkeep items, with the account's missing rights checked for their
     * writes only (so the rest of eMite's setup neither blocks nor is applied). A plan stopped by the account's read
     * rights keeps those problems.
     */
    public static Plan only(Plan full) {
        List<PlanItem> upkeep = full.items().stream().filter(UpkeepPlans::isUpkeepItem).toList();
        List<PlanItem> items = new ArrayList<>();
        if (upkeep.isEmpty()) {
            items.addAll(full.preflightProblems());
        } else {
            items.addAll(Preflight.writeProblems(full.identity(), upkeep));
        }
        full.items().stream().filter(i -> i.kind() == ItemKind.ORGANIZATION).forEach(items::add);
        items.addAll(upkeep);
        return new Plan(full.org(), full.identity(), full.choices(), items, List.of(), null, full.readCalls(),
                full.madeAt());
    }
}
