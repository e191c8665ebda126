package com.emite.setup.app;

import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.FormBuilder;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.SecretRotation;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * Rotating client secrets on purpose, the same for the window and the command line: propose (read the org, say per
 * client what eMite loses), then, once the admin confirmed, rotate (each new secret saved in the vault the moment it
 * arrives) and keep the form that marks the new secrets. Every method blocks: call it in a background task.
 */
public final class SecretRotations {
    private final SetupService setup;

    public SecretRotations(SetupService setup) {
        this.setup = Objects.requireNonNull(setup);
    }

    /** What a rotation would do: one reset per client to rotate, and the clients it cannot rotate (and why). */
    public record Proposal(Plan current, Plan resets) {
        public List<PlanItem> toRotate() {
            return resets.toApply();
        }

        public List<PlanItem> refused() {
            return resets.items().stream().filter(i -> i.blocker() != null).toList();
        }
    }

    /** What a rotation did, and the form to send to eMite now. */
    public record Outcome(ApplyResult result, SetupService.Handover handover) {
        public List<String> rotated() {
            return result.outcomes().stream().filter(ApplyResult.Outcome::done).map(o -> o.item().target())
                    .toList();
        }
    }

    /**
     * Reads the org (with the WFM clients, so they rotate too when the org has them) and proposes a reset for each
     * of {@code clientNames}; empty means every eMite client the org has. Reads only.
     */
    public Proposal propose(Connection c, RunStore store, List<String> clientNames, ProgressListener listener,
                            CancellationToken token) {
        Plan current = setup.plan(c, store, Choices.defaults().withWfm(true), listener, token);
        return new Proposal(current, SecretRotation.plan(current, clientNames));
    }

    /** Rotates as proposed and keeps the updated form (secrets masked) in the data folder's forms folder. */
    public Outcome rotate(Connection c, RunStore store, Proposal p, ProgressListener listener, CancellationToken token)
            throws IOException {
        ApplyResult result = setup.apply(c, store, p.resets(), listener, token);
        IntegrationForm form = FormBuilder.afterRotation(p.current(), result, setup.needs(), store);
        ChangeReport report = new ChangeReport(p.current().org().orgName(), p.current().org().shortName(),
                result.runId(), result.changes(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return new Outcome(result, setup.keep(new SetupService.Handover(form, report, List.of())));
    }
}
