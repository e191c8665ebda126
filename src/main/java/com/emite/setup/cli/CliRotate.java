package com.emite.setup.cli;

import com.emite.setup.app.SetupService;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ChangeReport;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.FormBuilder;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.SecretAge;
import com.emite.setup.provision.SecretRotation;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rotate-secrets}: plan the resets, say what eMite loses until it has the new secrets, confirm, reset (each new
 * secret saved in the vault the moment it arrives), then write the form that marks the new secrets. Also the secret
 * ages that {@code verify} prints and checks against {@code --max-secret-age}.
 */
final class CliRotate {
    private final CliOptions o;
    private final CliIO io;
    private final SetupService setup;
    private final Needs needs;
    private final CancellationToken token;
    private final boolean json;
    private final JsonObject out;

    CliRotate(CliOptions o, CliIO io, SetupService setup, Needs needs, CancellationToken token, boolean json,
              JsonObject out) {
        this.o = o;
        this.io = io;
        this.setup = setup;
        this.needs = needs;
        this.token = token;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        s.openVault(o, io, true);
        if (s.storeNote != null) {
            io.err().println(s.storeNote);
        }
        Plan current = plan(s);
        Plan rotation = SecretRotation.plan(current, o.values("--client"));
        List<PlanItem> resets = rotation.toApply();
        List<PlanItem> blocked = rotation.items().stream().filter(i -> i.blocker() != null).toList();
        if (!json) {
            io.out().println("Rotate client secrets of " + current.org().orgName() + " (" + current.org().shortName()
                    + "):");
            resets.forEach(i -> io.out().println("  " + i.target() + ": " + i.differences().get(0)));
            blocked.forEach(i -> io.out().println("  " + i.target() + ": not rotated. " + i.blocker().reason() + " "
                    + i.blocker().advice()));
        }
        if (resets.isEmpty()) {
            io.err().println(blocked.isEmpty() ? "eMite has no OAuth client in this org yet: run apply first."
                    : "Nothing was changed.");
            return blocked.isEmpty() ? CliMain.OK : CliMain.BLOCKED;
        }
        if (!o.has("--yes") && !confirm(resets.size())) {
            io.err().println("Nothing was changed.");
            return CliMain.ERROR;
        }
        ProgressLine pl = new ProgressLine(io.err(), io.interactive());
        ApplyResult result;
        try {
            result = setup.apply(s.connection, s.store, rotation, pl, token);
        } finally {
            pl.finish();
        }
        List<String> files = new ArrayList<>();
        try {
            IntegrationForm form = FormBuilder.afterRotation(current, result, needs, s.store);
            ChangeReport report = new ChangeReport(current.org().orgName(), current.org().shortName(),
                    result.runId(), result.changes(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            for (Path p : FormWriter.write(setup.formsDir(current.org().shortName()), form, report)) {
                files.add(p.toString());
            }
        } catch (IOException e) {
            io.err().println("The form could not be written: " + e.getMessage());
        }
        if (json) {
            out.add("result", PlanText.resultJson(result, files));
        } else {
            io.out().print("\n" + PlanText.applyResult(result, files));
            if (result.outcomes().stream().anyMatch(ApplyResult.Outcome::done)) {
                io.out().println("Send the new secrets to eMite now: Genesys keeps one secret per client, so eMite "
                        + "stops working until they have them. The form with the secrets in clear: export-form "
                        + "--include-secrets --out <folder>.");
            }
        }
        if (!result.finished()) {
            return CliMain.ERROR;
        }
        return blocked.isEmpty() ? CliMain.OK : CliMain.BLOCKED;
    }

    private Plan plan(CliSession s) {
        ProgressLine pl = new ProgressLine(io.err(), io.interactive());
        try {
            // With WFM, so that the WFM clients are rotated too when the org has them.
            return setup.plan(s.connection, s.store, Choices.defaults().withWfm(true), pl, token);
        } finally {
            pl.finish();
        }
    }

    private boolean confirm(int count) {
        String answer = io.readLine("Genesys keeps one secret per client: eMite stops working until it has the new "
                + (count == 1 ? "secret" : count + " secrets") + ". Rotate now? Type yes to go on: ");
        if (answer == null) {
            io.err().println("No answer on standard input: add --yes to rotate without a question.");
            return false;
        }
        String a = answer.trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }

    /**
     * Prints how old each secret in the vault is and returns true when one is older than {@code --max-secret-age}.
     */
    static boolean secretAges(Plan plan, RunStore store, CliOptions o, CliIO io, boolean json, JsonObject out) {
        List<SecretAge> ages = SecretAge.of(plan, store, Clock.systemUTC());
        Integer max = o.has("--max-secret-age") ? o.intValue("--max-secret-age", 0) : null;
        List<SecretAge> old = max == null ? List.of() : SecretAge.olderThan(ages, max);
        if (json) {
            JsonArray a = new JsonArray();
            for (SecretAge age : ages) {
                JsonObject j = new JsonObject();
                j.addProperty("client", age.clientName());
                j.addProperty("issuedAt", age.issuedAt() == null ? null : age.issuedAt().toString());
                j.addProperty("days", age.days());
                j.addProperty("tooOld", old.contains(age));
                a.add(j);
            }
            out.add("secretAges", a);
        } else if (!ages.isEmpty()) {
            io.out().println("\nClient secrets in the vault:");
            for (SecretAge age : ages) {
                io.out().println("  " + age.clientName() + ": " + (age.issuedAt() == null ? "issue date not recorded"
                        : age.days() + " days old (issued " + age.issuedAt().truncatedTo(ChronoUnit.MINUTES) + ")")
                        + (old.contains(age) ? ", older than " + max + " days: rotate-secrets --client "
                        + age.clientName() : ""));
            }
        }
        return !old.isEmpty();
    }
}
