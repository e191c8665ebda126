package com.emite.setup.cli;

import com.emite.setup.app.LicenceSchedules;
import com.emite.setup.app.UpkeepSignInService;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.schedule.OsScheduler;
import com.emite.setup.schedule.Schedule;
import com.emite.setup.schedule.ScheduleException;
import com.emite.setup.schedule.ScheduleStatus;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * {@code schedule install|status|remove}: the operating system's own daily entry (systemd user timer or cron, Task
 * Scheduler, launchd agent) that runs {@code keep-licences} for one org. The entry holds the program and its options,
 * never a password or secret: the scheduled run takes the vault password from the keychain or from a variable the
 * scheduler's environment sets.
 */
final class CliSchedule {
    /** The entry's name in the scheduler, before the org's short name. */
    static final String TASK = LicenceSchedules.TASK;

    /** The jar's entry point (named, not imported: the command line does not depend on the launcher). */
    static final String LAUNCHER_CLASS = LicenceSchedules.LAUNCHER_CLASS;

    enum Action { INSTALL, STATUS, REMOVE }

    private final CliOptions o;
    private final CliIO io;
    private final Path dataDir;
    private final boolean json;
    private final JsonObject out;

    CliSchedule(CliOptions o, CliIO io, Path dataDir, JsonObject out) {
        this.o = o;
        this.io = io;
        this.dataDir = dataDir;
        this.json = o.has("--json");
        this.out = out;
    }

    static Action action(String word) {
        for (Action a : Action.values()) {
            if (a.name().toLowerCase(Locale.ROOT).equals(word)) {
                return a;
            }
        }
        throw new UsageException("schedule wants install, status or remove, not " + CliText.quote(word) + ". "
                + "For example: schedule install --org litwaretelecom --at 06:30 --vault-password-keychain");
    }

    int run(Action action) {
        if (!o.has("--org")) {
            throw new UsageException("Say which org's licences to keep: --org SHORTNAME (its short name, as plan "
                    + "shows it).");
        }
        String shortName = o.value("--org").trim();
        String name = Schedule.nameFor(TASK, shortName);
        OsScheduler scheduler = io.scheduler(dataDir);
        out.addProperty("scheduler", scheduler.kind());
        out.addProperty("entry", name);
        try {
            return switch (action) {
                case INSTALL -> install(scheduler, name, shortName);
                case STATUS -> status(scheduler, name);
                case REMOVE -> remove(scheduler, name);
            };
        } catch (ScheduleException e) {
            io.err().println(e.getMessage());
            return CliMain.ERROR;
        }
    }

    private int install(OsScheduler scheduler, String name, String shortName) throws ScheduleException {
        LocalTime at = at(o.value("--at", "06:00"));
        boolean keychain = o.has("--vault-password-keychain");
        if (keychain == o.has("--vault-password-env")) {
            throw new UsageException("A scheduled run has nobody to type the vault password: add "
                    + "--vault-password-keychain (recommended: the password stays in this computer's keychain; keep "
                    + "it there once with keep-licences --remember-vault-password) or --vault-password-env VAR (the "
                    + "scheduler's environment must then set VAR).");
        }
        String signIn = signIn(shortName);
        List<String> command = new LicenceSchedules(scheduler).install(request(shortName, at, signIn)).command();
        if (json) {
            JsonArray c = new JsonArray();
            command.forEach(c::add);
            out.add("command", c);
            out.addProperty("at", at.toString());
        } else {
            io.out().println("Installed: " + scheduler.kind() + " " + name + ", daily at " + at + ".");
            io.out().println("It runs: " + String.join(" ", command.stream().map(CliSchedule::shown).toList()));
            io.out().println(switch (signIn) {
                case "upkeep" -> "It signs in with the upkeep sign-in " + UpkeepNeed.CLIENT_NAME + " only (its role "
                        + "holds only what keep-licences needs).";
                case "admin" -> "It signs in with the admin's remembered client (the admin's rights).";
                default -> "It signs in with the upkeep sign-in when the vault holds it, else with the admin's "
                        + "remembered client; make the upkeep sign-in with apply --with-upkeep-client.";
            });
            io.out().println("Reports: " + dataDir.resolve("logs") + " (keep-licences-" + shortName + "-*.json). "
                    + "Stop it with: schedule remove --org " + shortName);
        }
        return CliMain.OK;
    }

    private int status(OsScheduler scheduler, String name) throws ScheduleException {
        ScheduleStatus st = scheduler.status(name);
        if (json) {
            out.addProperty("installed", st.installed());
            out.addProperty("where", st.where());
            out.addProperty("detail", st.detail());
        } else if (st.installed()) {
            io.out().println("Installed: " + scheduler.kind() + " " + name + " in " + st.where() + ".");
            if (!st.detail().isBlank()) {
                io.out().println(st.detail());
            }
        } else {
            io.out().println("Not installed: there is no " + scheduler.kind() + " " + name + ".");
        }
        return CliMain.OK;
    }

