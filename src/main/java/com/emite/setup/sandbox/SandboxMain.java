package com.emite.setup.sandbox;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * {@code emite-setup sandbox [options]}: starts a sandbox and serves until killed. Prints exactly three lines first:
 * <pre>
 * SANDBOX http://127.0.0.1:&lt;port&gt;
 * ADMIN_CLIENT &lt;client id&gt; &lt;client secret&gt;
 * PKCE_CLIENT &lt;client id&gt;
 * </pre>
 * A bad option prints one line to stderr and exits with 2.
 */
public final class SandboxMain {
    static final String USAGE = "usage: emite-setup sandbox [--port P] [--seed N] [--divisions D] [--agents A] "
            + "[--rate-limit R] [--latency-ms L] [--search-lag-ms S] [--grant-lag-ms G] [--token-ttl-s T] "
            + "[--no-wfm] [--no-emite-licence]";

    private SandboxMain() {
    }

    public static void main(String[] args) {
        Parsed parsed = read(args, System.out, System.err);
        if (parsed.config() == null) {
            if (parsed.exitCode() != 0) {
                System.exit(parsed.exitCode());
            }
            return;
        }
        SandboxConfig config = parsed.config();
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(config);
        } catch (RuntimeException e) {
            System.err.println("sandbox: cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        out.println("SANDBOX " + sandbox.baseUrl());
        out.println("ADMIN_CLIENT " + sandbox.adminClientId() + " " + sandbox.adminClientSecret().reveal());
        out.println("PKCE_CLIENT " + sandbox.pkceClientId());
        out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "sandbox-shutdown"));
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The configuration to serve, or none and the exit code: 0 after {@code --help}, 2 after a bad option. */
    record Parsed(SandboxConfig config, int exitCode) {
    }

    /** Reads the options; {@code --help} prints the usage on {@code out}, a bad option one line on {@code err}. */
    static Parsed read(String[] args, PrintStream out, PrintStream err) {
        try {
            return new Parsed(parse(args), 0);
        } catch (HelpRequested h) {
            out.println(USAGE);
            return new Parsed(null, 0);
        } catch (IllegalArgumentException e) {
            err.println("sandbox: " + e.getMessage() + " (" + USAGE.substring(7) + ")");
            return new Parsed(null, 2);
        }
    }

    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }

    static SandboxConfig parse(String[] args) {
        SandboxConfig.Builder b = SandboxConfig.builder();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--help", "-h" -> throw new HelpRequested();
                case "--no-wfm" -> b.wfm(false);
                case "--no-emite-licence", "--no-emite-license" -> b.emiteLicence(false);
                case "--port", "--seed", "--divisions", "--agents", "--rate-limit", "--latency-ms", "--search-lag-ms",
                        "--grant-lag-ms", "--token-ttl-s" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(a + " needs a value");
                    }
                    String v = args[++i];
                    long n;
                    try {
                        n = Long.parseLong(v);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException(a + " needs a whole number, not \"" + v + "\"");
                    }
                    set(b, a, n);
                }
                default -> throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return b.build();
    }

    private static void set(SandboxConfig.Builder b, String option, long n) {
        if (option.equals("--seed")) {
            b.seed(n);
            return;
        }
        if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
            throw new IllegalArgumentException(option + " is out of range");
        }
        int v = (int) n;
        boolean negativeAllowed = option.equals("--rate-limit");
        if (v < 0 && !negativeAllowed) {
            throw new IllegalArgumentException(option + " must not be negative");
        }
        switch (option.toLowerCase(Locale.ROOT)) {
            case "--port" -> {
                if (v > 65535) {
                    throw new IllegalArgumentException("--port must be 0..65535");
                }
                b.port(v);
            }
            case "--divisions" -> {
                if (v > SandboxConfig.MAX_DIVISIONS) {
                    throw new IllegalArgumentException("--divisions must be 0.." + SandboxConfig.MAX_DIVISIONS);
                }
                b.divisions(v);
            }
            case "--agents" -> {
                if (v > SandboxConfig.MAX_AGENTS) {
                    throw new IllegalArgumentException("--agents must be 0.." + SandboxConfig.MAX_AGENTS);
                }
                b.agents(v);
            }
            case "--rate-limit" -> b.rateLimitPerMinute(v);
            case "--latency-ms" -> b.latencyMs(v);
            case "--search-lag-ms" -> b.searchLagMs(v);
            case "--grant-lag-ms" -> b.grantLagMs(v);
            case "--token-ttl-s" -> {
                if (v < 1) {
                    throw new IllegalArgumentException("--token-ttl-s must be at least 1");
                }
                b.tokenTtlSeconds(v);
            }
            default -> throw new IllegalArgumentException("unknown option " + option);
        }
    }
}
