package com.emite.setup.provision;

import java.util.List;
import java.util.Map;

/**
 * How an apply ended.
 *
 * @param plan     the plan that was applied
 * @param status   finished, cancelled or failed
 * @param outcomes what happened to each item apply acted on, in order
 * @param ids      the ids of every eMite object known at the end (kept from the plan and from create responses),
 *                 keyed {@code group:<name>}, {@code role:<name>}, {@code client:<name>}, {@code integration:<name>}
 * @param runId    the journal's run id
 * @param changes  the changes this run made (the change report)
 * @param calls    requests this run made (plan not included)
 * @param error    for FAILED: the plain message
 * @param secretsUnknown clients this run found made by another request instead of creating them: their secrets are
 *                 not in the vault (SECRET_UNKNOWN items, reset by the next apply when asked)
 */
public record ApplyResult(Plan plan, Journal.RunStatus status, List<Outcome> outcomes, Map<String, String> ids,
                          String runId, List<Change> changes, OrgApi.CallCount calls, String error,
                          List<PlanItem> secretsUnknown) {

    public ApplyResult {
        outcomes = List.copyOf(outcomes);
        ids = Map.copyOf(ids);
        changes = List.copyOf(changes);
        secretsUnknown = List.copyOf(secretsUnknown);
    }

    public ApplyResult(Plan plan, Journal.RunStatus status, List<Outcome> outcomes, Map<String, String> ids,
                       String runId, List<Change> changes, OrgApi.CallCount calls, String error) {
        this(plan, status, outcomes, ids, runId, changes, calls, error, List.of());
    }

    /** One item apply acted on. */
    public record Outcome(PlanItem item, boolean done, String message) {
    }

    public boolean finished() {
        return status == Journal.RunStatus.FINISHED;
    }

    /**
     * What is left that apply could not do: the plan's required blockers and secrets it did not reset. Empty = the org
     * is in place for the chosen options.
     */
    public List<PlanItem> leftBlocked() {
        List<PlanItem> left = new java.util.ArrayList<>(plan.requiredBlockers());
        left.addAll(plan.unresolvedSecrets());
        left.addAll(secretsUnknown);
        return left;
    }
}
