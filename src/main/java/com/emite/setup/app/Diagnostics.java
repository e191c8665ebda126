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

    /** Read-only. */
    public Result run(Connection c) {
        return run(c, false);
    }

    /**
     * With {@code probe}, also makes throw-away objects to watch how the org answers, journalled in the data folder's
     * {@code diagnose/} before they are made and removed before this returns (see {@code diagnose.ProbeRun}).
     */
    public Result run(Connection c, boolean probe) {
        return run(c, probe, () -> false);
    }

    /** As above; {@code stop} is asked between probes: no more objects are made, and what was made is removed. */
    public Result run(Connection c, boolean probe, java.util.function.BooleanSupplier stop) {
        Path folder = dataDir.resolve("diagnose");
        if (probe) {
            try {
                DataFolder.prepare(folder);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("The probe journal cannot be kept in " + folder, e);
            }
        }
        Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(c.client(), probe ? folder : null, stop);
        Path file = folder.resolve("diagnose-" + STAMP.format(d.at()) + ".json");
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
