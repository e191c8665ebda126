package com.emite.setup.ui.remove;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.Removal;
import com.emite.setup.provision.RunStore;
import com.emite.setup.ui.common.FxThread;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.concurrent.Executor;

/**
 * "Remove eMite from this org…": the same engine as the command line's {@code remove} ({@link Removal}): the plan
 * (what goes, what stays because it was there before), the confirmation by the org's short name, the removal with
 * Cancel (between removals), and the report. The vault's journal records each removal as it happens.
 */
public final class RemovalModel {
    /** Where the removal is. */
    public enum Phase { READING, PLANNED, REMOVING, DONE }

    private final Session session;
    private final SetupService setup;
    private final Executor executor;
    private final Runnable removed;

    private final ObjectProperty<Phase> phase = new SimpleObjectProperty<>(this, "phase", Phase.READING);
    private final ObjectProperty<Removal.Plan> plan = new SimpleObjectProperty<>(this, "plan");
    private final ObjectProperty<Removal.Result> result = new SimpleObjectProperty<>(this, "result");
    private final BooleanProperty includeExisting = new SimpleBooleanProperty(this, "includeExisting");
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty headline = new SimpleStringProperty(this, "headline", "");
    private CancellationToken token = new CancellationToken();
    private Connection connection;

    /** @param removed runs on the FX thread after anything was removed (the window's plan is then out of date) */
    public RemovalModel(Session session, SetupService setup, Executor executor, Runnable removed) {
        this.session = session;
        this.setup = setup;
        this.executor = executor;
        this.removed = removed;
        includeExisting.addListener((obs, was, now) -> readPlan());
    }

    /** Reads the org and makes the removal plan (reads only). */
    public void readPlan() {
        Connection c = session.connection();
        Vault vault = session.vault();
        if (c == null) {
            return;
        }
        connection = c;
        boolean all = includeExisting.get();
        phase.set(Phase.READING);
        problem.set("");
        headline.set(Words.get("remove.reading"));
        token = new CancellationToken();
        CancellationToken t = token;
        Tasks.create(p -> removal(c, vault).plan(all))
                .onSuccess(p -> {
                    if (!t.isCancelled() && session.connection() == c) {
                        plan.set(p);
                        phase.set(Phase.PLANNED);
                        headline.set(p.toRemove().isEmpty() ? Words.get("remove.nothing")
                                : Words.get("remove.planned", p.toRemove().size(), p.org().name(), p.writeCount()));
                    }
                })
                .onProblem(x -> {
                    problem.set(x.message());
                    headline.set(Words.get("remove.readFailed"));
                    phase.set(Phase.DONE);
                })
                .runOn(executor);
    }

    private Removal removal(Connection c, Vault vault) throws Exception {
        RunStore store = setup.store(vault, c);
        return new Removal(c.api(), setup.needs(), store);
    }

    /** Removes what the plan says; only once the short name is typed. */
    public void remove() {
        Removal.Plan p = plan.get();
        Connection c = connection;
        Vault vault = session.vault();
        if (p == null || !canRemove().get().isEmpty() || c == null || session.connection() != c) {
            return;
        }
        phase.set(Phase.REMOVING);
        headline.set(Words.get("remove.removing", p.org().name()));
        token = new CancellationToken();
        CancellationToken t = token;
        ProgressListener listener = new ProgressListener() {
            @Override
            public void message(String text) {
                FxThread.run(() -> progress.set(text));
            }
        };
        Tasks.create(x -> removal(c, vault).apply(p, c.howSignedIn(), listener, t))
                .onSuccess(r -> {
                    result.set(r);
                    headline.set(r.finished() ? Words.get("remove.done", p.org().name())
                            : t.isCancelled() ? Words.get("remove.cancelled") : Words.get("remove.stopped"));
                })
                .onProblem(x -> {
                    problem.set(x.message());
                    headline.set(Words.get("remove.stopped"));
                })
                .andFinally(() -> {
                    progress.set("");
                    phase.set(Phase.DONE);
                    removed.run();
                })
                .runOn(executor);
    }

    /** Stops reading, or stops removing after the removal in flight (it finishes and is recorded). */
    public void cancel() {
        token.cancel();
        if (phase.get() == Phase.REMOVING) {
            progress.set(Words.get("remove.cancelling"));
        }
    }

    /** Why Remove cannot be pressed now (empty when it can). */
    public StringBinding canRemove() {
        return Bindings.createStringBinding(() -> {
            Removal.Plan p = plan.get();
            if (phase.get() != Phase.PLANNED || p == null) {
                return phase.get() == Phase.READING ? Words.get("remove.why.reading") : "";
            }
            if (p.toRemove().isEmpty()) {
                return Words.get("remove.why.nothing");
            }
            if (!p.missingPermissions().isEmpty()) {
                return Words.get("remove.why.permissions", String.join(", ", p.missingPermissions()));
            }
            if (!typed.get().trim().equals(p.org().shortName())) {
                return Words.get("remove.why.type", p.org().shortName());
            }
            return "";
        }, phase, plan, typed);
    }

    public ObjectProperty<Phase> phaseProperty() {
        return phase;
    }

    public ObjectProperty<Removal.Plan> planProperty() {
        return plan;
    }

    public ObjectProperty<Removal.Result> resultProperty() {
        return result;
    }

    public BooleanProperty includeExistingProperty() {
        return includeExisting;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public StringProperty progressProperty() {
        return progress;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty headlineProperty() {
        return headline;
    }
}
