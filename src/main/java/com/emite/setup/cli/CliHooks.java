package com.emite.setup.cli;

import com.emite.setup.genesys.CallStats;
import com.emite.setup.provision.Choices;

/**
 * What a program that runs the command line in-process may add to it. The product passes {@link #NONE}; the
 * benchmarks (src/test/.../bench/BenchCli) use it to pick the engine's per-user grants (the manual method, for
 * comparison) and to record the run's request counts, so the product's command line carries no benchmark options.
 */
public interface CliHooks {
    CliHooks NONE = new CliHooks() {
    };

    /** The engine choices the command will use, as parsed from its options; a hook may return others. */
    default Choices choices(Command command, Choices parsed) {
        return parsed;
    }

    /**
     * Called once when a command that signs in ends, with the client's counters (null when the sign-in itself
     * failed) and the exit code it returns.
     */
    default void finished(CallStats stats, int exitCode) {
    }
}
