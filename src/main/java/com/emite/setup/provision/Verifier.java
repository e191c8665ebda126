package com.emite.setup.provision;

import java.util.List;

/**
 * Checks an org that was set up: a plan in which anything that is not in place is drift (for example agents added
 * since the last apply who lack their licence). Reads only.
 */
public final class Verifier {
    private final Planner planner;

    public Verifier(Planner planner) {
        this.planner = planner;
    }

    /** The result of a check. */
    public record Report(Plan plan) {
        /** What apply would change (or a secret to reset). */
        public List<PlanItem> drift() {
            return plan.drift();
        }

        /** What cannot be done and matters for the chosen options. */
        public List<PlanItem> blocked() {
            return plan.requiredBlockers();
        }

        public boolean clean() {
            return drift().isEmpty() && blocked().isEmpty();
        }
    }

    public Report verify(Choices choices) {
        return new Report(planner.plan(choices));
    }
}
