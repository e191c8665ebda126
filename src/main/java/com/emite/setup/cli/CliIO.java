package com.emite.setup.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.OsScheduler;
import com.emite.setup.schedule.Schedulers;
import com.emite.setup.vault.Keychain;

import com.emite.setup.vault.KdfParams;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The command line's world: its streams, environment and terminal. Tests pass their own; {@link #system()} is the
 * real one.
 */
public final class CliIO {
    private final PrintStream out;
    private final PrintStream err;
    private final BufferedReader in;
    private final Function<String, String> env;
    private final Console console;
    private final Supplier<Keychain> keychain;
    private final Function<Path, OsScheduler> scheduler;
    private final KdfParams newVaultKdf;

    public CliIO(PrintStream out, PrintStream err, InputStream in, Function<String, String> env, Console console) {
        this(out, err, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), env, console,
                () -> Keychain.detect(Duration.ofSeconds(5)),
                dataDir -> Schedulers.forThisComputer(dataDir, CommandRunner.system(), Clock.systemDefaultZone()),
                KdfParams.argon2idDefault());
    }

    private CliIO(PrintStream out, PrintStream err, BufferedReader in, Function<String, String> env, Console console,
                  Supplier<Keychain> keychain, Function<Path, OsScheduler> scheduler, KdfParams newVaultKdf) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.env = env;
        this.console = console;
        this.keychain = keychain;
        this.scheduler = scheduler;
        this.newVaultKdf = newVaultKdf;
    }

    public static CliIO system() {
        return new CliIO(System.out, System.err, System.in, System::getenv, System.console());
    }

    /** The same world with another keychain (tests: an in-memory one instead of the OS keychain). */
    public CliIO withKeychain(Keychain k) {
        return new CliIO(out, err, in, env, console, () -> k, scheduler, newVaultKdf);
    }

    /** The same world with another scheduler (tests: a systemd timer in a temporary folder, systemctl recorded). */
    public CliIO withScheduler(Function<Path, OsScheduler> s) {
        return new CliIO(out, err, in, env, console, keychain, s, newVaultKdf);
    }

    /**
     * The same world with another key derivation for vaults it creates (tests that are not about the KDF: a cheap
     * one instead of the default Argon2id's 64 MiB and three passes, as the window's {@code AppContext} allows).
     */
    public CliIO withNewVaultKdf(KdfParams kdf) {
        return new CliIO(out, err, in, env, console, keychain, scheduler, kdf);
    }

    /** How a vault this command creates derives its key. */
    public KdfParams newVaultKdf() {
        return newVaultKdf;
    }

    /** This computer's scheduler, for the data folder {@code dataDir}. */
    public OsScheduler scheduler(Path dataDir) {
        return scheduler.apply(dataDir);
    }

    private Keychain found;

    /**
     * The OS keychain, looked for once and only when a command asks for it (finding it can take a few seconds, and a
     * desktop without a Secret Service would otherwise be asked twice).
     */
    public synchronized Keychain keychain() {
        if (found == null) {
            found = keychain.get();
        }
        return found;
    }

    /** For tests: the given streams and environment, no terminal. */
    public static CliIO of(PrintStream out, PrintStream err, InputStream in, Map<String, String> env) {
        return new CliIO(out, err, in, env::get, null);
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public String env(String name) {
        return env.apply(name);
    }

    /** True when a person is at a terminal (prompts and an updating progress line make sense). */
    public boolean interactive() {
        return console != null;
    }

    /** Asks for a secret without echo at a terminal; otherwise reads one line of standard input. Null at the end. */
    public char[] readSecret(String prompt) {
        if (console != null) {
            return console.readPassword("%s", prompt);
        }
        try {
            String line = in.readLine();
            return line == null ? null : line.toCharArray();
        } catch (IOException e) {
            return null;
        }
    }

    /** Asks a question and reads one line (terminal or standard input). Null at the end of input. */
    public String readLine(String prompt) {
        if (console != null) {
            return console.readLine("%s", prompt);
        }
        err.print(prompt);
        err.flush();
        try {
            return in.readLine();
        } catch (IOException e) {
            return null;
        }
    }
}
