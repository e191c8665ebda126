package com.emite.setup.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diagnose --probe on the command line (issue 16): asks first on a real org, probes by default on --sandbox. */
class CliDiagnoseProbeTest {
    @TempDir
    Path dir;

    static long writes(CliSandboxTest.Org org) {
        return org.sandbox.stats().perRoute().entrySet().stream()
                .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().endsWith("/search")
                        && !e.getKey().contains("/oauth/token"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    @Test
    void onARealOrgTheProbeSaysWhatItMakesAndANoChangesNothing() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            CliSandboxTest.Result no = org.withInput("no\n", "diagnose", "--probe");
            assertEquals(CliMain.BLOCKED, no.code(), no.err() + no.out());
            assertTrue(no.out().contains("one role with no permissions") || no.err().contains(
                    "one role with no permissions"), no.out() + no.err());
            assertEquals(0, writes(org), "nothing written: " + org.sandbox.stats().perRoute());

            CliSandboxTest.Result yes = org.withInput("yes\n", "diagnose", "--probe");
            assertEquals(0, yes.code(), yes.err() + yes.out());
            assertTrue(yes.out().contains("removed all of them: the org is as it was"), yes.out());
            assertTrue(yes.out().contains("0 differ"), yes.out());
        }
    }

    @Test
    void withYesAndJsonTheReportCarriesTheProbeOutcome() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            CliSandboxTest.Result r = org.run("diagnose", "--probe", "--yes", "--json");
            assertEquals(0, r.code(), r.err() + r.out());
            JsonObject probe = JsonParser.parseString(r.out()).getAsJsonObject().getAsJsonObject("diagnosis")
                    .getAsJsonObject("probe");
            assertTrue(probe.get("clean").getAsBoolean(), probe.toString());
            assertEquals(probe.get("made").getAsInt(), probe.get("removed").getAsInt(), probe.toString());
            assertTrue(probe.get("tag").getAsString().startsWith("emite-probe-"), probe.toString());
        }
    }

    @Test
    void theBuiltInSandboxIsProbedWithoutAQuestionAndReadOnlyStaysReadOnly() {
        CliSandboxTest.Result r = run("diagnose", "--sandbox", "--data-dir", dir.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        List<String> lines = r.out().lines().toList();
        List<String> notHeld = lines.stream().filter(l -> l.startsWith("differs") || l.startsWith("cannot"))
                .toList();
        assertEquals(2, notHeld.size(), r.out());
        assertTrue(notHeld.stream().allMatch(l -> l.startsWith("cannot tell ")
                && (l.contains("MAX_RESPONSE_BYTES") || l.contains("AUTH_CODE_TTL_SECONDS"))), r.out());
        assertTrue(r.out().contains("the org is as it was"), r.out());

        CliSandboxTest.Result ro = run("diagnose", "--sandbox", "--read-only", "--data-dir", dir.toString());
        assertEquals(0, ro.code(), ro.err() + ro.out());
        assertTrue(ro.out().contains("nothing changed"), ro.out());
    }

    private static CliSandboxTest.Result run(String... args) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = CliMain.run(args, CliIO.of(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets
                .UTF_8), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.ByteArrayInputStream(new byte[0]), Map.of()));
        return new CliSandboxTest.Result(code, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }
}
