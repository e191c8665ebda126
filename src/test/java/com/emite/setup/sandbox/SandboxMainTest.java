package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone {@code sandbox} command, run as its own process from the test class path. */
@ConcurrentClass
class SandboxMainTest {

    static Process launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(System.getProperty("java.home") + File.separator + "bin"
                + File.separator + "java", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "com.emite.setup.Launcher", "sandbox"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).start();
    }

    @Test
    void printsTheThreeLinesAndServes() throws Exception {
        Process p = launch("--port", "0", "--agents", "50", "--divisions", "2", "--seed", "7", "--rate-limit", "0",
                "--search-lag-ms", "100", "--grant-lag-ms", "100", "--latency-ms", "0", "--token-ttl-s", "600",
                "--no-wfm", "--no-emite-licence");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String l1 = out.readLine();
            String l2 = out.readLine();
            String l3 = out.readLine();
            assertTrue(l1 != null && l1.matches("SANDBOX http://127\\.0\\.0\\.1:\\d+"), l1);
            assertTrue(l2 != null && l2.matches("ADMIN_CLIENT [0-9a-f-]{36} \\S+"), l2);
            assertTrue(l3 != null && l3.matches("PKCE_CLIENT [0-9a-f-]{36}"), l3);
            String base = l1.substring("SANDBOX ".length());
            String[] admin = l2.split(" ");
            Http h = new Http(base, Http.clientToken(base, admin[1], admin[2]));
            Http.Res org = h.get("/api/v2/organizations/me");
            assertEquals(200, org.status());
            assertFalse(org.json().getAsJsonObject("features").get("workforceManagement").getAsBoolean());
            assertEquals(3, h.get("/api/v2/authorization/divisions").json().get("total").getAsInt());
            assertEquals(600, new Http(base).tokenRequest(java.util.Map.of("grant_type", "client_credentials"),
                    admin[1], admin[2]).json().get("expires_in").getAsInt());
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBadOptionExitsTheProcessWith2AndOneLine() throws Exception {
        Process p = launch("--frobnicate");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, err.strip().lines().count(), err);
        assertTrue(err.startsWith("sandbox: "), err);
        assertEquals("", new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void everyBadOptionGivesExitCode2AndOneLine() {
        for (String[] args : List.of(new String[]{"--frobnicate"}, new String[]{"--port", "abc"},
                new String[]{"--agents"}, new String[]{"--divisions", "-1"})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            SandboxMain.Parsed parsed = SandboxMain.read(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertNull(parsed.config(), String.join(" ", args));
            assertEquals(2, parsed.exitCode(), String.join(" ", args));
            String line = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, line.strip().lines().count(), line);
            assertTrue(line.startsWith("sandbox: "), line);
            assertEquals("", out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void parsesOptions() {
        SandboxConfig c = SandboxMain.parse(new String[]{"--seed", "9", "--rate-limit", "-1", "--grant-lag-ms", "5"});
        assertEquals(9, c.seed());
        assertFalse(c.rateLimited());
        assertEquals(5, c.grantLagMs());
        assertEquals(SandboxConfig.defaults(), SandboxMain.parse(new String[0]));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[]{"--token-ttl-s", "0"}));
        assertThrows(IllegalArgumentException.class, () -> SandboxMain.parse(new String[]{"--port", "70000"}));
    }
}
