package com.emite.setup.ui.form;

import java.util.ArrayList;
import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.ProvisionException;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.app.SecretRotations;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.RunStore;
import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;
import com.emite.setup.app.ErrorCode;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The Form tab's state: the Integration Details Form, secrets masked with Reveal and Copy (the clipboard clears itself
 * after 30 s and shows the countdown), the show-once panel for secrets an apply just got, and Export.
 */
public final class FormViewModel {
    private final Session session;
    private final SetupService setup;
    private final Executor executor;
    private final SecretClipboard clipboard;

    private final ReadOnlyObjectWrapper<IntegrationForm> form = new ReadOnlyObjectWrapper<>(this, "form");
    private ChangeReport report;
    private final ObservableList<ClientRow> clients = FXCollections.observableArrayList();
    private final ObservableList<ClientRow> newSecrets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper newSecretsPending = new ReadOnlyBooleanWrapper(this, "newSecretsPending");
    private final BooleanProperty savedConfirmed = new SimpleBooleanProperty(this, "savedConfirmed", false);
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper(this, "countdown", "");
    private final BooleanProperty includeSecrets = new SimpleBooleanProperty(this, "includeSecrets", false);
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(this, "exporting", false);
    private final ReadOnlyStringWrapper exportStatus = new ReadOnlyStringWrapper(this, "exportStatus", "");
    private final ReadOnlyStringWrapper kept = new ReadOnlyStringWrapper(this, "kept", "");
    private final ReadOnlyStringWrapper rotation = new ReadOnlyStringWrapper(this, "rotation", "");
    private final ReadOnlyBooleanWrapper rotating = new ReadOnlyBooleanWrapper(this, "rotating", false);
    private final ObjectProperty<Problem> problem = new SimpleObjectProperty<>(this, "problem");
    private final BooleanBinding vaultOpen;

    public FormViewModel(Session session, SetupService setup, Executor executor, SecretClipboard clipboard) {
        this.session = Objects.requireNonNull(session);
        this.setup = Objects.requireNonNull(setup);
        this.executor = Objects.requireNonNull(executor);
        this.clipboard = Objects.requireNonNull(clipboard);
        this.vaultOpen = session.vaultOpen();
        clipboard.addListener(new SecretClipboard.Listener() {
            @Override
            public void countdown(int secondsLeft) {
                countdown.set(Words.get("form.clipboardClears", String.valueOf(secondsLeft)));
            }

            @Override
            public void cleared(SecretClipboard.ClearReason reason) {
                countdown.set(switch (reason) {
                    case TIMEOUT, MANUAL -> Words.get("form.clipboardCleared");
                    case LOCK -> Words.get("form.clipboardClearedLock");
                    default -> "";
                });
            }
        });
        session.vaultProperty().addListener((obs, old, v) -> {
            if (v == null) {
                clients.forEach(ClientRow::forget);
                newSecrets.forEach(ClientRow::forget);
            } else {
                reloadSecrets();
            }
        });
        session.connectionProperty().addListener((obs, old, c) -> clear());
    }

    private void clear() {
        form.set(null);
        report = null;
        clients.clear();
        newSecrets.clear();
        newSecretsPending.set(false);
        savedConfirmed.set(false);
        exportStatus.set("");
        kept.set("");
        rotation.set("");
        problem.set(null);
        // Secrets in clear are a per-export decision for this org: never carried over to the next sign-in.
        includeSecrets.set(false);
    }

    /**
     * Where an export into the chosen folder goes: a folder named after the org and the day
     * ({@code eMite form acme 2026-11-29}), so exports of two orgs or two days never mix.
     */
    public Path exportTarget(Path chosen) {
        IntegrationForm f = form.get();
        String org = f == null || f.shortName() == null ? "org" : f.shortName().replaceAll("[^A-Za-z0-9._-]", "_");
        return chosen.resolve(Words.get("form.exportName", org, java.time.LocalDate.now().toString()));
    }

