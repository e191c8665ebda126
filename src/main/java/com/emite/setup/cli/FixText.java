package com.emite.setup.cli;

import com.emite.setup.provision.Blocker;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.SecretRotation;

/** How the command line words a blocker's fix: the engine's advice, with the option to use where there is one. */
final class FixText {
    private FixText() {
    }

    /** The fix of {@code item}'s blocker ("" when it has none). */
    static String of(Plan plan, PlanItem item) {
        Blocker b = item.blocker();
        return b == null ? "" : of(b, item, plan);
    }

    private static String of(Blocker b, PlanItem item, Plan plan) {
        return switch (b.fix()) {
            case ENABLE_WFM -> "Nothing to do unless you want WFM data in eMite; then add the WFM licence and run "
                    + "apply with --with-wfm.";
            case ADD_WFM_LICENCE -> b.advice() + " (or run without --with-wfm).";
            case ALL_DIVISIONS -> "Check the name (it must match exactly, capitals included) or use --divisions all.";
            case RESET_UNKNOWN_SECRETS -> SecretRotation.isUpkeep(item.target())
                    ? "Run rotate-secrets --upkeep-client (or apply --with-upkeep-client) to issue a new secret: it "
                    + "goes into the vault, and keep-licences signs in with it."
                    : "Run apply with --reset-unknown-secrets to issue a new secret (the old one stops working), then "
                    + "give eMite the new one.";
            case CHOOSE_PERMISSION -> {
                String row = plan.permissions().stream().filter(p -> p.permission().equals(item.target()))
                        .map(p -> String.valueOf(p.row())).findFirst().orElse("ROW");
                String first = !item.differences().isEmpty() ? item.differences().get(0)
                        : "domain:entity:action";
                yield b.advice() + " On the command line: --permission " + row + "=" + first + " (or --leave-out "
                        + row + ").";
            }
            case ADD_GROUP_MEMBERS -> b.advice() + " On the command line: --group-members "
                    + item.target() + "=someone@example.com,other@example.com.";
            case CHECK_EMAIL -> b.advice() + " (--group-members / --remove-group-members).";
            case REMOVE_DUPLICATE -> "To delete it, run apply with --remove-duplicates.";
            default -> b.advice();
        };
    }

}
