package com.emite.setup.ui.licences;

import com.emite.setup.app.Connection;
import com.emite.setup.app.LicenceSchedules;
import com.emite.setup.app.OrgDirectory;
import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.app.UpkeepSignInService;
import com.emite.setup.common.Secret;
import com.emite.setup.region.Environment;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.Keychain;
import com.emite.setup.vault.RememberedPasswords;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The Licences tab's after-day-one part: how many agents each division has and how many hold their eMite role
 * ({@link DivisionCounts}), and "keep licences up to date every day": the operating system's entry (through
 * {@link LicenceSchedules}, as the command line's {@code schedule}), what the daily run needs (a sign-in the vault
 * remembers, the vault password in the keychain) and the last run's result ({@link UpkeepState}). All I/O in tasks.
 */
public final class LicenceUpkeepModel {
    private final Session session;
    private final SetupService setup;
    private final SignInService signIn;
    private final UpkeepPorts ports;
    private final Executor executor;

    private final DivisionCounts counts;
    private final UpkeepSecretRotation secretRotation;

    private final BooleanProperty scheduled = new SimpleBooleanProperty(this, "scheduled");
    private final StringProperty scheduleText = new SimpleStringProperty(this, "scheduleText", "");
    /** The scheduler's words when this computer has no scheduler we can use; empty when it has one. */
    private final StringProperty schedulerProblem = new SimpleStringProperty(this, "schedulerProblem", "");
    private final StringProperty lastRun = new SimpleStringProperty(this, "lastRun", "");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty time = new SimpleStringProperty(this, "time", "06:00");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final BooleanProperty signInRemembered = new SimpleBooleanProperty(this, "signInRemembered");
    private final BooleanProperty passwordKept = new SimpleBooleanProperty(this, "passwordKept");
    private final BooleanProperty upkeepSignIn = new SimpleBooleanProperty(this, "upkeepSignIn");
    private final BooleanProperty creating = new SimpleBooleanProperty(this, "creating");
    private final ObjectProperty<String> shortName = new SimpleObjectProperty<>(this, "shortName");
    private Keychain keychain;

    public LicenceUpkeepModel(Session session, SetupService setup, SignInService signIn, UpkeepPorts ports,
                              Executor executor) {
        this.session = session;
        this.setup = setup;
        this.signIn = signIn;
        this.ports = ports;
        this.executor = executor;
        this.counts = new DivisionCounts(session, setup, executor);
        this.secretRotation = new UpkeepSecretRotation(session, setup, executor, busy, message, upkeepSignIn,
                this::refresh);
        // Nothing of one org stays when another is signed in to (or the admin signs out).
        session.connectionProperty().addListener((obs, old, c) -> {
            counts.clear();
            clearSchedule();
            refresh();
        });
        session.vaultProperty().addListener((obs, old, v) -> refresh());
    }

    private void clearSchedule() {
        scheduled.set(false);
        scheduleText.set("");
        schedulerProblem.set("");
        lastRun.set("");
        message.set("");
        signInRemembered.set(false);
        passwordKept.set(false);
        upkeepSignIn.set(false);
        shortName.set(null);
    }

    /** Counts each division's agents and licensed agents (one pass over the active users), once per sign-in. */
    public void countAgents(boolean again) {
        counts.count(again);
    }

    /** Reads the org's entry, its record in the vault, the keychain and the newest report. */
    public void refresh() {
        Connection c = session.connection();
        Vault vault = session.vault();
        if (c == null) {
            return;
        }
        Path vaultFile = session.vaultFile();
        busy.set(true);
        Tasks.create(p -> UpkeepState.read(c, vault, vaultFile, setup.dataDir(), schedules(), keychain()))
                .onSuccess(s -> {
                    if (session.connection() == c) {
                        show(s);
                    }
                })
                .onProblem(x -> message.set(x.message()))
                .andFinally(() -> busy.set(false))
                .runOn(executor);
    }

    private void show(UpkeepState s) {
        shortName.set(s.shortName());
        scheduled.set(s.status().installed());
        scheduleText.set(s.status().installed() ? Words.get("upkeep.installed", s.kind(), s.status().where())
                : Words.get("upkeep.notInstalled"));
        schedulerProblem.set(s.scheduleProblem() == null ? "" : s.scheduleProblem());
        signInRemembered.set(s.signIn());
        upkeepSignIn.set(s.upkeep());
        passwordKept.set(s.password());
        lastRun.set(s.lastRun());
        secretRotation.showIssued(s.upkeepIssued());
    }