    /** Shows a form; {@code fresh} are secrets an apply just got (shown once, until the admin confirms). */
    public void show(SetupService.Handover h, List<NewSecret> fresh) {
        IntegrationForm before = form.get();
        IntegrationForm next = h.form();
        // Only the time it was made differs: keep the form on show (its view would rebuild every row).
        if (before == null || !next.with(next.clients(), next.includeSecrets(), before.generatedAt()).equals(before)) {
            form.set(next);
        }
        report = h.report();
        // The same clients as shown: keep the rows (each row is a card of text fields and buttons; rebuilding them
        // on every check cost the FX thread a visible stall on a large org, issue #10).
        if (before == null || !before.clients().equals(h.form().clients())) {
            clients.setAll(h.form().clients().stream().map(c -> {
            ClientRow row = new ClientRow(c.name(), c.purpose(), c.clientId(), c.secret(), vaultOpen);
            row.issuedAtProperty().set(c.issuedAt());
            return row;
        }).toList());
        }
        if (!fresh.isEmpty()) {
            newSecrets.setAll(fresh.stream().map(n -> new ClientRow(n.clientName(), "", n.clientId(), n.secret(),
                    vaultOpen)).toList());
            savedConfirmed.set(false);
            newSecretsPending.set(true);
        }
        if (!h.kept().isEmpty()) {
            kept.set(Words.get("form.kept", h.kept().get(0).getParent()));
        }
    }

    /** Copies a secret: the clipboard clears itself after 30 s (the countdown shows it). */
    public void copySecret(ClientRow row) {
        Secret s = row.secretProperty().get();
        if (s != null) {
            clipboard.copy(s);
        }
    }

    /** Copies a value that is not secret (client id, short name, redirect URL). */
    public void copyText(String text) {
        if (text != null && !text.isEmpty()) {
            clipboard.copyText(text);
        }
    }

    public void clearClipboard() {
        clipboard.clearNow();
    }

    /**
     * Rotates one client's secret (the admin has confirmed): reads the org, resets the secret, saves the new one in
     * the vault the moment Genesys returns it, keeps the updated form and shows the new secret once. The vault must
     * be open.
     */
    public void rotate(String clientName) {
        Vault v = session.vault();
        Connection c = session.connection();
        if (c == null || rotating.get()) {
            return;
        }
        if (v == null) {
            problem.set(Problems.of(ErrorCode.INPUT_INVALID, Words.get("form.openVaultForNew")));
            return;
        }
        rotating.set(true);
        problem.set(null);
        rotation.set(Words.get("rotate.running", clientName));
        Tasks.create(p -> {
                    RunStore store = setup.store(v, c);
                    SecretRotations rotations = new SecretRotations(setup);
                    SecretRotations.Proposal proposal = rotations.propose(c, store, List.of(clientName), null,
                            null);
                    if (proposal.toRotate().isEmpty()) {
                        PlanItem refused = proposal.refused().get(0);
                        throw new ProvisionException(refused.blocker().reason() + " " + refused.blocker().advice());
                    }
                    SecretRotations.Outcome outcome = rotations.rotate(c, store, proposal, null, null);
                    if (!outcome.result().finished()) {
                        throw new ProvisionException(outcome.result().error());
                    }
                    List<NewSecret> fresh = new ArrayList<>();
                    for (String name : outcome.rotated()) {
                        RunStore.StoredSecret s = store.client(name);
                        fresh.add(new NewSecret(name, s.clientId(), s.secret()));
                    }
                    return Map.entry(outcome.handover(), fresh);
                })
                .onSuccess(done -> {
                    show(done.getKey(), done.getValue());
                    rotation.set(Words.get("rotate.done", clientName));
                })
                .onProblem(p -> {
                    rotation.set(Words.get("rotate.failed", clientName, p.message()));
                    problem.set(p);
                })
                .andFinally(() -> rotating.set(false))
                .runOn(executor);
    }