    private int remove(OsScheduler scheduler, String name) throws ScheduleException {
        boolean removed = scheduler.remove(name);
        out.addProperty("removed", removed);
        if (!json) {
            io.out().println(removed ? "Removed: " + scheduler.kind() + " " + name + ". Licences are no longer kept "
                    + "up to date by themselves." : "Nothing to remove: there is no " + scheduler.kind() + " " + name
                    + ".");
        }
        if (o.has("--forget-sign-in")) {
            boolean forgot = forgetSignIn(o.value("--org").trim());
            out.addProperty("signInForgotten", forgot);
            if (!json) {
                io.out().println(forgot ? "The vault no longer keeps a sign-in client for " + o.value("--org").trim()
                        + ": nothing can sign in to it unattended." : "The vault kept no sign-in client for "
                        + o.value("--org").trim() + ".");
            }
        }
        return CliMain.OK;
    }

    /** Drops the org's remembered admin client from the vault (the vault password as for any command). */
    private boolean forgetSignIn(String shortName) {
        java.nio.file.Path file = CliSession.vaultFile(o, dataDir);
        if (!com.emite.setup.vault.Vault.exists(file)) {
            throw new UsageException("No vault at " + file + ": nothing to forget (name the vault with --vault).");
        }
        try (com.emite.setup.vault.Vault vault = com.emite.setup.vault.Vault.open(file,
                CliVaultPassword.read(o, io, false, file))) {
            com.emite.setup.vault.OrgRecord r = OrgChoice.pick(vault.contents().orgs(), shortName);
            boolean had = r.adminClient().isPresent();
            if (had) {
                r.forgetAdminClient();
                vault.save();
            }
            return had;
        } catch (com.emite.setup.vault.VaultException e) {
            throw new UsageException("Vault " + file + ": " + CliVaultPassword.words(e) + " [" + e.code() + "]");
        }
    }

    static LocalTime at(String text) {
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeParseException e) {
            throw new UsageException("--at wants a time of day as HH:MM (24-hour clock, for example 06:30), not "
                    + CliText.quote(text) + ".");
        }
    }

    /**
     * The scheduled run's {@code --sign-in}: as given; else {@code upkeep} when the vault already holds the upkeep
     * sign-in (so the run never falls back to the admin's rights if it is removed later), which is looked at only when
     * the vault password is at hand now (keychain or a set variable); else {@code auto}.
     */
    private String signIn(String shortName) {
        if (o.has("--sign-in")) {
            return CliSignIn.signInChoice(o).name().toLowerCase(Locale.ROOT);
        }
        Path file = CliSession.vaultFile(o, dataDir);
        boolean passwordAtHand = o.has("--vault-password-keychain") || o.has("--vault-password-env")
                && io.env(o.value("--vault-password-env")) != null;
        if (!passwordAtHand || !com.emite.setup.vault.Vault.exists(file)) {
            return "auto";
        }
        try (com.emite.setup.vault.Vault vault = com.emite.setup.vault.Vault.open(file,
                CliVaultPassword.read(o, io, false, file))) {
            com.emite.setup.vault.OrgRecord r = OrgChoice.pick(vault.contents().orgs(), shortName);
            return UpkeepSignInService.signIn(r, UpkeepSignInService.SignInChoice.UPKEEP).isPresent() ? "upkeep"
                    : "auto";
        } catch (com.emite.setup.vault.VaultException | UsageException e) {
            return "auto"; // the scheduled run reports what is wrong with the vault; installing needs none of it
        }
    }

    /** The scheduled command (built by the app layer, which the window's Licences tab uses too). */
    List<String> command(String shortName) {
        return command(shortName, o.has("--sign-in") ? o.value("--sign-in") : "auto");
    }

    List<String> command(String shortName, String signIn) {
        return LicenceSchedules.command(request(shortName, LocalTime.MIDNIGHT, signIn));
    }

    private LicenceSchedules.Request request(String shortName, LocalTime at, String signIn) {
        java.util.Map<String, String> passed = new java.util.LinkedHashMap<>();
        for (String option : List.of("--region", "--api-base", "--login-base", "--divisions", "--rate-limit")) {
            if (o.has(option)) {
                passed.put(option, o.value(option));
            }
        }
        return new LicenceSchedules.Request(shortName, at,
                CliSession.vaultFile(o, dataDir), dataDir, o.has("--vault-password-keychain") ? null
                : o.value("--vault-password-env"), o.has("--take-back-from-leavers"), signIn, passed);
    }

    static List<String> launcher() {
        return LicenceSchedules.launcher();
    }

    private static String shown(String word) {
        return word.isEmpty() || word.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '"' || ch == '\'')
                ? "\"" + word.replace("\"", "\\\"") + "\"" : word;
    }
}
