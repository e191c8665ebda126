package com.emite.setup.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line says before it talks to any org. */
class CliUsageTest {
    @TempDir
    Path dataDir;

    record Result(int code, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliMain.run(args, CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Map.of()));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelpAndTheUsageNamesThemAll() {
        Result usage = run("--help");
        assertEquals(0, usage.code());
        for (Command c : Command.values()) {
            assertTrue(usage.out().contains(c.word()), c.word());
            Result help = run(c.word(), "--help");
            assertEquals(0, help.code());
            assertTrue(help.out().contains("--data-dir DIR"), help.out());
        }
        assertEquals(1, run().code());
    }

    @Test
    void mistakesGetOnePlainLineAndExitCodeOne() {
        Result r = run("plan", "--data-dir", dataDir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("--region"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        r = run("apply", "--data-dir", dataDir.toString(), "--region", "atlantis");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("--region \"atlantis\":"), r.err());
        r = run("verify", "--colour");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Unknown option \"--colour\""));
        r = run("frobnicate");
        assertEquals(1, r.code());
        r = run("plan", "--data-dir", dataDir.toString(), "--region", "ap-southeast-2", "--client-id", "x",
                "--client-secret-env", "NOPE");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("\"NOPE\" is not set"), r.err());
        r = run("plan", "--data-dir", dataDir.toString(), "--region", "au", "--group-members", "admins=a@b.c");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("not an eMite group"), r.err());
    }
}
