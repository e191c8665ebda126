package com.emite.setup.cli;

import com.emite.setup.app.ErrorCode;
import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;
import com.emite.setup.app.SetupService;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.RunCancelledException;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.UpkeepClientChoice;
import com.emite.setup.provision.Executor;
import com.emite.setup.provision.FormBuilder;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.Planner;
import com.emite.setup.provision.ProvisionException;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;

/**
 * The command line: {@code plan | apply | verify | export-form}. Never loads JavaFX. Exit codes: 0 done or in place,
 * 1 error (plain message), 2 something is blocked (the output says what and how to unblock it), 3 verify found drift.
 */
public final class CliMain {
    public static final int OK = 0;
    public static final int ERROR = 1;
    public static final int BLOCKED = 2;
    public static final int DRIFT = 3;

    private CliMain() {
    }

    /** Runs a command in this process with the real streams (Ctrl-C cancels an apply after its current request). */
    public static int run(String[] args) {
        return run(args, CliIO.system(), true);
    }

    /** Runs a command with the given streams and environment (tests); no shutdown hook. */
    public static int run(String[] args, CliIO io) {
        return run(args, io, false);
    }

    public static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: java -jar emite-setup.jar <command> [options]\n\n");
        sb.append("Sets up Genesys Cloud for eMite: groups, role, OAuth clients, the eMite app and agent licences.\n\n");
        sb.append("Commands:\n");
        for (Command c : Command.values()) {
            sb.append(String.format("  %-14s %s%n", c.word(), c.summary()));
        }
        sb.append(String.format("  %-14s %s%n", "sandbox", "Run the built-in Genesys Cloud simulator on its own."));
        sb.append("  (no command)  Start the desktop app.\n\n");
        sb.append("Run 'java -jar emite-setup.jar <command> --help' for the options of a command.\n");
        sb.append("Example: java -jar emite-setup.jar apply --sandbox --vault-password-env VAULT_PASSWORD --yes\n");
        sb.append("Exit codes: 0 done or in place, 1 error, 2 something is blocked, 3 verify found drift.\n");
        return sb.toString();
    }

    static int run(String[] args, CliIO io, boolean hook) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help") || args[0].equals("-h")) {
            io.out().print(usage());
            return args.length == 0 ? ERROR : OK;
        }
        Command command = Command.of(args[0]);
        if (command == null) {
            io.err().println("Unknown command \"" + args[0] + "\".");
            io.err().print(usage());
            return ERROR;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            io.out().print(CliOptions.help(command));
            return OK;
        }
        if (command == Command.SCHEDULE) {
            return schedule(rest, io);
        }
        if (command == Command.ORGS) {
            return orgs(rest, io);
        }
        Handler log = null;
        try {
            CliOptions o = CliOptions.parse(command, rest);
            Path dataDir = CliSession.dataDir(o);
            log = CliLog.configure(dataDir);
            return new Run(command, o, io, hook, dataDir).go();
        } catch (UsageException e) {
            io.err().println(e.getMessage());
            return ERROR;
        } catch (RunCancelledException e) {
            io.err().println("Cancelled.");
            return ERROR;
        } catch (ProvisionException | IllegalArgumentException e) {
            // The same words and code as the window shows (app.Problems).
            Problem p = Problems.of(e);
            io.err().println(p.message() + " [" + p.code() + "]");
            return ERROR;
        } catch (GenesysApiException e) {
            Problem p = Problems.of(e);
            io.err().println(p.message() + " [" + p.code() + "]");
            CliLog.error("Genesys error", e);
            return ERROR;
        } catch (RuntimeException e) {
            CliLog.error("Unexpected error", e);
            io.err().println("Unexpected error: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()) + " [" + ErrorCode.UNEXPECTED.code() + "]"
                    + (log != null ? " (details in " + CliLog.file() + ")" : ""));
            return ERROR;
        } finally {
            CliLog.close(log);
        }
    }

    /** {@code schedule install|status|remove}: no sign-in, no vault; only this computer's scheduler. */
    private static int schedule(List<String> rest, CliIO io) {
        try {
            if (rest.isEmpty()) {
                throw new UsageException("schedule wants install, status or remove. See schedule --help.");
            }
            CliSchedule.Action action = CliSchedule.action(rest.get(0));
            CliOptions o = CliOptions.parse(Command.SCHEDULE, rest.subList(1, rest.size()));
            JsonObject out = new JsonObject();
            out.addProperty("command", "schedule " + rest.get(0));
            int code = new CliSchedule(o, io, CliSession.dataDir(o), out).run(action);
            if (o.has("--json")) {
                out.addProperty("exitCode", code);
                io.out().println(PlanText.json(out));
            }
            io.out().flush();
            return code;
        } catch (UsageException e) {
            io.err().println(e.getMessage());
            return ERROR;
        }
    }

    /** {@code orgs}: the vault's orgs, with no sign-in. */
    private static int orgs(List<String> rest, CliIO io) {
        try {
            CliOptions o = CliOptions.parse(Command.ORGS, rest);
            JsonObject out = new JsonObject();
            out.addProperty("command", "orgs");
            int code = new CliOrgs(o, io, CliSession.dataDir(o), out).run();
            if (o.has("--json")) {
                out.addProperty("exitCode", code);
                io.out().println(PlanText.json(out));
            }
            io.out().flush();
            return code;
        } catch (UsageException e) {
            io.err().println(e.getMessage());
            return ERROR;
        }
    }

    /** One command's run. */
    private static final class Run {
        final Command command;
        final CliOptions o;
        final CliIO io;
        final boolean hook;
        final Path dataDir;
        final boolean json;
        final Needs needs = BlueprintNeeds.standard();
        final CancellationToken token = new CancellationToken();
        final JsonObject out = new JsonObject();
        /** Released when the command's output is complete (a Ctrl-C waits for it). */
        final CountDownLatch finished = new CountDownLatch(1);

        Run(Command command, CliOptions o, CliIO io, boolean hook, Path dataDir) {
            this.command = command;
            this.o = o;
            this.io = io;
            this.hook = hook;
            this.dataDir = dataDir;
            this.json = o.has("--json");
            out.addProperty("command", command.word());
        }

        int go() {
            Choices choices = choices();
            RunStats stats = RunStats.begin(o.value("--stats-out"));
            int code = ERROR;
            boolean remembered = command == Command.KEEP_LICENCES
                    || o.has("--org") && CliSession.noSignInGiven(o);
            try (CliSession s = remembered ? CliSession.connectRemembered(o, io, dataDir)
                    : CliSession.connect(o, io, dataDir)) {
                stats.track(s.client.stats());
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
                stats.write(code, io.err());
                finished.countDown();
            }
        }

        Choices choices() {
            if (command == Command.EXPORT_FORM) {
                return Choices.defaults().withWfm(true);
            }
            Map<String, List<String>> members = members("--group-members");
            Map<String, List<String>> removals = members("--remove-group-members");
            String strategy = o.value("--grant-strategy", "bulk");
            if (!strategy.equals("bulk") && !strategy.equals("per-user")) {
                throw new UsageException("--grant-strategy is bulk or per-user, not " + CliText.quote(strategy)
                        + ".");
            }
            if (o.has("--take-back-from-leavers") && !o.has("--with-upkeep-client")
                    && command != Command.KEEP_LICENCES) {
                throw new UsageException("On " + command.word() + ", --take-back-from-leavers goes with "
                        + "--with-upkeep-client (it lets the upkeep sign-in take licences back).");
            }
            if (command == Command.KEEP_LICENCES) {
                return new Choices(false, Choices.parseDivisions(o.value("--divisions")), Map.of(), false,
                        o.value("--grant-strategy", "bulk").equals("per-user"), Set.of(), Map.of(), Map.of(), false);
            }
            return new Choices(o.has("--with-wfm"), Choices.parseDivisions(o.value("--divisions")), members,
                    o.has("--reset-unknown-secrets"), strategy.equals("per-user"), leftOut(), permissionChoices(),
                    removals, o.has("--remove-duplicates"), !o.has("--with-upkeep-client") ? UpkeepClientChoice
                    .IF_PRESENT : o.has("--take-back-from-leavers") ? UpkeepClientChoice.WANTED_WITH_TAKE_BACK
                    : UpkeepClientChoice.WANTED);
        }

        private Map<String, List<String>> members(String option) {
            Map<String, List<String>> members = new LinkedHashMap<>();
            for (String spec : o.values(option)) {
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException(option + " wants GROUP=email,email (for example "
                            + "emite_Access=jane@example.com,joe@example.com), not " + CliText.quote(spec) + ".");
                }
                List<String> emails = new ArrayList<>();
                for (String e : spec.substring(eq + 1).split(",")) {
                    if (!e.isBlank()) {
                        if (!e.contains("@")) {
                            throw new UsageException(option + ": " + CliText.quote(e.trim()) + " is not an e-mail "
                                    + "address.");
                        }
                        emails.add(e.trim());
                    }
                }
                members.computeIfAbsent(spec.substring(0, eq).trim(), k -> new ArrayList<>()).addAll(emails);
            }
            List<String> groupNames = needs.groups().stream().map(Needs.GroupNeed::name).toList();
            for (String g : members.keySet()) {
                if (!groupNames.contains(g)) {
                    throw new UsageException(option + ": " + CliText.quote(g) + " is not an eMite group (the groups "
                            + "are " + String.join(", ", groupNames) + ").");
                }
            }
            return members;
        }

        private Set<Integer> leftOut() {
            Set<Integer> rows = new TreeSet<>();
            if (o.has("--leave-out")) {
                for (String part : o.value("--leave-out").split(",")) {
                    if (!part.isBlank()) {
                        rows.add(row("--leave-out", part.trim()));
                    }
                }
            }
            return rows;
        }

        private Map<Integer, String> permissionChoices() {
            Map<Integer, String> out = new TreeMap<>();
            for (String spec : o.values("--permission")) {
                int eq = spec.indexOf('=');
                String perm = eq < 0 ? "" : spec.substring(eq + 1).trim();
                if (eq <= 0 || !Choices.isPermission(perm)) {
                    throw new UsageException("--permission wants ROW=domain:entity:action (for example "
                            + "33=wfm:forecast:view; plan lists the candidates), not " + CliText.quote(spec) + ".");
                }
                out.put(row("--permission", spec.substring(0, eq).trim()), perm);
            }
            return out;
        }

        private int row(String option, String text) {
            List<Integer> rows = needs.role().permissions().stream().map(Needs.PermissionNeed::row).toList();
            try {
                int r = Integer.parseInt(text);
                if (rows.contains(r)) {
                    return r;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new UsageException(option + ": " + CliText.quote(text) + " is not a row of the guide's permission "
                    + "table (1 to " + rows.size() + "; plan shows them).");
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
                return DRIFT;
            }
            return blockedOrOk(plan);
        }

        int blockedOrOk(Plan plan) {
            return SetupService.verdict(plan, false) == SetupService.Verdict.OK ? OK : BLOCKED;
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
                return BLOCKED;
            }
            if (!plan.toApply().isEmpty() && !o.has("--yes") && !confirm(plan)) {
                io.err().println("Nothing was changed.");
                return ERROR;
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
                    return ERROR;
                }
                return result.leftBlocked().isEmpty() ? OK : BLOCKED;
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
            return missing == 0 ? OK : BLOCKED;
        }

        SetupService setup() {
            return new SetupService(needs, dataDir, Duration.ofSeconds(o.intValue("--grant-timeout",
                    (int) Executor.DEFAULT_GRANT_TIMEOUT.toSeconds())));
        }

    }
}
