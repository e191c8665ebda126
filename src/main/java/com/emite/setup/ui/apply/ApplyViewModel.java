package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.RunStore;
import com.emite.setup.ui.common.EngineProgress;
import com.emite.setup.app.Problem;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.form.NewSecret;
import com.emite.setup.ui.plan.PlanPresenter;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The Apply tab's state: check once more (with the vault), confirm, apply with progress and Cancel, then the change
 * report. Mirrors the command line's {@code apply}: plan, ask, apply, form and report kept with the change records.
 */
public final class ApplyViewModel {
    private static final Set<ApplyPhase> BUSY = EnumSet.of(ApplyPhase.CHECKING, ApplyPhase.RUNNING,
            ApplyPhase.CANCELLING);

    /** What an apply hands to the Form tab. */
    public record Outcome(ApplyResult result, SetupService.Handover handover, List<NewSecret> newSecrets) {
    }

    private final Session session;
    private final SetupService setup;
    private final PlanViewModel planModel;
    private final Executor executor;
    private final VaultLocker locker;
    private final Consumer<Outcome> onApplied;

    private final ReadOnlyObjectWrapper<ApplyPhase> phase = new ReadOnlyObjectWrapper<>(this, "phase",
            ApplyPhase.IDLE);
    private final ReadOnlyStringWrapper headline = new ReadOnlyStringWrapper(this, "headline",
            Words.get("apply.pressApply"));
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");
    private final ReadOnlyObjectWrapper<ConfirmationSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary",
            ConfirmationSummary.NONE);
    private final ReadOnlyIntegerWrapper toApply = new ReadOnlyIntegerWrapper(this, "toApply", 0);
    private final ReadOnlyStringWrapper confirmLabel = new ReadOnlyStringWrapper(this, "confirmLabel",
            Words.get("apply.button"));
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper currentStep = new ReadOnlyStringWrapper(this, "currentStep", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ObservableList<FinishedStep> finished = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final OtherRunCaution caution = new OtherRunCaution();
    private final BooleanBinding canStart;
    private final BooleanBinding busy = Bindings.createBooleanBinding(() -> BUSY.contains(phase.get()), phase);

    private Plan pending;
    private RunStore pendingStore;
    private Connection pendingConnection;
    private CancellationToken token;
    private boolean leaving;

    public ApplyViewModel(Session session, SetupService setup, PlanViewModel planModel, Executor executor,
                          VaultLocker locker, Consumer<Outcome> onApplied) {
        this.session = Objects.requireNonNull(session);
        this.setup = Objects.requireNonNull(setup);
        this.planModel = Objects.requireNonNull(planModel);
        this.executor = Objects.requireNonNull(executor);
        this.locker = Objects.requireNonNull(locker);
        this.onApplied = Objects.requireNonNull(onApplied);
        canStart = Bindings.createBooleanBinding(() -> planModel.canApplyProperty().get()
                && !BUSY.contains(phase.get()), planModel.canApplyProperty(), phase);
        session.connectionProperty().addListener((obs, old, c) -> {
            if (token != null) {
                token.cancel();
            }
            toIdle();
        });
        // The vault locked (idle, or Lock vault) while the question waited: the pending apply would write through a
        // closed vault (seen under Xvfb: "Something unexpected went wrong", APP-99). Back to Apply, which opens it.
        session.vaultProperty().addListener((obs, old, v) -> {
            if (v == null && phase.get() == ApplyPhase.CONFIRM) {
                toIdle();
                headline.set(Words.get("apply.vaultLockedWhileAsking"));
            }
        });
    }

    private void toIdle() {
        phase.set(ApplyPhase.IDLE);
        headline.set(Words.get("apply.pressApply"));
        explanation.set("");
        summary.set(ConfirmationSummary.NONE);
        toApply.set(0);
        finished.clear();
        changes.clear();
        currentStep.set("");
        detail.set("");
        problem.set(null);
        caution.clear();
        pending = null;
    }

    /**
     * Step one of apply (the vault must be open): checks the org again with the vault, so that the numbers the admin
     * confirms are the ones apply acts on.
     */
    public void start() {
        Connection c = session.connection();
        Vault v = session.vault();
        if (!canStart.get() || c == null || v == null) {
            return;
        }
        Choices choices = planModel.choices();
        CancellationToken t = new CancellationToken();
        token = t;
        // "Continue applying" after a cancel or a failure was already confirmed once: it does not ask again.
        boolean continuing = phase.get() == ApplyPhase.CANCELLED || phase.get() == ApplyPhase.FAILED;
        phase.set(ApplyPhase.CHECKING);
        problem.set(null);
        finished.clear();
        changes.clear();
        summary.set(ConfirmationSummary.NONE);
        // A plan "Check my org" made minutes ago with the same choices is applied as it is (issue #10): reading the
        // org again would cost as many requests as the check did.
        Plan shown = planModel.reusablePlan(c);
        Vault readWith = planModel.planVault();
        headline.set(Words.get(shown != null ? "apply.gettingReady" : "apply.checkingAgain"));
        explanation.set("");
        var task = Tasks.create(p -> {
                    RunStore store = setup.store(v, c);
                    Plan plan = PlanReuse.reusable(shown, readWith, v, store, setup.needs());
                    if (plan == null) {
                        plan = setup.plan(c, store, choices, EngineProgress.messages(p, locker::activity), t);
                    }
                    return new Checked(plan, store, setup.fromPlan(plan, store));
                })
                .onSuccess(r -> {
                    if (session.connection() != c) {
                        return;
                    }
                    if (r.plan() == shown) {
                        planModel.keptFor(c, v, r.handover());
                    } else {
                        planModel.show(r.plan(), r.handover(), c, v);
                    }
                    ask(r.plan(), r.store(), c, v);
                    if (continuing && phase.get() == ApplyPhase.CONFIRM) {
                        confirm();
                    }
                })
                .onProblem(p -> {
                    problem.set(p);
                    phase.set(ApplyPhase.FAILED);
                    headline.set(Words.get("apply.checkFailed"));
                })
                .build();
        task.messageProperty().addListener((obs, old, m) -> detail.set(m));
        executor.execute(task);
    }

    private void ask(Plan plan, RunStore store, Connection c, Vault v) {
        detail.set("");
        if (!plan.preflightProblems().isEmpty()) {
            phase.set(ApplyPhase.REFUSED);
            headline.set(Words.get("apply.refused"));
            explanation.set(Words.get("apply.refusedHow"));
            return;
        }
        if (plan.toApply().isEmpty()) {
            phase.set(ApplyPhase.IN_PLACE);
            headline.set(Words.get("apply.inPlace"));
            int blocked = plan.requiredBlockers().size() + plan.unresolvedSecrets().size();
            explanation.set(blocked == 0 ? Words.get("apply.inPlaceAll") : Words.count("apply.blocked", blocked));
            return;
        }
        pending = plan;
        pendingStore = store;
        pendingConnection = c;
        int n = plan.toApply().size();
        String label = Words.count("apply.button.changes", n);
        confirmLabel.set(label);
        headline.set(Words.get("apply.ask", label, plan.org().orgName(), plan.org().shortName()));
        explanation.set(Words.get("apply.askHow", String.valueOf(plan.writeCount())));
        toApply.set(n);
        // In short, not each change again: the Review page lists every change just above the question.
        summary.set(ConfirmationSummary.of(plan, v.file()));
        caution.show(plan.otherRunNote());
        phase.set(ApplyPhase.CONFIRM);
    }

    /** "Back to the plan": nothing is changed. */
    public void back() {
        if (phase.get() == ApplyPhase.CONFIRM) {
            toIdle();
        }
    }

    /** The admin confirmed: applies the pending plan. */
    public void confirm() {
        if (phase.get() != ApplyPhase.CONFIRM || pending == null || caution.holdsBackProperty().get()) {
            return;
        }
        Plan plan = pending;
        RunStore store = pendingStore;
        Connection c = pendingConnection;
        CancellationToken t = new CancellationToken();
        token = t;
        finished.clear();
        changes.clear();
        progress.set(0);
        currentStep.set(Words.get("apply.starting"));
        headline.set(Words.count("apply.applying", plan.toApply().size(), plan.org().orgName()));
        explanation.set("");
        phase.set(ApplyPhase.RUNNING);
        leaving = false;
        var task = Tasks.create(p -> {
                    try (AutoCloseable hold = locker.hold()) {
                        EngineProgress listener = new EngineProgress(p,
                                item -> currentStep.set(Words.get("apply.now", PlanPresenter.title(item))),
                                (item, outcome) -> finished.add(new FinishedStep(PlanPresenter.title(item), outcome)),
                                locker::activity);
                        ApplyResult result = setup.apply(c, store, plan, listener, t);
                        SetupService.Handover h = setup.afterApply(result, store);
                        String keptProblem = null;
                        try {
                            h = setup.keep(h);
                        } catch (IOException e) {
                            keptProblem = Words.get("apply.notKept", setup.dataDir(), e.getMessage());
                        }
                        return new Applied(new Outcome(result, h, ApplyReport.newSecrets(result, store)), keptProblem);
                    }
                })
                .onSuccess(this::finish)
                .onProblem(p -> {
                    problem.set(p);
                    phase.set(ApplyPhase.FAILED);
                    headline.set(Words.get("apply.stopped"));
                })
                .andFinally(() -> {
                    progress.unbind();
                    pending = null;
                    planModel.appliedSinceCheck();
                    // No tab may show the pre-apply plan as current: read the org again at once (unless the
                    // admin stopped the apply to close, sign out or lock: then nothing more is read).
                    if (session.connection() == c && !leaving) {
                        planModel.checkOrg();
                    }
                })
                .build();
        progress.bind(task.progressProperty());
        task.messageProperty().addListener((obs, old, m) -> detail.set(m));
        executor.execute(task);
    }

    private void finish(Applied a) {
        progress.unbind();
        ApplyResult r = a.outcome().result();
        currentStep.set("");
        detail.set(a.keptProblem() == null ? "" : a.keptProblem());
        for (Change ch : r.changes()) {
            changes.add(ch.summary());
        }
        ApplyReport.Ending end = ApplyReport.ending(r);
        if (end.complete()) {
            progress.set(1);
        }
        phase.set(end.phase());
        headline.set(end.headline());
        if (end.explanation() != null) {
            explanation.set(end.explanation());
        }
        if (end.problem() != null) {
            problem.set(end.problem());
        }
        onApplied.accept(a.outcome());
    }

    /**
     * Stops after the request in flight because the admin is closing the window, signing out or locking the vault:
     * the journal is saved as after any cancel, and the org is not read again afterwards.
     */
    public void cancelToLeave() {
        leaving = true;
        if (phase.get() == ApplyPhase.CHECKING && token != null) {
            token.cancel();
        }
        cancel();
    }

    /** Stops after the request in flight. */
    public void cancel() {
        if (phase.get() == ApplyPhase.RUNNING && token != null) {
            token.cancel();
            phase.set(ApplyPhase.CANCELLING);
            headline.set(Words.get("apply.stopping"));
            explanation.set(Words.get("apply.stoppingHow"));
        }
    }

    public ReadOnlyObjectProperty<ApplyPhase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty headlineProperty() {
        return headline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationProperty() {
        return explanation.getReadOnlyProperty();
    }

    /** The confirmation's summary of the pending plan (counts by kind, what reaches people, the secrets' place). */
    public ReadOnlyObjectProperty<ConfirmationSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many changes the confirmation asks about (0 when it does not ask). */
    public ReadOnlyIntegerProperty toApplyProperty() {
        return toApply.getReadOnlyProperty();
    }

    /** "Another run seems to be in progress": shown at the confirmation, which it holds back until answered. */
    public OtherRunCaution caution() {
        return caution;
    }

    public ReadOnlyStringProperty confirmLabelProperty() {
        return confirmLabel.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currentStepProperty() {
        return currentStep.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<FinishedStep> finished() {
        return finished;
    }

    /** The change report's lines, once apply ended. */
    public ObservableList<String> changes() {
        return changes;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    /** True while apply checks, runs or stops. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    private record Checked(Plan plan, RunStore store, SetupService.Handover handover) {
    }

    private record Applied(Outcome outcome, String keptProblem) {
    }
}
