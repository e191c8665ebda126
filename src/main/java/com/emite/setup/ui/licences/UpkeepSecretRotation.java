package com.emite.setup.ui.licences;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SecretRotations;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.ProvisionException;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.Vault;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * "New secret for the upkeep sign-in" on the Licences tab: the same rotation as {@code rotate-secrets --upkeep-client}
 * ({@link SecretRotations}): Genesys issues a new secret, which is journalled and saved in the vault the moment it
 * arrives and shown nowhere; the daily run reads it from the vault, so its entry stays as it is. All I/O in a task.
 */
public final class UpkeepSecretRotation {
    private final Session session;
    private final SetupService setup;
    private final Executor executor;
    private final BooleanProperty busy;
    private final StringProperty message;
    private final BooleanProperty upkeepSignIn;
    private final Runnable refresh;
    private final StringProperty issued = new SimpleStringProperty(this, "issued", "");

    UpkeepSecretRotation(Session session, SetupService setup, Executor executor, BooleanProperty busy,
                         StringProperty message, BooleanProperty upkeepSignIn, Runnable refresh) {
        this.session = session;
        this.setup = setup;
        this.executor = executor;
        this.busy = busy;
        this.message = message;
        this.upkeepSignIn = upkeepSignIn;
        this.refresh = refresh;
    }

    /** Rotates the upkeep sign-in's secret (the admin has confirmed). The vault must be open. */
    public void rotate() {
        Connection c = session.connection();
        Vault vault = session.vault();
        if (c == null || vault == null || busy.get()) {
            return;
        }
        busy.set(true);
        message.set(Words.get("upkeep.rotating"));
        Tasks.create(p -> {
                    RunStore store = setup.store(vault, c);
                    SecretRotations rotations = new SecretRotations(setup);
                    SecretRotations.Proposal proposal = rotations.propose(c, store, List.of(UpkeepNeed.CLIENT_NAME),
                            ProgressListener.NONE, new CancellationToken());
                    if (proposal.toRotate().isEmpty()) {
                        PlanItem refused = proposal.refused().get(0);
                        throw new ProvisionException(refused.blocker().reason() + " " + refused.blocker().advice());
                    }
                    SecretRotations.Outcome outcome = rotations.rotate(c, store, proposal, ProgressListener.NONE,
                            new CancellationToken());
                    if (!outcome.result().finished()) {
                        throw new ProvisionException(outcome.result().error());
                    }
                    return outcome;
                })
                .onSuccess(o -> {
                    if (session.connection() == c) {
                        message.set(Words.get("upkeep.rotated"));
                    }
                })
                .onProblem(x -> message.set(Words.get("upkeep.rotateFailed", x.message())))
                .andFinally(() -> {
                    busy.set(false);
                    refresh.run();
                })
                .runOn(executor);
    }

    /** Shows when the upkeep sign-in's secret was issued (null: no upkeep sign-in, or its secret is unknown). */
    void showIssued(Instant at) {
        issued.set(at == null ? "" : Words.get("upkeep.secretIssued", at.atZone(ZoneId.systemDefault())
                .toLocalDate(), Duration.between(at, Instant.now()).toDays()));
    }

    /** "Its secret was issued on …, N days ago", or empty. */
    public StringProperty issuedProperty() {
        return issued;
    }

    /** Why the button cannot be pressed (empty when it can). */
    public StringBinding reason() {
        return Bindings.createStringBinding(() -> {
            if (session.connection() == null) {
                return Words.get("upkeep.why.signIn");
            }
            if (session.vault() == null) {
                return Words.get("upkeep.why.vault");
            }
            if (!upkeepSignIn.get()) {
                return Words.get("upkeep.why.noUpkeepSignIn");
            }
            return busy.get() ? Words.get("upkeep.why.busy") : "";
        }, session.connectionProperty(), session.vaultProperty(), upkeepSignIn, busy);
    }
}
