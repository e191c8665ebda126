package com.emite.setup.bench;

import com.emite.setup.OutOfMemory;
import com.emite.setup.cli.CliHooks;
import com.emite.setup.cli.CliIO;
import com.emite.setup.cli.CliMain;
import com.emite.setup.cli.Command;
import com.emite.setup.genesys.CallStats;
import com.emite.setup.provision.Choices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The product's command line with the two options only benchmarks need, so that the product carries none of them:
 * <ul>
 *   <li>{@code --stats-out FILE}: at exit, the run's request counts, peak memory and time as JSON ({@link RunStats});
 *   <li>{@code --grant-strategy bulk|per-user}: per-user grants every agent its licence with one request each, as
 *       the manual method does (the engine's {@code Choices.perUserGrants}), for comparison with bulk.
 * </ul>
 * Everything else is passed to {@link CliMain} unchanged, through its {@link CliHooks} seam.
 */
public final class BenchCli {
    private BenchCli() {
    }

    /** As the product's {@code Launcher} starts a command, out-of-memory message included. */
    public static void main(String[] args) {
        OutOfMemory.install();
        try {
            System.exit(run(args, CliIO.system(), true));
        } catch (OutOfMemoryError e) {
            OutOfMemory.stop(System.err);
        }
    }

    /** Runs the command; a wrong benchmark option is refused with exit 1 before anything runs. */
    public static int run(String[] args, CliIO io, boolean shutdownHook) {
        List<String> rest = new ArrayList<>(Arrays.asList(args));
        String statsOut;
        String strategy;
        try {
            statsOut = take(rest, "--stats-out");
            strategy = take(rest, "--grant-strategy");
        } catch (IllegalArgumentException e) {
            io.err().println(e.getMessage());
            return CliMain.ERROR;
        }
        if (strategy != null && !strategy.equals("bulk") && !strategy.equals("per-user")) {
            io.err().println("--grant-strategy is bulk or per-user, not \"" + strategy + "\".");
            return CliMain.ERROR;
        }
        boolean perUser = "per-user".equals(strategy);
        RunStats stats = RunStats.begin(statsOut);
        CliHooks hooks = new CliHooks() {
            @Override
            public Choices choices(Command command, Choices parsed) {
                return parsed.withPerUserGrants(perUser);
            }

            @Override
            public void finished(CallStats callStats, int exitCode) {
                stats.track(callStats);
                stats.write(exitCode, io.err());
            }
        };
        return CliMain.run(rest.toArray(String[]::new), io, hooks, shutdownHook);
    }

    /** Removes {@code --name VALUE} or {@code --name=VALUE} from {@code args} and returns the value (null if absent). */
    private static String take(List<String> args, String name) {
        String value = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals(name)) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException(name + " wants a value.");
                }
                value = args.remove(i + 1);
                args.remove(i--);
            } else if (a.startsWith(name + "=")) {
                value = a.substring(name.length() + 1);
                args.remove(i--);
            }
        }
        return value;
    }
}
