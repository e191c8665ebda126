package com.emite.setup.cli;

import com.emite.setup.app.Diagnostics;
import com.emite.setup.diagnose.DiagnosisReport;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;

/**
 * {@code diagnose}: a read-only look at how the org answers each inferred API choice; prints a line per choice and
 * keeps the same as JSON (no secrets, counts only) in the data folder for the admin to send to us. Exit 3 when the
 * org differs from an assumption (the team corrects {@code ApiContract}), else 0.
 */
final class CliDiagnose {
    /** What a probe run makes, for the question asked before it (and docs/LIVE.md). */
    static final String PROBE_MAKES = "two groups (up to 50 users added for a moment), one role with no permissions "
            + "(granted to up to 50 users for a moment), up to three OAuth clients, one client app (disabled)";
    /** The built-in sandbox's agents for diagnose: its probes try batches of 50 users, so the org needs more. */
    static final int SANDBOX_AGENTS = 60;
    private final CliOptions o;
    private final CliIO io;
    private final Path dataDir;
    private final boolean json;
    private final JsonObject out;

    CliDiagnose(CliOptions o, CliIO io, Path dataDir, boolean json, JsonObject out) {
        this.o = o;
        this.io = io;
        this.dataDir = dataDir;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        if (o.has("--probe") && o.has("--read-only")) {
            throw new UsageException("Give --probe or --read-only, not both.");
        }
        // The built-in sandbox's org lives for this one command: probing it changes nothing anyone keeps.
        boolean probe = !o.has("--read-only") && (o.has("--probe") || s.connection.isSandbox());
        if (probe && !s.connection.isSandbox() && !o.has("--yes") && !confirm(s.connection.org().name())) {
            io.err().println("Nothing was changed. Run diagnose without --probe for the read-only look.");
            return CliMain.BLOCKED;
        }
        Diagnostics.Result r = probe ? probing(s) : new Diagnostics(dataDir).run(s.connection, false);
        if (r.keepProblem() != null) {
            io.err().println(r.keepProblem());
        }
        if (json) {
            out.add("diagnosis", JsonParser.parseString(DiagnosisReport.json(r.diagnosis())));
        } else {
            DiagnosisReport.lines(r.diagnosis()).forEach(io.out()::println);
            if (r.kept() != null) {
                io.out().println("Kept as " + r.kept() + " (no secrets, no names: send it to the eMite Setup team).");
            }
        }
        if (r.diagnosis().probed() && !r.diagnosis().probe().clean()) {
            return CliMain.ERROR;
        }
        return r.diagnosis().nothingDiffers() ? CliMain.OK : CliMain.DRIFT;
    }

    /**
     * Probes with a Ctrl-C hook: a stop request ends the probes after the one running, and the hook waits (up to a
     * minute) while what they made is removed, so an interrupted run leaves nothing behind it could have removed.
     */
    private Diagnostics.Result probing(CliSession s) {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emite-setup-probe-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return new Diagnostics(dataDir).run(s.connection, true, stop::get);
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it has just been released
            }
        }
    }

    private boolean confirm(String org) {
        String answer = io.readLine("diagnose --probe makes in " + org + ": " + PROBE_MAKES + ", each named "
                + "\"emite-probe-<time>-… (eMite Setup diagnose probe, removed at once)\", watches how the org "
                + "answers, and removes all of them before it ends (an interrupted run's objects are removed by the "
                + "next one). Type yes to go on: ");
        if (answer == null) {
            io.err().println("No answer on standard input: add --yes to probe without a question.");
            return false;
        }
        return answer.trim().equalsIgnoreCase("yes");
    }
}