    /** What the last rotation did ("send this form to eMite now"), or empty. */
    public ReadOnlyStringProperty rotationProperty() {
        return rotation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty rotatingProperty() {
        return rotating.getReadOnlyProperty();
    }

    /** "I have saved them": the show-once panel closes. */
    public void confirmSaved() {
        if (savedConfirmed.get()) {
            newSecrets.forEach(r -> r.revealedProperty().set(false));
            newSecrets.clear();
            newSecretsPending.set(false);
        }
    }

    /** Reads the secrets again from the vault (after it was opened again). */
    private void reloadSecrets() {
        Vault v = session.vault();
        Connection c = session.connection();
        if (v == null || c == null || (clients.isEmpty() && newSecrets.isEmpty())) {
            return;
        }
        Tasks.create(p -> secretsOf(setup.store(v, c)))
                .onSuccess(secrets -> {
                    for (ClientRow r : clients) {
                        r.secretProperty().set(matching(secrets, r));
                        RunStore.StoredSecret s = secrets.get(r.name());
                        r.issuedAtProperty().set(matching(secrets, r) == null ? null : s.issuedAt());
                    }
                    for (ClientRow r : newSecrets) {
                        r.secretProperty().set(matching(secrets, r));
                    }
                })
                .onProblem(problem::set)
                .runOn(executor);
    }

    private Map<String, RunStore.StoredSecret> secretsOf(RunStore store) {
        Map<String, RunStore.StoredSecret> out = new HashMap<>();
        for (ClientRow r : List.copyOf(clients)) {
            RunStore.StoredSecret s = store.client(r.name());
            if (s != null) {
                out.put(r.name(), s);
            }
        }
        for (ClientRow r : List.copyOf(newSecrets)) {
            RunStore.StoredSecret s = store.client(r.name());
            if (s != null) {
                out.put(r.name(), s);
            }
        }
        return out;
    }

    private static Secret matching(Map<String, RunStore.StoredSecret> secrets, ClientRow r) {
        RunStore.StoredSecret s = secrets.get(r.name());
        return s != null && s.clientId().equals(r.clientId()) ? s.secret() : null;
    }

    /**
     * Writes the form (HTML + JSON) and the change report into {@code dir}. The vault must be open: the secrets are
     * read from it (and written in clear only when "include secrets" is ticked; the file then says so on top).
     */
    public void export(Path dir) {
        IntegrationForm f = form.get();
        Vault v = session.vault();
        Connection c = session.connection();
        if (f == null || c == null || exporting.get()) {
            return;
        }
        if (v == null) {
            problem.set(Problems.of(ErrorCode.INPUT_INVALID, Words.get("form.openVaultForForm")));
            return;
        }
        boolean include = includeSecrets.get();
        ChangeReport r = report;
        exporting.set(true);
        problem.set(null);
        exportStatus.set(Words.get("form.saving"));
        Tasks.create(p -> {
                    RunStore store = setup.store(v, c);
                    IntegrationForm withSecrets = f.with(f.clients().stream().map(e -> {
                                RunStore.StoredSecret s = store.client(e.name());
                                Secret secret = s != null && e.clientId() != null && e.clientId().equals(s.clientId())
                                        ? s.secret() : null;
                                return new IntegrationForm.ClientEntry(e.name(), e.purpose(), e.clientId(), secret);
                            }).toList(), include, f.generatedAt());
                    return setup.export(dir, withSecrets, r, include);
                })
                .onSuccess(files -> exportStatus.set(Words.get("form.saved", String.valueOf(files.size()), dir,
                        String.join(", ", files.stream().map(x -> x.getFileName().toString()).toList())) + " "
                        + Words.get(include ? "form.savedWithSecrets" : "form.savedMasked")))
                .onProblem(p -> {
                    exportStatus.set("");
                    problem.set(p);
                })
                .andFinally(() -> exporting.set(false))
                .runOn(executor);
    }

    public ReadOnlyObjectProperty<IntegrationForm> formProperty() {
        return form.getReadOnlyProperty();
    }

    public ObservableList<ClientRow> clients() {
        return clients;
    }

    /** Secrets an apply just got, for the show-once panel. */
    public ObservableList<ClientRow> newSecrets() {
        return newSecrets;
    }

    public ReadOnlyBooleanProperty newSecretsPendingProperty() {
        return newSecretsPending.getReadOnlyProperty();
    }

    public BooleanProperty savedConfirmedProperty() {
        return savedConfirmed;
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public BooleanProperty includeSecretsProperty() {
        return includeSecrets;
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty exportStatusProperty() {
        return exportStatus.getReadOnlyProperty();
    }

    /** Where apply kept a copy of the form and the change report. */
    public ReadOnlyStringProperty keptProperty() {
        return kept.getReadOnlyProperty();
    }

    public ObjectProperty<Problem> problemProperty() {
        return problem;
    }

    public BooleanBinding vaultOpenProperty() {
        return vaultOpen;
    }

    public ChangeReport report() {
        return report;
    }
}
