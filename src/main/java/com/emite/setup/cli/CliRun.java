package com.emite.setup.cli;

import com.emite.setup.app.SetupService;
import com.emite.setup.genesys.CallStats;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Executor;
import com.emite.setup.provision.FormBuilder;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.ProvisionException;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One run of a command that signs in: its choices, the session, and plan, verify, apply or export-form (the other
 * signed-in commands have classes of their own). {@link CliMain} maps what it throws to an exit code.
 */
final class CliRun {

    final Command command;
    final CliOptions o;
    final CliIO io;
    final boolean hook;
    final Path dataDir;
    final CliHooks hooks;
    final boolean json;
    final Needs needs = BlueprintNeeds.standard();
    final CancellationToken token = new CancellationToken();
    final JsonObject out = new JsonObject();
    /** Released when the command's output is complete (a Ctrl-C waits for it). */
    final CountDownLatch finished = new CountDownLatch(1);

    CliRun(Command command, CliOptions o, CliIO io, boolean hook, Path dataDir, CliHooks hooks) {
        this.hooks = hooks;
        this.command = command;
        this.o = o;
        this.io = io;
        this.hook = hook;
        this.dataDir = dataDir;
        this.json = o.has("--json");
        out.addProperty("command", command.word());
    }

    int go() {
        Choices choices = hooks.choices(command, new CliChoices(command, o, needs).parse());
        CallStats stats = null;
        int code = CliMain.ERROR;
        boolean remembered = command == Command.KEEP_LICENCES
                || o.has("--org") && CliSignIn.noSignInGiven(o);
        try (CliSession s = remembered ? CliSession.connectRemembered(o, io, dataDir)
                : CliSession.connect(o, io, dataDir)) {
            stats = s.client.stats();
            code = switch (command) {
                case PLAN -> plan(s, choices);
                case APPLY -> apply(s, choices);
                case VERIFY -> verify(s, choices);
                case EXPORT_FORM -> exportForm(s);
                case ROTATE_SECRETS -> new CliRotate(o, io, setup(), token, json, out).run(s);
                case DIAGNOSE -> new CliDiagnose(o, io, dataDir, json, out).run(s);
                case KEEP_LICENCES -> new CliKeepLicences(o, io, setup(), choices, token, json, out).run(s);
                case REMOVE -> new CliRemove(o, io, needs, json, out).run(s);
                case SCHEDULE, ORGS -> throw new IllegalStateException(command.word() + " needs no sign-in");
            };
            if (json) {
                out.addProperty("exitCode", code);
                io.out().println(PlanText.json(out));
            }
            io.out().flush();
            return code;
        } finally {
            hooks.finished(stats, code);
            finished.countDown();
        }
    }

    ProgressLine progress() {
        return new ProgressLine(io.err(), io.interactive());
    }

    Plan makePlan(CliSession s, Choices choices, ProgressLine pl) {
        try {
            return setup().plan(s.connection, s.store, choices, pl, token);
        } finally {
            pl.finish();
        }
    }

    void note(CliSession s) {
        if (s.storeNote != null) {
            io.err().println(s.storeNote);
        }
    }

    /** The read-only part of plan and verify: the vault (journal), the plan, and its JSON form when asked. */
    private Plan readPlan(CliSession s, Choices choices) {
        s.openVault(o, io, false);
        note(s);
        Plan plan = makePlan(s, choices, progress());
        if (json) {
            out.add("plan", PlanText.planJson(plan));
        }
        return plan;
    }

    int plan(CliSession s, Choices choices) {
        Plan plan = readPlan(s, choices);
        if (!json) {
            io.out().print(PlanText.plan(plan, true));
        }
        return blockedOrOk(plan);
    }

    int verify(CliSession s, Choices choices) {
        Plan plan = readPlan(s, choices);
        if (!json) {
            io.out().print(PlanText.verify(plan));
        }
        boolean tooOld = CliRotate.secretAges(plan, s.store, o, io, json, out);
        if (!plan.drift().isEmpty() || tooOld) {
            return CliMain.DRIFT;
        }
        return blockedOrOk(plan);
    }

    int blockedOrOk(Plan plan) {
        return SetupService.verdict(plan, false) == SetupService.Verdict.OK ? CliMain.OK : CliMain.BLOCKED;
    }

