package com.emite.setup.diagnose;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A diagnosis as lines for a person and as JSON for us; both hold exactly the same facts. */
public final class DiagnosisReport {
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private DiagnosisReport() {
    }

    /** One line per finding: verdict, entry, what we assume, what was seen; then a summary line. */
    public static List<String> lines(Diagnosis d) {
        List<String> out = new ArrayList<>();
        int width = d.findings().stream().mapToInt(f -> f.verdict().words().length()).max().orElse(0);
        for (Finding f : d.findings()) {
            String head = String.format("%-" + width + "s  %s — %s", f.verdict().words(), f.entry(), f.assumed());
            if (f.verdict() == Verdict.DIFFERS) {
                out.add(head + ": the org says " + f.detail());
            } else {
                out.add(f.detail().isEmpty() ? head : head + " (" + f.detail() + ")");
            }
        }
        out.add(String.format("%d held, %d differ, %d cannot be told read-only; %d requests, nothing changed.",
                d.count(Verdict.HELD), d.count(Verdict.DIFFERS), d.count(Verdict.CANNOT_TELL), d.requests()));
        return out;
    }

    public static String json(Diagnosis d) {
        JsonObject root = new JsonObject();
        root.addProperty("at", d.at().toString());
        root.addProperty("apiHost", d.apiHost());
        root.addProperty("signInMethod", d.signInMethod());
        root.addProperty("requests", d.requests());
        JsonObject counts = new JsonObject();
        d.counts().forEach(counts::addProperty);
        root.add("counts", counts);
        JsonArray findings = new JsonArray();
        for (Finding f : d.findings()) {
            JsonObject o = new JsonObject();
            o.addProperty("entry", f.entry());
            o.addProperty("assumed", f.assumed());
            o.addProperty("verdict", f.verdict().name().toLowerCase(Locale.ROOT));
            o.addProperty("detail", f.detail());
            findings.add(o);
        }
        root.add("findings", findings);
        return GSON.toJson(root);
    }
}