    private LicenceSchedules schedules() {
        return new LicenceSchedules(ports.scheduler().apply(setup.dataDir()));
    }

    private synchronized Keychain keychain() {
        if (keychain == null) {
            keychain = ports.keychain().get();
        }
        return keychain;
    }

    /** Installs the daily entry at {@link #timeProperty()} (local time). */
    public void turnOn() {
        Connection c = session.connection();
        Optional<LocalTime> at = at();
        String name = shortName.get();
        if (c == null || at.isEmpty() || name == null) {
            return;
        }
        LicenceSchedules.Request request = new LicenceSchedules.Request(name, at.get(), session.vaultFile(),
                setup.dataDir(), null, false,
                // As the command line does: once the upkeep client exists, the run never falls back to the admin's.
                upkeepSignIn.get() ? "upkeep" : "auto", passed(c.environment()));
        act(() -> schedules().install(request), Words.get("upkeep.turnedOn", at.get()));
    }

    /** Takes the daily entry out. */
    public void turnOff() {
        String name = shortName.get();
        if (name != null) {
            act(() -> schedules().remove(name), Words.get("upkeep.turnedOff"));
        }
    }

    /**
     * Keeps the sign-in client the daily run uses in the vault, after signing in with it once to prove it reaches
     * this org (a client of another org, or a wrong secret, is refused before anything is kept).
     */
    public void rememberSignIn(String clientId, String secret) {
        Connection c = session.connection();
        Vault vault = session.vault();
        if (c == null || vault == null || clientId.isBlank() || secret.isEmpty()) {
            return;
        }
        Secret s = Secret.of(secret);
        act(() -> {
            Connection test = signIn.clientCredentials(c.environment(), clientId.trim(), s);
            try {
                if (!test.org().id().equals(c.org().id())) {
                    throw new IllegalArgumentException(Words.get("upkeep.otherOrg", test.org().name()));
                }
            } finally {
                test.close();
            }
            vault.contents().org(c.org().id()).rememberAdminClient(clientId.trim(), s);
            vault.save();
            return null;
        }, Words.get("upkeep.signInKept"));
    }

    /**
     * "Create the upkeep sign-in": the dedicated least-privilege OAuth client of {@link UpkeepSignInService} (made by
     * the engine's planner and executor; its secret goes into the vault). Pressing again repairs, never duplicates.
     */
    public void createUpkeepSignIn() {
        Connection c = session.connection();
        Vault vault = session.vault();
        if (c == null || vault == null || creating.get()) {
            return;
        }
        creating.set(true);
        busy.set(true);
        message.set(Words.get("upkeep.creating"));
        Tasks.create(p -> new UpkeepSignInService(setup).create(c, setup.store(vault, c), false,
                        com.emite.setup.provision.ProgressListener.NONE, new com.emite.setup.provision.CancellationToken()))
                .onSuccess(o -> {
                    if (session.connection() != c) {
                        return;
                    }
                    String why = o.plan() == null || o.plan().requiredBlockers().isEmpty() ? ""
                            : o.plan().requiredBlockers().get(0).blocker().reason() + " "
                            + o.plan().requiredBlockers().get(0).blocker().advice();
                    String failed = o.result() == null || o.result().error() == null ? "" : o.result().error();
                    message.set(Words.get("upkeep.created." + o.verdict().name(), why, failed));
                })
                .onProblem(x -> message.set(Words.get("upkeep.createFailed", x.message())))
                .andFinally(() -> {
                    creating.set(false);
                    busy.set(false);
                    refresh();
                })
                .runOn(executor);
    }

    /** Why "Create the upkeep sign-in" cannot be pressed (empty when it can). */
    public StringBinding createReason() {
        return Bindings.createStringBinding(() -> {
            if (session.connection() == null) {
                return Words.get("upkeep.why.signIn");
            }
            if (session.vault() == null) {
                return Words.get("upkeep.why.vault");
            }
            if (upkeepSignIn.get()) {
                return Words.get("upkeep.why.inPlace");
            }
            return busy.get() ? Words.get("upkeep.why.busy") : "";
        }, session.connectionProperty(), session.vaultProperty(), upkeepSignIn, busy);
    }

