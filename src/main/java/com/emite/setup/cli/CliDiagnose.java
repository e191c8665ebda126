package com.emite.setup.cli;

import com.emite.setup.app.Diagnostics;
import com.emite.setup.diagnose.DiagnosisReport;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;

/**
 * {@code diagnose}: a read-only look at how the org answers each inferred API choice; prints a line per choice and
 * keeps the same as JSON (no secrets, counts only) in the data folder for the admin to send to us. Exit 3 when the
 * org differs from an assumption (the team corrects {@code ApiContract}), else 0.
 */
final class CliDiagnose {
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
        Diagnostics.Result r = new Diagnostics(dataDir).run(s.connection);
        if (r.keepProblem() != null) {
            io.err().println(r.keepProblem());
        }
        if (json) {
            out.add("diagnosis", JsonParser.parseString(DiagnosisReport.json(r.diagnosis())));
        } else {
            DiagnosisReport.lines(r.diagnosis()).forEach(io.out()::println);
            if (r.kept() != null) {
                io.out().println("Kept as " + r.kept() + " (no secrets, no names: send it to the eMite Setup team).");
            }
        }
        return r.diagnosis().nothingDiffers() ? CliMain.OK : CliMain.DRIFT;
    }
}
