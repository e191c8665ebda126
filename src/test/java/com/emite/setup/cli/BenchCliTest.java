package com.emite.setup.cli;

import com.emite.setup.testing.TestKdf;
import com.emite.setup.bench.BenchCli;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxStats;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmarks' command line ({@link BenchCli}), against an in-process sandbox: {@code --grant-strategy per-user}
 * gives every agent the licence with one request each (and ends in the same org as bulk), {@code --stats-out} writes
 * the run's figures, and the product's command line knows neither option.
 */
class BenchCliTest {
    private static final String PER_USER_ROUTE =
            "POST /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}";
    private static final String BULK_ROUTE = "POST /api/v2/authorization/roles/{roleId}";

    @TempDir
    Path dir;
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxConfig.builder().agents(90).divisions(2).searchLagMs(100).grantLagMs(100)
                .unlimitedRate().build());
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    int run(String command, String... extra) {
        return run(true, command, extra);
    }

    /** Through the benchmarks' command line ({@code bench}) or the product's. */
    int run(boolean bench, String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--api-base", sandbox.baseUrl(), "--login-base",
                sandbox.baseUrl(), "--region", "ap-southeast-2", "--client-id", sandbox.adminClientId(),
                "--client-secret-env", "SECRET", "--vault", dir.resolve("v.vault").toString(),
                "--vault-password-env", "VAULT", "--data-dir", dir.toString(), "--rate-limit", "0"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CliIO io = CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of("SECRET", sandbox.adminClientSecret().reveal(),
                        "VAULT", "correct horse battery staple")).withNewVaultKdf(TestKdf.CHEAP);
        String[] a = args.toArray(String[]::new);
        return bench ? BenchCli.run(a, io, false) : CliMain.run(a, io);
    }

    @Test
    void perUserGrantsOneRequestPerAgentAndStatsAreWritten() throws Exception {
        Path stats = dir.resolve("apply.stats.json");
        sandbox.resetStats();
        assertEquals(0, run("apply", "--yes", "--grant-strategy", "per-user", "--stats-out", stats.toString()));
        SandboxStats server = sandbox.stats();
        long activeUsers = 90 + 1; // the agents and the admin
        assertEquals(activeUsers, server.count(PER_USER_ROUTE), server.perRoute().toString());
        assertEquals(1, server.count(BULK_ROUTE), "only the role grant to the signed-in client is a bulk call");

        JsonObject o = JsonParser.parseString(Files.readString(stats)).getAsJsonObject();
        assertEquals(0, o.get("exitCode").getAsInt());
        assertTrue(o.get("peakHeapBytes").getAsLong() > 0);
        assertTrue(o.get("wallMs").getAsLong() > 0);
        JsonObject client = o.getAsJsonObject("client");
        assertEquals(server.totalRequests() - server.tokenCalls(), client.get("calls").getAsLong());
        assertEquals(server.writes(), client.get("writes").getAsLong());
        assertEquals(0, client.get("rateLimited").getAsLong());

        CliSandboxTest.OPEN.opened(sandbox);
        try {
            CliSandboxTest.settle(); // the sandbox's grant lag, as a condition
        } finally {
            CliSandboxTest.OPEN.closed(sandbox);
        }
        assertEquals(0, run(false, "verify"), "every agent holds its licence after a per-user apply");
    }

    @Test
    void bulkIsTheDefaultAndUnknownStrategiesAreRefused() {
        sandbox.resetStats();
        assertEquals(0, run("apply", "--yes"));
        assertEquals(0, sandbox.stats().count(PER_USER_ROUTE));
        assertTrue(sandbox.stats().count(BULK_ROUTE) >= 2);
        assertEquals(1, run("plan", "--grant-strategy", "one-by-one"));
    }

    @Test
    void theProductsCommandLineHasNoBenchmarkOptions() {
        assertEquals(1, run(false, "plan", "--grant-strategy", "per-user"));
        assertEquals(1, run(false, "plan", "--stats-out", dir.resolve("s.json").toString()));
        assertEquals(0, run(false, "plan"), "the same command without them runs");
        assertTrue(CliOptions.OPTIONS.stream().noneMatch(opt -> opt.name().equals("--stats-out")
                || opt.name().equals("--grant-strategy")));
    }
}
