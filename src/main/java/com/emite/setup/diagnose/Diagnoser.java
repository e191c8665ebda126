package com.emite.setup.diagnose;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Looks, read-only, at how a real org answers each inferred API choice (issue: meet the real Genesys Cloud). The
 * client must be signed in. Nothing is written to the org; each check that cannot be answered by reading says so.
 */
public final class Diagnoser {
    private final Blueprint blueprint;
    private final Clock clock;

    public Diagnoser(Blueprint blueprint, Clock clock) {
        this.blueprint = Objects.requireNonNull(blueprint);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Read-only: nothing is written to the org. */
    public Diagnosis run(GenesysClient client) {
        return run(client, null);
    }

    /**
     * With {@code probeJournals} non-null, also probes by writing (see {@link ProbeRun}): throw-away objects with a
     * per-run tag in their names, journalled in that folder before they are made and removed before this returns
     * (or, if the run is cut off, by the next probe run). A probe's observation replaces a read-only "cannot tell".
     */
    public Diagnosis run(GenesysClient client, Path probeJournals) {
        return run(client, probeJournals, () -> false);
    }

    /** As above; {@code stop} is asked between probes (Ctrl-C): no more objects are made, what was made is removed. */
    public Diagnosis run(GenesysClient client, Path probeJournals, java.util.function.BooleanSupplier stop) {
        OrgReads org = new OrgReads(client);
        long before = client.stats().snapshot().calls();
        List<ContractCheck> checks = ContractChecks.all();
        List<Finding> findings = new ArrayList<>();
        for (ContractCheck check : checks) {
            findings.add(guarded(check.entry(), check.assumed(), () -> check.run(org)));
        }
        ProbeOutcome outcome = null;
        if (probeJournals != null) {
            Prober.Result probed = new Prober(probeJournals, stop).run(org, checks, Prober.newTag(clock.instant()));
            outcome = probed.outcome();
            findings.replaceAll(f -> {
                Finding p = probed.findings().get(f.entry());
                return p != null && (p.verdict() != Verdict.CANNOT_TELL || f.verdict() == Verdict.CANNOT_TELL)
                        ? p : f;
            });
            findings.addAll(probed.extra());
        }
        try {
            findings.addAll(UnconfirmedPermissions.look(blueprint, org));
        } catch (GenesysApiException e) {
            rethrowIfFatal(e);
            findings.add(Finding.cannotTell("blueprint unconfirmed permissions", "the catalog has them",
                    "the catalog could not be read: " + e.userMessage()));
        }
        String method = client.signInMethod().map(Enum::name).orElse("none");
        long requests = client.stats().snapshot().calls() - before;
        return new Diagnosis(clock.instant(), client.apiBase().host(), method, findings, org.counts(), requests,
                outcome);
    }

    private static Finding guarded(String entry, String assumed, Supplier<Finding> look) {
        try {
            return look.get();
        } catch (GenesysApiException e) {
            rethrowIfFatal(e);
            return Finding.cannotTell(entry, assumed, "the org refused the read (" + ContractChecks.status(e)
                    + "): " + e.userMessage());
        }
    }

    /** Being signed out, cancelled or cut off says nothing about the choice: stop, and let the face say what to do. */
    private static void rethrowIfFatal(GenesysApiException e) {
        switch (e.kind()) {
            case NOT_SIGNED_IN, CANCELLED, NETWORK, RATE_LIMITED, SERVER_UNAVAILABLE -> throw e;
            default -> {
            }
        }
    }
}
