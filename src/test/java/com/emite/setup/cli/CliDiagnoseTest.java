package com.emite.setup.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diagnose on the command line against a sandbox org over HTTP (issue 16). */
class CliDiagnoseTest {
    @TempDir
    Path dir;

    @Test
    void aLinePerInferredChoiceNothingDiffersNothingWrittenAndTheJsonKept() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            CliSandboxTest.Result r = org.run("diagnose");
            assertEquals(0, r.code(), r.err() + r.out());
            List<String> lines = r.out().lines().toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("held") && l.contains("USER_SEARCH_EMAIL_FIELD")),
                    r.out());
            assertTrue(lines.stream().noneMatch(l -> l.startsWith("differs")), r.out());
            assertTrue(r.out().contains("0 differ"), r.out());
            assertEquals(0, org.sandbox.stats().perRoute().entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("GET ") && !e.getKey().endsWith("/search")
                            && !e.getKey().contains("/oauth/token"))
                    .mapToLong(java.util.Map.Entry::getValue).sum(), "reads only: " + org.sandbox.stats().perRoute());

            Path kept;
            try (Stream<Path> s = Files.list(org.data.resolve("diagnose"))) {
                kept = s.findFirst().orElseThrow();
            }
            String json = Files.readString(kept);
            assertTrue(json.contains("\"verdict\": \"held\""), json);
            assertFalse(json.contains(org.sandbox.adminClientSecret().reveal()));
            assertFalse(json.contains("@"), "no e-mail address");
        }
    }
}
