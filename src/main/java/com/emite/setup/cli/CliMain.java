package com.emite.setup.cli;

import com.emite.setup.app.ErrorCode;
import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.provision.RunCancelledException;
import com.emite.setup.provision.ProvisionException;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Handler;

/**
 * The command line's entry: picks the command, runs it ({@link CliRun} for those that sign in) and turns what went
 * wrong into one plain line and an exit code. Never loads JavaFX. Exit codes: 0 done or in place, 1 error (plain
 * message), 2 something is blocked (the output says what and how to unblock it), 3 verify found drift.
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
        return run(args, CliIO.system(), true, CliHooks.NONE);
    }

    /** Runs a command with the given streams and environment (tests); no shutdown hook. */
    public static int run(String[] args, CliIO io) {
        return run(args, io, false, CliHooks.NONE);
    }

    /**
     * Runs a command for a program that embeds the command line (the benchmarks): {@code shutdownHook} makes Ctrl-C
     * stop an apply after its current request, as {@link #run(String[])} does.
     */
    public static int run(String[] args, CliIO io, CliHooks hooks, boolean shutdownHook) {
        return run(args, io, shutdownHook, hooks);
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

    private static int run(String[] args, CliIO io, boolean hook, CliHooks hooks) {
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
            return new CliRun(command, o, io, hook, dataDir, hooks).go();
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
        if (rest.isEmpty()) {
            io.err().println("schedule wants install, status or remove. See schedule --help.");
            return ERROR;
        }
        return withoutSignIn(Command.SCHEDULE, "schedule " + rest.get(0), rest.subList(1, rest.size()), io,
                (o, out) -> {
                    CliSchedule.Action action = CliSchedule.action(rest.get(0));
                    return new CliSchedule(o, io, CliSession.dataDir(o), out).run(action);
                });
    }

    /** {@code orgs}: the vault's orgs, with no sign-in. */
    private static int orgs(List<String> rest, CliIO io) {
        return withoutSignIn(Command.ORGS, "orgs", rest, io,
                (o, out) -> new CliOrgs(o, io, CliSession.dataDir(o), out).run());
    }

    /** A command that needs no sign-in, filling {@code out} for --json. */
    private interface Unsigned {
        int run(CliOptions o, JsonObject out);
    }

    private static int withoutSignIn(Command command, String word, List<String> rest, CliIO io, Unsigned body) {
        try {
            CliOptions o = CliOptions.parse(command, rest);
            JsonObject out = new JsonObject();
            out.addProperty("command", word);
            int code = body.run(o, out);
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
}
