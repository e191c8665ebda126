package com.emite.setup.cli;

import com.emite.setup.app.SecretRotations;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.SecretAge;
import com.emite.setup.provision.SecretRotation;
import com.emite.setup.provision.UpkeepNeed;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code rotate-secrets}: plan the resets, say what eMite loses until it has the new secrets (the upkeep sign-in's
 * only goes into the vault), confirm, reset (each new secret saved in the vault the moment it arrives), then write the
 * form that marks the new secrets. Also the secret ages that {@code verify} prints and checks against
 * {@code --max-secret-age}.
 */
final class CliRotate {
    private final CliOptions o;
    private final CliIO io;
    private final SetupService setup;
    private final CancellationToken token;
    private final boolean json;
    private final JsonObject out;

    CliRotate(CliOptions o, CliIO io, SetupService setup, CancellationToken token, boolean json,
              JsonObject out) {
        this.o = o;
        this.io = io;
        this.setup = setup;
        this.token = token;
        this.json = json;
        this.out = out;
    }

    int run(CliSession s) {
        s.openVault(o, io, true);
        if (s.storeNote != null) {
            io.err().println(s.storeNote);
        }
        SecretRotations rotations = new SecretRotations(setup);
        SecretRotations.Proposal proposal;
        ProgressLine reading = new ProgressLine(io.err(), io.interactive());
        try {
            proposal = rotations.propose(s.connection, s.store, clientNames(o), reading, token);
        } finally {
            reading.finish();
        }
        List<PlanItem> resets = proposal.toRotate();
        List<PlanItem> blocked = proposal.refused();
        if (!json) {
            io.out().println("Rotate client secrets of " + proposal.current().org().orgName() + " ("
                    + proposal.current().org().shortName() + "):");
            resets.forEach(i -> io.out().println("  " + i.target() + ": " + i.differences().get(0)));
            blocked.forEach(i -> io.out().println("  " + (i.kind() == ItemKind.PREFLIGHT ? "nothing rotated: "
                    : i.target() + ": not rotated. ") + i.blocker().reason() + " " + i.blocker().advice()));
        }
        if (resets.isEmpty()) {
            io.err().println(blocked.isEmpty() ? "eMite has no OAuth client in this org yet: run apply first."
                    : "Nothing was changed.");
            return blocked.isEmpty() ? CliMain.OK : CliMain.BLOCKED;
        }
        List<String> names = resets.stream().map(PlanItem::target).toList();
        if (!o.has("--yes") && !confirm(names)) {
            io.err().println("Nothing was changed.");
            return CliMain.ERROR;
        }
        ProgressLine pl = new ProgressLine(io.err(), io.interactive());
        ApplyResult result;
        List<String> files = new ArrayList<>();
        try {
            SecretRotations.Outcome outcome = rotations.rotate(s.connection, s.store, proposal, pl, token);
            result = outcome.result();
            outcome.handover().kept().forEach(f -> files.add(f.toString()));
        } catch (IOException e) {
            // The secrets are in the vault already; only the kept copy of the form is missing.
            io.err().println("The form could not be written: " + e.getMessage() + ". Write it with export-form.");
            return CliMain.ERROR;
        } finally {
            pl.finish();
        }
        List<String> done = result.outcomes().stream().filter(ApplyResult.Outcome::done)
                .map(x -> x.item().target()).toList();
        if (json) {
            out.add("result", PlanText.resultJson(result, files));
        } else {
            io.out().print("\n" + PlanText.applyResult(result, files));
            if (!SecretRotation.forEmite(done).isEmpty()) {
                io.out().println("Send the new secrets to eMite now: Genesys keeps one secret per client, so eMite "
                        + "stops working until they have them. The form with the secrets in clear: export-form "
                        + "--include-secrets --out <folder>.");
            }
            if (done.stream().anyMatch(SecretRotation::isUpkeep)) {
                io.out().println("The upkeep sign-in's new secret is in the vault only: keep-licences and its daily "
                        + "entry read it from there on their next run, nothing else to change.");
            }
        }
        if (!result.finished()) {
            List<String> rest = names.stream().filter(n -> !done.contains(n)).map(CliRotate::option).toList();
            io.err().println("Every secret rotated so far is in the vault." + (rest.isEmpty() ? "" : " To rotate the "
                    + "rest, run rotate-secrets again with " + String.join(" ", rest) + " (a reset cut off before "
                    + "its answer is reset again; its old secret no longer works)."));
            return CliMain.ERROR;
        }
        return blocked.isEmpty() ? CliMain.OK : CliMain.BLOCKED;
    }

    /** {@code --client} names, plus the upkeep sign-in's with {@code --upkeep-client}; empty means all. */
    static List<String> clientNames(CliOptions o) {
        List<String> names = new ArrayList<>(o.values("--client"));
        if (o.has("--upkeep-client") && !names.contains(UpkeepNeed.CLIENT_NAME)) {
            names.add(UpkeepNeed.CLIENT_NAME);
        }
        return names;
    }

    /** The option that names one client again, quoted only when its name needs it. */
    private static String option(String name) {
        return SecretRotation.isUpkeep(name) ? "--upkeep-client" : "--client " + (name.matches("[A-Za-z0-9_.-]+")
                ? name : "\"" + name + "\"");
    }

    private boolean confirm(List<String> names) {
        int count = SecretRotation.forEmite(names).size();
        String emite = count == 0 ? "" : "Genesys keeps one secret per client: eMite stops working until it has the "
                + "new " + (count == 1 ? "secret" : count + " secrets") + ". ";
        String upkeep = names.stream().anyMatch(SecretRotation::isUpkeep) ? "The upkeep sign-in's old secret stops "
                + "working; its new one goes into the vault, where keep-licences reads it. " : "";
        String answer = io.readLine(emite + upkeep + "Rotate now? Type yes to go on: ");
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
                        + (old.contains(age) ? ", older than " + max + " days: rotate-secrets "
                        + (SecretRotation.isUpkeep(age.clientName()) ? "--upkeep-client"
                        : "--client " + age.clientName()) : ""));
            }
        }
        return !old.isEmpty();
    }
}
