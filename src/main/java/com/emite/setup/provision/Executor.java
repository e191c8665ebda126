package com.emite.setup.provision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a plan, item by item, in order. Every item is journalled before (the intent) and after (the id); a new
 * client's secret is saved into the vault together with the journal entry before the next item starts. The
 * cancellation token is checked between requests, so a cancel stops after the request in flight with a consistent
 * journal. A run killed at any point is continued by the next plan + apply: the plan re-reads the org (listings, not
 * search), so an object whose create reached Genesys is found by name and not created again.
 * <p>This class holds the run's order, journal boundaries and outcome; the run's shared state is {@link ApplyRun},
 * the actions are {@link StepActions} (with {@link GrantActions} and {@link AppAction}), the look-up before a create
 * is {@link CreateGuard}, and each step's overall deadline is {@link StepDeadline}.
 */
public final class Executor {
    /** How long to wait for a new role grant to take effect, by default. */
    public static final Duration DEFAULT_GRANT_TIMEOUT = Duration.ofMinutes(3);

    /** How long one step may take in all (its requests, retries and waits), by default. */
    public static final Duration DEFAULT_STEP_DEADLINE = Duration.ofMinutes(10);

    private final OrgApi api;
    private final RunStore store;
    private final ProgressListener listener;
    private final CancellationToken token;
    private final Duration grantTimeout;
    private final Duration stepDeadline;

    public Executor(OrgApi api, RunStore store, ProgressListener listener, CancellationToken token,
                    Duration grantTimeout) {
        this(api, store, listener, token, grantTimeout, null);
    }

    /**
     * @param stepDeadline how long one step may take in all, retries and waits included (null: the default; the
     *                     grant wait is bounded by {@code grantTimeout} on top); a step past it ends the run with a
     *                     plain message and a saved journal
     */
    public Executor(OrgApi api, RunStore store, ProgressListener listener, CancellationToken token,
                    Duration grantTimeout, Duration stepDeadline) {
        this.api = Objects.requireNonNull(api);
        this.store = Objects.requireNonNull(store);
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.token = token == null ? new CancellationToken() : token;
        this.grantTimeout = grantTimeout == null ? DEFAULT_GRANT_TIMEOUT : grantTimeout;
        this.stepDeadline = stepDeadline == null ? DEFAULT_STEP_DEADLINE : stepDeadline;
    }

    /**
     * Applies the plan on the calling thread. Returns normally when finished or cancelled (see the result's status);
     * a failure of Genesys ends the run with status FAILED and the plain message in {@link ApplyResult#error()}.
     *
     * @throws ProvisionException if the plan has preflight problems (nothing is changed)
     */
    public ApplyResult apply(Plan plan) {
        if (!plan.preflightProblems().isEmpty()) {
            throw new ProvisionException("Nothing was changed: your account lacks permissions this plan needs ("
                    + String.join(", ", plan.preflightProblems().stream().map(PlanItem::target).toList()) + ").");
        }
        return run(new ApplyRun(api, store, listener, token, plan));
    }

    /** Runs the plan's actions in order with one durable journal save at every step boundary. */
    private ApplyResult run(ApplyRun run) {
        Plan plan = run.plan;
        Journal journal = run.journal;
        journal.beginRun(run.account);
        store.describeOrg(plan.org().shortName(), plan.org().regionId() != null ? plan.org().regionId()
                : plan.org().regionName());
        // Steps an interrupted run left open that the plan now finds in place are settled.
        for (PlanItem i : plan.items()) {
            if (i.action() == null && i.state() == ItemState.PRESENT) {
                journal.settle(i.key(), i.existingId());
            }
        }
        // One durable save at every step boundary: it holds the previous step's result and the next step's
        // intent, and is made before the next step sends anything. A new client's secret is saved on its own,
        // the moment it arrives.
        StepActions actions = new StepActions(run, grantTimeout);
        listener.progress(0, run.total);
        String error = null;
        Journal.RunStatus status = Journal.RunStatus.FINISHED;
        PlanItem current = null;
        try {
            for (PlanItem item : plan.toApply()) {
                current = item;
                token.throwIfCancelled();
                listener.stepStarted(item);
                journal.stepStarted(item.key(), describe(item));
                run.save();
                boolean mayWait = run.pendingGrantRoleId != null || item.action() instanceof Action.AwaitGrant;
                String outcome = StepDeadline.run(item, mayWait ? stepDeadline.plus(grantTimeout) : stepDeadline,
                        () -> actions.perform(item));
                run.outcomes.add(new ApplyResult.Outcome(item, true, outcome));
                listener.stepFinished(item, outcome);
                current = null;
            }
        } catch (RunCancelledException e) {
            status = Journal.RunStatus.CANCELLED;
            error = e.getMessage();
            if (current != null) {
                // Cancelled inside a step of several requests (batches, or the app's create/configure/enable):
                // what was sent stays; the next plan sees it and does the rest.
                journal.stepFailed(current.key(), "cancelled part-way; the next apply finishes it");
            }
        } catch (RuntimeException e) {
            status = Journal.RunStatus.FAILED;
            error = plain(e);
            if (current != null) {
                journal.stepFailed(current.key(), error);
                run.outcomes.add(new ApplyResult.Outcome(current, false, error));
            }
        }
        if (status == Journal.RunStatus.FINISHED) {
            rememberPermissionChoices(plan, journal);
        }
        journal.endRun(status, status == Journal.RunStatus.FINISHED ? null : error);
        run.save();
        return new ApplyResult(plan, status, run.outcomes, run.ids, journal.lastRun().runId(),
                journal.changesOf(journal.lastRun().runId()), api.calls().minus(run.start), error,
                run.secretsUnknown);
    }

    /**
     * The admin's permission choices of this plan are remembered for the org (the next plan uses them) and named in
     * the change report when they are new.
     */
    private static void rememberPermissionChoices(Plan plan, Journal journal) {
        Map<Integer, String> known = journal.permissionChoices();
        Map<Integer, String> chosen = new LinkedHashMap<>();
        for (PermissionCheck c : plan.permissions()) {
            if (c.status() == PermissionCheck.Status.CHOSEN) {
                chosen.put(c.row(), c.permission());
                if (!c.permission().equals(known.get(c.row()))) {
                    journal.addChange("permission chosen", ItemKind.PERMISSION, c.permission(), null,
                            "row " + c.row() + " (" + c.label() + "): this org's catalog lacks the guide's "
                                    + "permission; you chose " + c.permission() + " for it");
                }
            }
        }
        if (!chosen.isEmpty()) {
            journal.rememberPermissionChoices(chosen);
        }
    }

    /** The key under which an object's id is kept, or null for items without an object. */
    static String ref(ItemKind kind, String name) {
        return switch (kind) {
            case GROUP -> "group:" + name;
            case ROLE, LICENCE_ROLE -> "role:" + name;
            case OAUTH_CLIENT -> "client:" + name;
            case CLIENT_APP -> "integration:" + name;
            default -> null;
        };
    }

    private static String describe(PlanItem item) {
        return item.state().label() + ": " + String.join("; ", item.writes().stream().map(WriteCall::toString)
                .toList());
    }

    /** The message of a failure, without class names or stack traces. */
    static String plain(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "Unexpected error (" + e.getClass().getSimpleName() + ")" : m;
    }
}
