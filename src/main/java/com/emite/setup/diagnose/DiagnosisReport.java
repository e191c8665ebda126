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
        int width = d.findings().stream().mapToInt(f -> words(d, f.verdict()).length()).max().orElse(0);
        for (Finding f : d.findings()) {
            String head = String.format("%-" + width + "s  %s — %s", words(d, f.verdict()), f.entry(), f.assumed());
            if (f.verdict() == Verdict.DIFFERS) {
                out.add(head + ": the org says " + f.detail());
            } else {
                out.add(f.detail().isEmpty() ? head : head + " (" + f.detail() + ")");
            }
        }
        if (!d.probed()) {
            out.add(String.format("%d held, %d differ, %d cannot be told read-only; %d requests, nothing changed.",
                    d.count(Verdict.HELD), d.count(Verdict.DIFFERS), d.count(Verdict.CANNOT_TELL), d.requests()));
            return out;
        }
        ProbeOutcome p = d.probe();
        out.add(String.format("%d held, %d differ, %d cannot be told %s; %d requests (%d writes), and %d more as the"
                        + " probe's own client and to the sign-in page.", d.count(Verdict.HELD),
                d.count(Verdict.DIFFERS), d.count(Verdict.CANNOT_TELL), p.stoppedEarly() ? "(probing was stopped)"
                        : "even by a probe", d.requests(), p.writes(), p.otherRequests()));
        if (p.stoppedEarly()) {
            out.add("Probing was stopped at your request before every probe ran; the entries it did not reach say"
                    + " what reading alone could tell.");
        }
        String earlier = p.earlierRemoved() == 0 ? "" : " (and " + p.earlierRemoved()
                + " left by an interrupted earlier probe run)";
        if (p.clean()) {
            out.add("Probes (tag " + p.tag() + ") made " + p.made() + " throw-away objects and removed all of them"
                    + earlier + ": the org is as it was.");
        } else {
            out.add("Probes (tag " + p.tag() + ") made " + p.made() + " throw-away objects; " + p.leftBehind().size()
                    + " could not be removed" + earlier + ": " + String.join("; ", p.leftBehind())
                    + ". Run diagnose --probe again to remove them, or delete the objects named " + p.tag()
                    + " … by hand.");
        }
        return out;
    }

    /** "cannot tell read-only" without probes; with probes, what is left could not be told even by writing. */
    static String words(Diagnosis d, Verdict v) {
        return v == Verdict.CANNOT_TELL && d.probed() ? "cannot tell" : v.words();
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
        if (d.probed()) {
            ProbeOutcome p = d.probe();
            JsonObject probe = new JsonObject();
            probe.addProperty("tag", p.tag());
            probe.addProperty("made", p.made());
            probe.addProperty("removed", p.removed());
            probe.addProperty("earlierRemoved", p.earlierRemoved());
            probe.addProperty("writes", p.writes());
            probe.addProperty("otherRequests", p.otherRequests());
            probe.addProperty("clean", p.clean());
            probe.addProperty("stoppedEarly", p.stoppedEarly());
            JsonArray left = new JsonArray();
            p.leftBehind().forEach(left::add);
            probe.add("leftBehind", left);
            root.add("probe", probe);
        }
        return GSON.toJson(root);
    }
}
