package com.emite.setup.reliability;

import com.emite.setup.cli.CliIO;
import com.emite.setup.cli.CliMain;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Issue 15 item 4 end to end: a command-line run makes its data folder, logs/ and log file owner-only. */
class DataFolderModesCliTest {
    @TempDir
    Path dir;

    @Test
    void aRunCreatesTheDataFolderAndItsLogsOwnerOnly() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path data = dir.resolve("new").resolve("data");
        try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().divisions(1).agents(5).unlimitedRate()
                .latencyMs(0).searchLagMs(0).grantLagMs(0).build())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = CliMain.run(new String[]{"plan", "--api-base", sandbox.baseUrl(), "--login-base",
                    sandbox.baseUrl(), "--region", "ap-southeast-2", "--client-id", sandbox.adminClientId(),
                    "--client-secret-env", "ADMIN_SECRET", "--data-dir", data.toString(), "--rate-limit", "0"},
                    CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                            StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                            Map.of("ADMIN_SECRET", sandbox.adminClientSecret().reveal())));
            assertTrue(code == 0 || code == 2 || code == 3, out.toString(StandardCharsets.UTF_8));
        }
        for (Path p : List.of(dir.resolve("new"), data, data.resolve("logs"))) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
        }
        List<Path> logs;
        try (Stream<Path> s = Files.list(data.resolve("logs"))) {
            logs = s.filter(p -> p.getFileName().toString().endsWith(".log")).toList();
        }
        assertFalse(logs.isEmpty(), "a log file was written");
        for (Path log : logs) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)),
                    log.toString());
        }
    }
}
