package com.emite.setup.app;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.diagnose.Diagnoser;
import com.emite.setup.diagnose.Diagnosis;
import com.emite.setup.diagnose.DiagnosisReport;
import com.emite.setup.vault.DataFolder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * diagnose for both faces: the read-only look at the signed-in org, kept as JSON (owner-only, no secrets, counts
 * only) in the data folder's {@code diagnose/} for the admin to send to us. Blocks: call it in a background task.
 */
public final class Diagnostics {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final Path dataDir;

    public Diagnostics(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir);
    }

    /**
     * @param diagnosis what the org said
     * @param kept      the JSON file, or null when it could not be written ({@code keepProblem} says why)
     */
    public record Result(Diagnosis diagnosis, Path kept, String keepProblem) {
    }

    public Result run(Connection c) {
        Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(c.client());
        Path file = dataDir.resolve("diagnose").resolve("diagnose-" + STAMP.format(d.at()) + ".json");
        try {
            DataFolder.prepare(file.getParent());
            DataFolder.createOwnerOnlyFile(file);
            Files.writeString(file, DiagnosisReport.json(d), StandardCharsets.UTF_8);
            return new Result(d, file, null);
        } catch (IOException e) {
            return new Result(d, null, "The diagnosis could not be kept in " + file + ": " + e.getMessage());
        }
    }
}
