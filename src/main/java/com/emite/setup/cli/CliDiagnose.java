package com.emite.setup.cli;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.diagnose.Diagnoser;
import com.emite.setup.diagnose.Diagnosis;
import com.emite.setup.diagnose.DiagnosisReport;
import com.emite.setup.vault.DataFolder;
import com.google.gson.JsonParser;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;

/**
 * {@code diagnose}: a read-only look at how the org answers each inferred API choice; prints a line per choice and
 * keeps the same as JSON (no secrets, counts only) in the data folder for the admin to send to us. Exit 3 when the
 * org differs from an assumption (the team corrects {@code ApiContract}), else 0.
 */
final class CliDiagnose {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);
    private final CliIO io;
    private final Path dataDir;
    private final boolean json;
    private final JsonObject out;

    CliDiagnose(CliIO io, Path dataDir, boolean json, JsonObject out) {
        this.io = io;
        this.dataDir = dataDir;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(s.client);
        String text = DiagnosisReport.json(d);
        Path file = dataDir.resolve("diagnose").resolve("diagnose-" + STAMP.format(d.at()) + ".json");
        try {
            // Owner-only, like every folder and file of the data folder.
            DataFolder.prepare(file.getParent());
            DataFolder.createOwnerOnlyFile(file);
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            io.err().println("The diagnosis could not be kept in " + file + ": " + e.getMessage());
            file = null;
        }
        if (json) {
            out.add("diagnosis", JsonParser.parseString(text));
        } else {
            DiagnosisReport.lines(d).forEach(io.out()::println);
            if (file != null) {
                io.out().println("Kept as " + file + " (no secrets, no names: send it to the eMite Setup team).");
            }
        }
        return d.nothingDiffers() ? CliMain.OK : CliMain.DRIFT;
    }
}
