package com.emite.setup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of memory ends with a plain message and exit code 4, never an OutOfMemoryError stack trace. */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    @Test
    void theCommandLineSaysWhatHappenedAndWhatToDoInsteadOfAStackTrace() throws Exception {
        // A new vault's Argon2id key derivation needs 64 MiB: it cannot fit in a 48 MB heap.
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx48m", "-XX:TieredStopAtLevel=1", "-cp", testClassPath(),
                Launcher.class.getName(), "apply", "--sandbox", "--yes", "--vault-password-env", "OOM_TEST_PASSWORD",
                "--data-dir", dir.toString(), "--vault", dir.resolve("test.vault").toString())
                .redirectErrorStream(true);
        pb.environment().put("OOM_TEST_PASSWORD", "correct horse battery staple");
        Process p = pb.start();
        p.getOutputStream().close();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);   // until the process closes it
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command line ends");
        assertEquals(OutOfMemory.EXIT_CODE, p.exitValue(), out);
        assertTrue(out.contains("eMite Setup ran out of memory (it had "), out);
        assertTrue(out.contains("JAVA_TOOL_OPTIONS to -Xmx1g"), out);
        assertFalse(out.contains("java.lang.OutOfMemoryError"), out);
        assertFalse(out.contains("\tat "), out);
    }

    @Test
    void anOutOfMemoryErrorIsRecognisedBehindWrappers() {
        assertTrue(OutOfMemory.caused(new ExecutionException(new RuntimeException(new OutOfMemoryError()))));
        assertFalse(OutOfMemory.caused(new ExecutionException(new IOException("disk"))));
        assertTrue(OutOfMemory.message().contains(Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp == null || cp.isBlank() ? System.getProperty("java.class.path") : cp;
    }
}
