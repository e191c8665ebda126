package com.emite.setup.diagnose;

import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.ProbeCalls;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the writing probes of one diagnose run and takes away everything they made, even when a probe fails half-way:
 * first whatever an earlier, interrupted run left (its journal), then this run's probes, then this run's objects.
 */
final class Prober {
    /** What the org now answers for each entry a probe settled, and what the probes did. */
    record Result(Map<String, Finding> findings, List<Finding> extra, ProbeOutcome outcome) {
    }

    private final Path journalDir;
    private final java.util.function.BooleanSupplier stop;

    Prober(Path journalDir, java.util.function.BooleanSupplier stop) {
        this.journalDir = journalDir;
        this.stop = stop;
    }

    /** A tag no other run shares: the time in base 36 and a random tail. */
    static String newTag(Instant now) {
        return "emite-probe-" + Long.toString(now.getEpochSecond(), 36) + "-"
                + Integer.toString(java.util.concurrent.ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    Result run(OrgReads org, List<ContractCheck> checks, String tag) {
        GenesysClient client = org.client();
        ProbeCalls calls = new ProbeCalls(client);
        long writesBefore = client.stats().snapshot().writes();
        int earlier = 0;
        List<String> left = new ArrayList<>();
        String orgId = client.getOrganization().id();
        for (ProbeJournal old : ProbeJournal.leftBehind(journalDir, orgId)) {
            ProbeCleanup cleanup = new ProbeCleanup(calls);
            cleanup.clean(old);
            earlier += cleanup.removed();
            left.addAll(cleanup.problems());
        }
        ProbeJournal journal = ProbeJournal.begin(journalDir, tag, orgId);
        ProbeRun run = new ProbeRun(org, calls, journal, checks).stoppingWhen(stop);
        ProbeCleanup cleanup = new ProbeCleanup(calls);
        int made;
        try {
            run.run();
        } finally {
            made = journal.left().size();
            cleanup.clean(journal);
        }
        run.afterCleanup(cleanup.deleteStatuses());
        left.addAll(cleanup.problems());
        long writes = client.stats().snapshot().writes() - writesBefore;
        return new Result(run.found(), run.extra(), new ProbeOutcome(tag, made, cleanup.removed(), left, earlier, writes,
                run.probeClientRequests() + calls.pageRequests(), run.stopped()));
    }
}
