package com.emite.setup.app;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Executor;
import com.emite.setup.provision.FormBuilder;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.MemoryRunStore;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.Planner;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.VaultRunStore;
import com.emite.setup.vault.DataFolder;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The engine as both faces use it: planner, executor, form builder and form writer over one {@link Connection} and a
 * run store, the forms folder, and what a plan means (in place, blocked, drift). No JavaFX; every method blocks, so
 * the window calls it inside a background task.
 */
public final class SetupService {
    private final Needs needs;
    private final Path dataDir;
    private final Duration grantTimeout;
    private final Duration stepDeadline;

    public SetupService(Path dataDir) {
        this(BlueprintNeeds.standard(), dataDir, Executor.DEFAULT_GRANT_TIMEOUT);
    }

    public SetupService(Needs needs, Path dataDir, Duration grantTimeout) {
        this(needs, dataDir, grantTimeout, Executor.DEFAULT_STEP_DEADLINE);
    }

    /** @param stepDeadline how long one step of an apply may take in all (retries and waits included) */
    public SetupService(Needs needs, Path dataDir, Duration grantTimeout, Duration stepDeadline) {
        this.stepDeadline = Objects.requireNonNull(stepDeadline);
        this.needs = Objects.requireNonNull(needs);
        this.dataDir = Objects.requireNonNull(dataDir);
        this.grantTimeout = Objects.requireNonNull(grantTimeout);
    }

