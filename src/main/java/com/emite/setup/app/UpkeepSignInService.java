package com.emite.setup.app;

import com.emite.setup.common.Secret;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.UpkeepClientChoice;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.provision.UpkeepPlans;
import com.emite.setup.vault.AdminClient;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.StoredClient;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The dedicated least-privilege sign-in of the unattended licence upkeep (issue 12, {@link UpkeepNeed}): makes it on
 * request (its role, the role for the signed-in admin, the client; the secret into the vault before anything else)
 * through the engine's planner and executor, and says which sign-in an unattended run uses. The window's "Create the
 * upkeep sign-in" and the command line ({@code apply --with-upkeep-client}, {@code keep-licences}) share it.
 */
public final class UpkeepSignInService {
    private final SetupService setup;

    public UpkeepSignInService(SetupService setup) {
        this.setup = Objects.requireNonNull(setup);
    }

    /** How a request to make (or repair) the upkeep sign-in ended. */
    public enum Verdict {
        /** Made, or repaired (a role permission, its grant, a lost secret): its secret is in the vault. */
        CREATED,
        /** It was there and right, its secret in the vault: nothing was changed. */
        ALREADY_IN_PLACE,
        /** Something stops it (the eMite app is not installed, the admin lacks a right): nothing was changed. */
        BLOCKED,
        /** A request failed or the run was cancelled part-way: run it again, it continues. */
        FAILED
    }

    /**
     * @param verdict how it ended
     * @param summary one sentence in plain English for the command line and the log (the window words its own from
     *                the verdict and the bundle)
     * @param plan    the upkeep-only plan that was applied (or not)
     * @param result  the apply's result; null when nothing was applied
     */
    public record Outcome(Verdict verdict, String summary, Plan plan, ApplyResult result) {
    }

    /**
     * Reads the org and plans the upkeep sign-in alone: what would be created or repaired, and any blocker. Blocks
     * (the same reads as a plan: about a dozen requests); call it off the FX thread.
     *
     * @param takeBack also let the upkeep take licences back from leavers ({@code authorization:grant:delete})
     * @throws com.emite.setup.provision.ProvisionException when Genesys refuses or fails (plain message)
     * @throws com.emite.setup.provision.RunCancelledException when {@code token} was cancelled
     */
    public Plan plan(Connection c, RunStore store, boolean takeBack, ProgressListener listener,
                     CancellationToken token) {
        Choices choices = Choices.defaults().withUpkeepClient(takeBack ? UpkeepClientChoice.WANTED_WITH_TAKE_BACK
                : UpkeepClientChoice.WANTED);
        return UpkeepPlans.only(setup.plan(c, store, choices, listener, token));
    }

    /**
     * Makes (or repairs) the upkeep sign-in: plans it ({@link #plan}) and applies that plan. The new secret is saved
     * in the vault with the journal the moment Genesys returns it. Blocks (the plan's reads, up to four writes, and
     * the wait for the admin's new grant to take effect, up to the grant timeout); call it off the FX thread. Never
     * creates a second client: the client and role are looked up by name first.
     *
     * @throws com.emite.setup.provision.ProvisionException when the plan cannot be read (plain message)
     * @throws com.emite.setup.provision.RunCancelledException when cancelled during the plan's reads (a cancel during
     *                                                         the apply ends in {@link Verdict#FAILED})
     */
    public Outcome create(Connection c, RunStore store, boolean takeBack, ProgressListener listener,
                          CancellationToken token) {
        Plan plan = plan(c, store, takeBack, listener, token);
        if (!plan.preflightProblems().isEmpty() || !plan.requiredBlockers().isEmpty()) {
            PlanItem first = !plan.preflightProblems().isEmpty() ? plan.preflightProblems().get(0)
                    : plan.requiredBlockers().get(0);
            String why = first.blocker() == null ? first.target() : first.blocker().reason() + " "
                    + first.blocker().advice();
            return new Outcome(Verdict.BLOCKED, "The upkeep sign-in was not made: " + why, plan, null);
        }
        if (plan.toApply().isEmpty()) {
            return new Outcome(Verdict.ALREADY_IN_PLACE, "The upkeep sign-in " + UpkeepNeed.CLIENT_NAME + " is in "
                    + "place and its secret is in the vault: keep-licences signs in with it.", plan, null);
        }
        ApplyResult result = setup.apply(c, store, plan, listener, token);
        if (result.status() != Journal.RunStatus.FINISHED) {
            return new Outcome(Verdict.FAILED, "The upkeep sign-in is not complete (" + (result.error() == null
                    ? "the run stopped" : result.error()) + "). What was done is saved; try again and it continues.",
                    plan, result);
        }
        boolean made = plan.toApply().stream().anyMatch(i -> i.kind() == ItemKind.OAUTH_CLIENT
                && i.existingId() == null);
        return new Outcome(Verdict.CREATED, (made ? "Made the upkeep sign-in " : "Repaired the upkeep sign-in ")
                + UpkeepNeed.CLIENT_NAME + ": its secret is in the vault, and keep-licences now signs in with it.",
                plan, result);
    }

    /** The upkeep role's permissions, each with why (for the window's explanation and the docs). */
    public Map<String, String> permissions(boolean takeBack) {
        return UpkeepNeed.permissions(setup.needs().licence().permission(), takeBack);
    }

    /** Which client an unattended run signs in with. */
    public enum SignInChoice {
        /** The upkeep client when the vault holds it, else the admin's remembered client (the default). */
        AUTO,
        /** Only the upkeep client: never the admin's rights (a scheduled entry made after the upkeep client). */
        UPKEEP,
        /** The admin's remembered client. */
        ADMIN
    }

    /** The credentials an unattended run signs in with, and whose they are ({@code upkeep} true: least privilege). */
    public record Credentials(String clientId, Secret secret, boolean upkeep) {
        @Override
        public String toString() {
            return "Credentials[clientId=" + clientId + ", upkeep=" + upkeep + "]";
        }
    }

    /**
     * Picks the sign-in of an unattended run from the org's vault record. Memory only.
     *
     * @return empty when the record holds no client the choice allows
     */
    public static Optional<Credentials> signIn(OrgRecord record, SignInChoice choice) {
        Optional<StoredClient> upkeep = record.client(UpkeepNeed.CLIENT_NAME).filter(c -> !c.secretUnknown()
                && c.secret() != null);
        Optional<AdminClient> admin = record.adminClient();
        Optional<Credentials> fromUpkeep = upkeep.map(c -> new Credentials(c.clientId(), c.secret(), true));
        Optional<Credentials> fromAdmin = admin.map(a -> new Credentials(a.clientId(), a.secret(), false));
        return switch (choice) {
            case UPKEEP -> fromUpkeep;
            case ADMIN -> fromAdmin;
            case AUTO -> fromUpkeep.or(() -> fromAdmin);
        };
    }
}
