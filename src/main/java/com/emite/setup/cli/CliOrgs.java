package com.emite.setup.cli;

import com.emite.setup.app.LicenceUpkeepService;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.Journal;
import com.emite.setup.schedule.Schedule;
import com.emite.setup.schedule.ScheduleException;
import com.emite.setup.vault.DataFolder;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code orgs}: the orgs a vault holds (a partner sets eMite up for many customers), each with its region, the last
 * run, what state it left, whether it can sign in with no person present, and its licence upkeep (scheduled or not,
 * the last report). Reads the vault and the data folder only; signs in to nothing.
 */
final class CliOrgs {
    private final CliOptions o;
    private final CliIO io;
    private final Path dataDir;
    private final JsonObject out;

    CliOrgs(CliOptions o, CliIO io, Path dataDir, JsonObject out) {
        this.o = o;
        this.io = io;
        this.dataDir = dataDir;
        this.out = out;
    }

    /** One org's line. */
    record Row(String shortName, String orgId, String region, String lastRun, String state, boolean signsInAlone,
               boolean upkeepSignIn, String schedule, String lastUpkeep) {
    }

    int run() {
        Path file = CliSession.vaultFile(o, dataDir);
        if (!Vault.exists(file)) {
            throw new UsageException("No vault at " + file + " yet: apply creates it (or name one with --vault).");
        }
        Secret password = CliVaultPassword.read(o, io, false, file);
        List<Row> rows;
        try (Vault vault = Vault.open(file, password)) {
            rows = vault.contents().orgs().stream().map(this::row).toList();
        } catch (VaultException e) {
            throw new UsageException("Vault " + file + ": " + CliVaultPassword.words(e) + " [" + e.code() + "]");
        }
        if (o.has("--json")) {
            JsonArray a = new JsonArray();
            for (Row r : rows) {
                JsonObject j = new JsonObject();
                j.addProperty("shortName", r.shortName());
                j.addProperty("orgId", r.orgId());
                j.addProperty("region", r.region());
                j.addProperty("lastRun", r.lastRun());
                j.addProperty("state", r.state());
                j.addProperty("signsInWithNoPersonPresent", r.signsInAlone());
                j.addProperty("upkeepSignIn", r.upkeepSignIn());
                j.addProperty("licenceUpkeep", r.schedule());
                j.addProperty("lastUpkeep", r.lastUpkeep());
                a.add(j);
            }
            out.addProperty("vault", file.toString());
            out.add("orgs", a);
        } else if (rows.isEmpty()) {
            io.out().println("The vault " + file + " holds no org yet: apply adds one.");
        } else {
            io.out().println("Orgs in the vault " + file + ":");
            for (Row r : rows) {
                io.out().println("  " + (r.shortName() == null ? r.orgId() : r.shortName()) + "  region "
                        + (r.region() == null ? "not recorded" : r.region()) + "  last run " + r.lastRun() + "  "
                        + r.state());
                io.out().println("      sign-in: " + (r.upkeepSignIn() ? "the upkeep sign-in (keep-licences runs alone, "
                        + "with only the rights it needs)" : r.signsInAlone() ? "remembered (keep-licences can run "
                        + "alone)" : "not remembered") + "; licence upkeep: " + r.schedule() + "; last upkeep: "
                        + r.lastUpkeep());
            }
        }
        return CliMain.OK;
    }

    private Row row(OrgRecord r) {
        Journal j = Journal.parse(r.journal());
        Journal.Run last = j.lastRun();
        String lastRun = last == null ? "never" : last.startedAt();
        String state;
        if (last == null) {
            state = "nothing applied yet";
        } else if (last.status() != Journal.RunStatus.FINISHED) {
            state = "the last run stopped half-way (" + last.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "): run it again";
        } else {
            List<Change> ofLast = j.changesOf(last.runId());
            boolean removal = !ofLast.isEmpty() && ofLast.stream().allMatch(c -> c.action().equals("removed"));
            state = removal ? "eMite removed" : "set up";
        }
        boolean upkeep = com.emite.setup.app.UpkeepSignInService.signIn(r,
                com.emite.setup.app.UpkeepSignInService.SignInChoice.UPKEEP).isPresent();
        return new Row(r.shortName(), r.orgId(), r.region(), lastRun, state, upkeep || r.adminClient().isPresent(),
                upkeep,
                schedule(r.shortName()), lastUpkeep(r.shortName()));
    }

    private String schedule(String shortName) {
        if (shortName == null) {
            return "not scheduled";
        }
        try {
            return io.scheduler(dataDir).status(Schedule.nameFor(CliSchedule.TASK, shortName)).installed()
                    ? "scheduled daily" : "not scheduled";
        } catch (ScheduleException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The newest keep-licences report of the org: its verdict and when it ended. */
    private String lastUpkeep(String shortName) {
        if (shortName == null) {
            return "never";
        }
        Path logs = dataDir.resolve(DataFolder.LOGS);
        String prefix = LicenceUpkeepService.REPORT_PREFIX + DataFolder.folderNameFor(shortName) + "-";
        if (!Files.isDirectory(logs)) {
            return "never";
        }
        try (Stream<Path> s = Files.list(logs)) {
            Path newest = s.filter(p -> p.getFileName().toString().startsWith(prefix)
                    && p.getFileName().toString().endsWith(".json")).max((a, b) -> {
                        try {
                            return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                        } catch (IOException e) {
                            return 0;
                        }
                    }).orElse(null);
            if (newest == null) {
                return "never";
            }
            JsonObject r = JsonParser.parseString(Files.readString(newest)).getAsJsonObject();
            return r.get("verdict").getAsString() + " at " + r.get("ended").getAsString() + " (" + newest + ")";
        } catch (IOException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }
}