    int apply(CliSession s, Choices choices) {
        s.openVault(o, io, true);
        note(s);
        if (o.has("--remember-sign-in")) {
            io.err().println(s.rememberSignIn() ? "The sign-in client is kept in the vault: keep-licences can "
                    + "now sign in with no person present." : "--remember-sign-in keeps a client id and secret "
                    + "only: this sign-in was not one, so nothing was kept.");
        }
        ProgressLine pl = progress();
        Plan plan = makePlan(s, choices, pl);
        if (json) {
            out.add("plan", PlanText.planJson(plan));
        } else {
            io.out().print(PlanText.plan(plan, false));
        }
        if (!plan.preflightProblems().isEmpty()) {
            io.err().println("Nothing was changed: your account lacks permissions this setup needs (listed "
                    + "above). Ask a Genesys Cloud admin to give them to you, or sign in with an account that "
                    + "has them.");
            return CliMain.BLOCKED;
        }
        if (!plan.toApply().isEmpty() && !o.has("--yes") && !confirm(plan)) {
            io.err().println("Nothing was changed.");
            return CliMain.ERROR;
        }
        Duration timeout = Duration.ofSeconds(o.intValue("--grant-timeout",
                (int) Executor.DEFAULT_GRANT_TIMEOUT.toSeconds()));
        SetupService setup = new SetupService(needs, dataDir, timeout, Duration.ofSeconds(o.intValue(
                "--step-timeout", (int) Executor.DEFAULT_STEP_DEADLINE.toSeconds())));
        // Ctrl-C (or a plain kill) runs the shutdown hook: it asks the run to stop after the request in flight and
        // waits until the journal is saved and the report printed.
        Thread cancelHook = hook ? new Thread(() -> {
            // The same "stop after the current request and save" as the window uses on close.
            setup.stopAll(Duration.ofSeconds(60));
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "emite-setup-cancel") : null;
        if (cancelHook != null) {
            Runtime.getRuntime().addShutdownHook(cancelHook);
        }
        try {
            ApplyResult result;
            try {
                result = setup.apply(s.connection, s.store, plan, pl, token);
            } finally {
                pl.finish();
            }
            List<String> files = new ArrayList<>();
            try {
                IntegrationForm form = FormBuilder.fromApply(result, needs, s.store, false);
                ChangeReport report = new ChangeReport(plan.org().orgName(), plan.org().shortName(),
                        result.runId(), result.changes(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                for (Path p : FormWriter.write(setup().formsDir(plan.org().shortName()), form, report)) {
                    files.add(p.toString());
                }
            } catch (IOException e) {
                io.err().println("The form could not be written: " + e.getMessage());
            }
            if (json) {
                out.add("result", PlanText.resultJson(result, files));
            } else {
                io.out().print("\n" + PlanText.applyResult(result, files));
                if (result.changes().stream().anyMatch(c -> c.kind() == ItemKind.OAUTH_CLIENT
                        || c.kind() == ItemKind.CLIENT_SECRET)) {
                    io.out().println("The client secrets are in the vault " + s.vaultFile + ". To send them to "
                            + "eMite: export-form --include-secrets --out <folder>.");
                }
            }
            io.out().flush();
            if (!result.finished()) {
                return CliMain.ERROR;
            }
            return result.leftBlocked().isEmpty() ? CliMain.OK : CliMain.BLOCKED;
        } finally {
            if (cancelHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(cancelHook);
                } catch (IllegalStateException e) {
                    // the JVM is shutting down (Ctrl-C): the hook is running and waits for the output
                }
            }
        }
    }

    boolean confirm(Plan plan) {
        String answer = io.readLine("Apply these changes (" + plan.writeCount() + " write requests)? "
                + "Type yes to go on: ");
        if (answer == null) {
            io.err().println("No answer on standard input: add --yes to apply without a question.");
            return false;
        }
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    int exportForm(CliSession s) throws ProvisionException {
        s.openVault(o, io, false);
        note(s);
        boolean include = o.has("--include-secrets");
        SetupService.Handover h;
        try {
            h = setup().exportForm(s.connection, s.store, include,
                    o.has("--out") ? Paths.get(o.value("--out")).toAbsolutePath().normalize() : null, token);
        } catch (IOException e) {
            throw new ProvisionException("The form could not be written: " + e.getMessage());
        }
        IntegrationForm form = h.form();
        List<String> files = h.kept().stream().map(Path::toString).toList();
        if (json) {
            com.google.gson.JsonArray f = new com.google.gson.JsonArray();
            files.forEach(f::add);
            out.add("files", f);
            out.addProperty("includesSecrets", include);
        } else {
            io.out().println("Integration Details Form for " + form.orgName() + " (" + form.shortName() + "):");
            files.forEach(p -> io.out().println("  " + p));
        }
        if (include) {
            io.err().println("The form contains the client secrets in clear: send it to eMite only over a "
                    + "secure channel, and delete it afterwards.");
        }
        long missing = form.clients().stream().filter(c -> c.clientId() == null || c.secret() == null).count();
        return missing == 0 ? CliMain.OK : CliMain.BLOCKED;
    }

    SetupService setup() {
        return new SetupService(needs, dataDir, Duration.ofSeconds(o.intValue("--grant-timeout",
                (int) Executor.DEFAULT_GRANT_TIMEOUT.toSeconds())));
    }
}