    public Needs needs() {
        return needs;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The store of the org's journal and secrets: the vault when it is open, else memory (then every existing client's
     * secret counts as unknown, as in the command line's {@code plan} without a vault).
     */
    public RunStore store(Vault vault, Connection c) throws VaultException {
        if (vault == null) {
            return new MemoryRunStore();
        }
        // Under the connection's lock, so that a second caller waits until the stale record is gone.
        synchronized (c) {
            if (c.takeStaleVaultRecordRemoval() && vault.contents().removeOrg(c.org().id())) {
                vault.save();
            }
        }
        return new VaultRunStore(vault, c.org().id());
    }

    /** What a plan means for the admin (the command line's exit code). */
    public enum Verdict {
        /** Everything eMite needs is in place, or apply can do it: exit 0. */
        OK,
        /** Something is blocked, waits for a choice, or a secret is unknown: exit 2. */
        BLOCKED,
        /** (verify) the org differs from what eMite needs: exit 3. */
        DRIFT
    }

    /** The verdict of plan (drift not counted) or verify (drift counted first). */
    public static Verdict verdict(Plan plan, boolean verify) {
        if (verify && !plan.drift().isEmpty()) {
            return Verdict.DRIFT;
        }
        return plan.requiredBlockers().isEmpty() && plan.unresolvedSecrets().isEmpty() ? Verdict.OK
                : Verdict.BLOCKED;
    }

    /** The people search, group members and divisions with agent counts of the signed-in org. */
    public OrgDirectory directory(Connection c) {
        return new OrgDirectory(c.api(), needs);
    }

    /** Reads the org and makes the plan (reads only). */
    public Plan plan(Connection c, RunStore store, Choices choices, ProgressListener listener,
                     CancellationToken token) {
        return tracked(token, () -> withWaits(c, listener, () -> new Planner(c.api(), needs, c.environment(), store,
                listener, token).plan(choices)));
    }

    /** Reads only what the licence step needs and plans it alone (keep-licences). */
    public Plan licencePlan(Connection c, RunStore store, Choices choices, ProgressListener listener,
                            CancellationToken token) {
        return licencePlan(c, store, choices, false, listener, token);
    }

    /** As above; with {@code takeBackFromLeavers}, also takes the role back from users who left the division. */
    public Plan licencePlan(Connection c, RunStore store, Choices choices, boolean takeBackFromLeavers,
                            ProgressListener listener, CancellationToken token) {
        return tracked(token, () -> withWaits(c, listener, () -> new Planner(c.api(), needs, c.environment(), store,
                listener, token).licencePlan(choices, takeBackFromLeavers)));
    }

    /** The plans and applies running now, each with its token (for {@link #stopAll}). */
    private final java.util.Set<CancellationToken> running = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * "Stop after the current request and save", for every face: closing the window, signing out, locking, or the
     * command line's Ctrl-C / SIGTERM. Asks every running plan and apply to stop after the request in flight (the
     * executor then saves the journal) and waits up to {@code wait} until they have ended.
     *
     * @return true when nothing is running any more
     */
    public boolean stopAll(Duration wait) {
        running.forEach(CancellationToken::cancel);
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (running) {
            while (!running.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    running.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return running.isEmpty();
                }
            }
        }
        return true;
    }

    /** True while a plan or an apply of this service runs. */
    public boolean busy() {
        return !running.isEmpty();
    }

    private <T> T tracked(CancellationToken token, java.util.function.Supplier<T> work) {
        if (token == null) {
            return work.get();
        }
        running.add(token);
        try {
            return work.get();
        } finally {
            synchronized (running) {
                running.remove(token);
                running.notifyAll();
            }
        }
    }

    /** Runs {@code work} with the client's waits (rate limit, Retry-After, back-off) told to {@code listener}. */
    private static <T> T withWaits(Connection c, ProgressListener listener, java.util.function.Supplier<T> work) {
        if (listener == null) {
            return work.get();
        }
        c.client().onWait((reason, howLong) -> listener.waiting(switch (reason) {
            case RATE_LIMIT -> ProgressListener.Wait.RATE_LIMIT;
            case RETRY_AFTER -> ProgressListener.Wait.RETRY_AFTER;
            case BACKOFF -> ProgressListener.Wait.BACKOFF;
        }, howLong));
        try {
            return work.get();
        } finally {
            c.client().onWait(null);
        }
    }

    /** The org's divisions by name, for the licence checklist. */
    public List<String> divisionNames(Connection c) {
        return c.api().divisions().stream().map(OrgApi.DivisionInfo::name).sorted().toList();
    }

    /** How long a plan may be applied as it is, without reading the whole org again. */
    public static final Duration FRESH = Duration.ofMinutes(5);

    /**
     * True when {@code plan} was made less than {@link #FRESH} ago: apply it directly, without a second full read of
     * the org (issue #10). The executor still looks each name up again (one listing per kind) right before the first
     * create of that kind, so an object another run made meanwhile is found, not duplicated; licence grants use the
     * plan's users (agents added since then are the next verify's drift).
     */
    public static boolean isFresh(Plan plan) {
        return plan.madeAt().isAfter(Instant.now().minus(FRESH));
    }

    /** Applies a plan; returns normally when finished, cancelled or failed (see the result's status). */
    public ApplyResult apply(Connection c, RunStore store, Plan plan, ProgressListener listener,
                             CancellationToken token) {
        return tracked(token, () -> withWaits(c, listener, () -> new Executor(c.api(), store, listener, token,
                grantTimeout, stepDeadline).apply(plan)));
    }

    /** The form (secrets from the vault, masked unless revealed) and the change report after an apply. */
    public Handover afterApply(ApplyResult result, RunStore store) {
        Plan plan = result.plan();
        IntegrationForm form = FormBuilder.fromApply(result, needs, store, false);
        ChangeReport report = new ChangeReport(plan.org().orgName(), plan.org().shortName(), result.runId(),
                result.changes(), now());
        return new Handover(form, report, List.of());
    }

    /**
     * Writes the form (secrets masked) and the change report into the data folder's {@code forms/<short name>}, for
     * the admin's change records, as the command line does after every apply.
     */
    public Handover keep(Handover h) throws IOException {
        List<Path> kept = FormWriter.write(formsDir(h.form().shortName()), h.form(), h.report());
        return new Handover(h.form(), h.report(), kept);
    }

    /** The form for what a plan found, and the changes the journal remembers (as {@code export-form}). */
    public Handover fromPlan(Plan plan, RunStore store) {
        IntegrationForm form = FormBuilder.fromPlan(plan, needs, store, false);
        Journal journal = Journal.parse(store.loadJournal());
        ChangeReport report = new ChangeReport(plan.org().orgName(), plan.org().shortName(), null,
                journal.changes(), now());
        return new Handover(form, report, List.of());
    }

    /**
     * {@code export-form}: reads what the form needs (organization, groups, OAuth clients), builds the form with the
     * vault's secrets (in clear only when {@code includeSecrets}) and the journal's changes, and writes it into
     * {@code outDir}, or the forms folder when null. WFM clients appear only when they exist.
     */
    public Handover exportForm(Connection c, RunStore store, boolean includeSecrets, Path outDir,
                               CancellationToken token) throws IOException {
        Plan plan = new Planner(c.api(), needs, c.environment(), store, null, token)
                .formPlan(Choices.defaults().withWfm(true));
        IntegrationForm form = FormBuilder.fromPlan(plan, needs, store, includeSecrets);
        form = form.with(form.clients().stream().filter(x -> x.clientId() != null || !isWfm(x.name())).toList(),
                includeSecrets, form.generatedAt());
        Journal journal = Journal.parse(store.loadJournal());
        ChangeReport report = new ChangeReport(plan.org().orgName(), plan.org().shortName(), null,
                journal.changes(), now());
        Path dir = outDir != null ? outDir : formsDir(plan.org().shortName());
        return new Handover(form, report, FormWriter.write(dir, form, report));
    }

    private boolean isWfm(String clientName) {
        return needs.clients().stream().anyMatch(x -> x.name().equals(clientName) && x.wfm());
    }

    /** Writes the form (HTML + JSON) and the change report into {@code dir}; secrets only when asked. */
    public List<Path> export(Path dir, IntegrationForm form, ChangeReport report, boolean includeSecrets)
            throws IOException {
        IntegrationForm f = form.with(form.clients(), includeSecrets, now());
        return FormWriter.write(dir, f, report);
    }

    /** The folder where the forms of the org with this short name are kept: {@code <data>/forms/<short name>}. */
    public Path formsDir(String shortName) throws IOException {
        // Owner-only, and a short name from the server can never name a folder outside forms/.
        return DataFolder.forms(dataDir, shortName);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * What the Form tab shows.
     *
     * @param form   the Integration Details Form (secrets from the vault, masked unless revealed)
     * @param report the change report
     * @param kept   files written for the change records (empty when none)
     */
    public record Handover(IntegrationForm form, ChangeReport report, List<Path> kept) {
        public Handover {
            kept = List.copyOf(kept);
        }
    }
}
