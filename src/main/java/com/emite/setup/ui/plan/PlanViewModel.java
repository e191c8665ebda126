package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.RunStore;
import com.emite.setup.ui.common.EngineProgress;
import com.emite.setup.app.Problem;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Plan tab's state: the admin's choices ({@link PlanChoices}), "Check my org" (the planner in a task) and the
 * plan as sections, rows and the permission checklist. No I/O here: the check runs on the injected executor.
 */
public final class PlanViewModel {
    private final Session session;
    private final SetupService setup;
    private final Executor executor;
    private final Runnable activity;

    private final PlanChoices choices;

    // the check
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(this, "checking", false);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
    private final ReadOnlyObjectWrapper<Plan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<SetupService.Handover> handover =
            new ReadOnlyObjectWrapper<>(this, "handover");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary",
            Words.get("summary.beforeCheck"));
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ObservableList<PlanSection> sections = FXCollections.observableArrayList();
    private final ObservableList<PermissionRow> permissions = FXCollections.observableArrayList();
    private final ObservableList<String> changesToMake = FXCollections.observableArrayList();
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");

    private final BooleanBinding canCheck;
    private final BooleanBinding canApply;
    private final StringBinding applyLabel;
    private final StringBinding checkReason;
    private final StringBinding applyReason;
    private final BooleanProperty applying = new SimpleBooleanProperty(this, "applying", false);
    private CancellationToken token;
    /** Where the plan on show was read: the connection and the vault (null: read without the vault). */
    private Connection planConnection;
    private Vault planVault;

    public PlanViewModel(Session session, SetupService setup, Executor executor, Runnable activity) {
        this.session = Objects.requireNonNull(session);
        this.setup = Objects.requireNonNull(setup);
        this.executor = Objects.requireNonNull(executor);
        this.activity = Objects.requireNonNull(activity);
        this.choices = new PlanChoices(setup.needs(), () -> {
            if (plan.get() != null) {
                stale.set(true);
            }
        });
        ReadOnlyStringProperty choicesProblem = choices.problemProperty();
        canCheck = Bindings.createBooleanBinding(() -> session.connection() != null && !checking.get()
                && !applying.get() && choicesProblem.get().isEmpty(), session.connectionProperty(), checking,
                choicesProblem, applying);
        canApply = Bindings.createBooleanBinding(() -> canCheck.get() && plan.get() != null
                && plan.get().preflightProblems().isEmpty(), canCheck, plan);
        applyLabel = PlanReasons.applyLabel(plan);
        checkReason = PlanReasons.check(session.connectionProperty(), checking, choicesProblem, applying);
        applyReason = PlanReasons.apply(session.connectionProperty(), checking, choicesProblem, plan, applying);
        session.connectionProperty().addListener((obs, old, c) -> reset());
    }

    private void reset() {
        if (token != null) {
            token.cancel();
        }
        plan.set(null);
        planConnection = null;
        planVault = null;
        handover.set(null);
        sections.clear();
        permissions.clear();
        changesToMake.clear();
        choices.reset();
        stale.set(false);
        problem.set(null);
        note.set("");
        progressText.set("");
        summary.set(Words.get("summary.beforeCheck"));
    }

    /** The admin's choices as the engine takes them. */
    public Choices choices() {
        return choices.choices();
    }

    /** Group name → e-mail addresses of current members the admin chose to take out. */
    public Map<String, ObservableList<String>> removals() {
        return choices.removals();
    }

    /** "Check my org": reads the org and makes the plan, in a task. */
    public void checkOrg() {
        if (!canCheck.get()) {
            return;
        }
        Connection c = session.connection();
        Vault v = session.vault();
        Choices chosen = choices();
        boolean needDivisions = choices.divisions().isEmpty();
        CancellationToken t = new CancellationToken();
        token = t;
        checking.set(true);
        problem.set(null);
        progressText.set(Words.get("check.reading"));
        var task = Tasks.create(p -> {
                    RunStore store = setup.store(v, c);
                    Plan made = setup.plan(c, store, chosen, EngineProgress.messages(p, activity), t);
                    List<String> divs = needDivisions ? setup.divisionNames(c) : null;
                    return new Checked(made, setup.fromPlan(made, store), divs, v != null);
                })
                .onSuccess(r -> {
                    if (session.connection() != c) {
                        return; // signed out meanwhile
                    }
                    if (r.divisions() != null) {
                        choices.setDivisions(r.divisions());
                    }
                    show(r.plan(), r.handover(), c, v);
                })
                .onProblem(problem::set)
                .andFinally(() -> {
                    checking.set(false);
                    progressText.set("");
                })
                .build();
        task.messageProperty().addListener((obs, old, m) -> progressText.set(m));
        executor.execute(task);
    }

    /**
     * Shows a plan read on {@code c} with vault {@code v} (null: without the vault), from "Check my org" or from
     * Apply; Apply may then act on it as it is while it is fresh ({@link #reusablePlan}).
     */
    public void show(Plan p, SetupService.Handover h, Connection c, Vault v) {
        show(p, h, v != null);
        planConnection = c;
        planVault = v;
    }

    /**
     * The plan on show when Apply may act on it without reading the org again: read on connection {@code c},
     * less than {@link SetupService#FRESH} ago, no choice changed and no apply since, no check running. Null
     * otherwise. Whether the vault it was read with matches is the caller's question ({@link #planVault()}).
     */
    public Plan reusablePlan(Connection c) {
        Plan p = plan.get();
        if (p == null || stale.get() || checking.get() || c == null || planConnection != c
                || !SetupService.isFresh(p)) {
            return null;
        }
        return p;
    }

    /** The vault the plan on show was read with, or null when it was read without the vault. */
    public Vault planVault() {
        return planVault;
    }

    /** Shows a plan (from "Check my org", or the fresh one Apply makes before it changes anything). */
    public void show(Plan p, SetupService.Handover h, boolean vaultOpen) {
        planConnection = null;
        planVault = null;
        plan.set(p);
        handover.set(h);
        stale.set(false);
        // Lists are replaced only when they differ: each replacement makes the views rebuild their nodes on the FX
        // thread (sections, the checklist, the list of changes), which on a large org stalled drawing (issue #10).
        replaceIfDifferent(sections, PlanPresenter.sections(p));
        replaceIfDifferent(permissions, PermissionRow.of(p, setup.needs()));
        replaceIfDifferent(changesToMake, p.toApply().stream().map(i -> PlanPresenter.title(i) + ": "
                + Objects.requireNonNullElse(PlanPresenter.willDo(i), "")).toList());
        summary.set(PlanPresenter.summary(p));
        note.set(PlanPresenter.notes(p, vaultOpen));
    }

    private static <T> void replaceIfDifferent(ObservableList<T> shown, List<T> now) {
        if (!shown.equals(now)) {
            shown.setAll(now);
        }
    }

    /**
     * Apply acts on the plan on show as it is (read on {@code c} without a vault; {@code v} holds nothing for this
     * org): the plan stays, only the form is refreshed with the vault's view, and the plan now counts as read with it.
     */
    public void keptFor(Connection c, Vault v, SetupService.Handover h) {
        planConnection = c;
        planVault = v;
        handover.set(h);
        if (v != null) {
            // The vault is open now: the note that it is not goes (the others stay).
            note.set(PlanPresenter.notes(plan.get(), true));
        }
    }

    /** Apply ran since the last check: the shown plan is out of date. */
    public void appliedSinceCheck() {
        if (plan.get() != null) {
            stale.set(true);
        }
    }

    public BooleanProperty withWfmProperty() {
        return choices.withWfm();
    }

    public BooleanProperty allDivisionsProperty() {
        return choices.allDivisions();
    }

    public BooleanProperty resetUnknownSecretsProperty() {
        return choices.resetUnknownSecrets();
    }

    public ObservableList<DivisionChoice> divisions() {
        return choices.divisions();
    }

    /** Group name → the e-mail addresses of the people chosen for it (with the user picker). */
    public Map<String, ObservableList<String>> members() {
        return choices.members();
    }

    /** The guide's row numbers of permissions the admin unticked (left out of the role). */
    public javafx.collections.ObservableSet<Integer> leftOutRows() {
        return choices.leftOutRows();
    }

    /** Guide row → the org's permission the admin picked for it (rows whose exact string the org lacks). */
    public javafx.collections.ObservableMap<Integer, String> permissionChoices() {
        return choices.permissionChoices();
    }

    /** Stops a running check after the request in flight. */
    public void cancelCheck() {
        if (token != null && checking.get()) {
            token.cancel();
            progressText.set(Words.get("check.cancelling"));
        }
    }

    /** Why "Check my org" cannot be pressed now, or empty. */
    public StringBinding checkReasonProperty() {
        return checkReason;
    }

    /** Why the apply button cannot be pressed now, or empty. */
    public StringBinding applyReasonProperty() {
        return applyReason;
    }

    public ReadOnlyStringProperty choicesProblemProperty() {
        return choices.problemProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Plan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SetupService.Handover> handoverProperty() {
        return handover.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ObservableList<PlanSection> sections() {
        return sections;
    }

    /** Every change the plan would make, one sentence each. */
    public ObservableList<String> changesToMake() {
        return changesToMake;
    }

    public ObservableList<PermissionRow> permissions() {
        return permissions;
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public BooleanBinding canCheckProperty() {
        return canCheck;
    }

    public BooleanBinding canApplyProperty() {
        return canApply;
    }

    public StringBinding applyLabelProperty() {
        return applyLabel;
    }

    /** True while an apply runs: checking would spend the same request budget, so it waits. */
    public BooleanProperty applyingProperty() {
        return applying;
    }

    public Needs needs() {
        return setup.needs();
    }

    public Session session() {
        return session;
    }

    private record Checked(Plan plan, SetupService.Handover handover, List<String> divisions, boolean vaultOpen) {
    }
}