    /** The rights the upkeep client gets, one line each (permission: why). */
    public String upkeepRights() {
        StringBuilder sb = new StringBuilder();
        new UpkeepSignInService(setup).permissions(false).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "\n")
                .append(k).append(": ").append(v));
        return sb.toString();
    }

    public BooleanProperty upkeepSignInProperty() {
        return upkeepSignIn;
    }

    /** "New secret for the upkeep sign-in". */
    public UpkeepSecretRotation secretRotation() {
        return secretRotation;
    }

    /** Keeps the vault password in this computer's keychain (checked against the open vault first). */
    public void keepPassword(String password) {
        Vault vault = session.vault();
        Path file = session.vaultFile();
        if (vault == null || password.isEmpty()) {
            return;
        }
        Secret s = Secret.of(password);
        act(() -> {
            if (!vault.isPassword(s)) {
                throw new IllegalArgumentException(Words.get("upkeep.wrongPassword"));
            }
            RememberedPasswords r = new RememberedPasswords(keychain());
            if (!r.isAvailable() || !r.remember(file, s)) {
                throw new IllegalStateException(Words.get("upkeep.noKeychain"));
            }
            return null;
        }, Words.get("upkeep.passwordKept"));
    }

    private void act(java.util.concurrent.Callable<Object> work, String done) {
        Connection c = session.connection();
        busy.set(true);
        message.set("");
        Tasks.create(p -> work.call())
                .onSuccess(x -> {
                    if (session.connection() == c) {
                        message.set(done);
                    }
                })
                .onError(IllegalArgumentException.class, e -> message.set(e.getMessage()))
                .onProblem(x -> message.set(x.message()))
                .andFinally(() -> {
                    busy.set(false);
                    refresh();
                })
                .runOn(executor);
    }

    /** A custom environment or the sandbox is passed on to the run; a region is found from the vault's record. */
    private static Map<String, String> passed(Environment env) {
        Map<String, String> m = new LinkedHashMap<>();
        if (env.kind() != Environment.Kind.PRODUCTION) {
            m.put("--api-base", env.apiBaseUrl().toString());
            m.put("--login-base", env.loginBaseUrl().toString());
            env.region().ifPresent(r -> m.put("--region", r.genesysRegionId()));
        }
        return m;
    }

    /** The time typed, as HH:MM on a 24-hour clock; empty when it is not one. */
    public Optional<LocalTime> at() {
        String t = time.get() == null ? "" : time.get().trim();
        try {
            return Optional.of(LocalTime.parse(t.length() == 4 ? "0" + t : t));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Why the daily entry cannot be turned on now (empty when it can). */
    public StringBinding turnOnReason() {
        return Bindings.createStringBinding(() -> {
            if (session.connection() == null) {
                return Words.get("upkeep.why.signIn");
            }
            if (!schedulerProblem.get().isEmpty()) {
                return schedulerProblem.get(); // opening the vault would not help: say the real obstacle first
            }
            if (session.vault() == null) {
                return Words.get("upkeep.why.vault");
            }
            if (!signInRemembered.get()) {
                return Words.get("upkeep.why.signInRemembered");
            }
            if (!passwordKept.get()) {
                return Words.get("upkeep.why.password");
            }
            if (at().isEmpty()) {
                return Words.get("upkeep.why.time");
            }
            return busy.get() ? Words.get("upkeep.why.busy") : "";
        }, session.connectionProperty(), session.vaultProperty(), schedulerProblem, signInRemembered, passwordKept, time,
                busy);
    }

    public BooleanBinding vaultOpen() {
        return session.vaultOpen();
    }

    /** The counts are of an older plan (after a check or an apply): the next look at the tab counts again. */
    public void countsStale() {
        counts.stale();
    }

    public ObservableList<OrgDirectory.DivisionAgents> counts() {
        return counts.counts();
    }

    public StringProperty countsNoteProperty() {
        return counts.noteProperty();
    }

    public BooleanProperty countingProperty() {
        return counts.countingProperty();
    }

    public BooleanProperty scheduledProperty() {
        return scheduled;
    }

    public StringProperty scheduleTextProperty() {
        return scheduleText;
    }

    public StringProperty lastRunProperty() {
        return lastRun;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty timeProperty() {
        return time;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public BooleanProperty signInRememberedProperty() {
        return signInRemembered;
    }

    public BooleanProperty passwordKeptProperty() {
        return passwordKept;
    }
}
