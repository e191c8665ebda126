package com.emite.setup.app;

import com.emite.setup.schedule.OsScheduler;
import com.emite.setup.schedule.Schedule;
import com.emite.setup.schedule.ScheduleException;
import com.emite.setup.schedule.ScheduleStatus;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One org's daily licence upkeep as an entry of the operating system's own scheduler (systemd user timer or cron,
 * Task Scheduler, launchd agent), for both faces: the command line's {@code schedule} and the window's Licences tab.
 * The entry runs this program's {@code keep-licences}; it holds the program and its options, never a password or
 * secret (the scheduled run takes the vault password from the keychain or from a variable the scheduler sets).
 */
public final class LicenceSchedules {
    /** The entry's name in the scheduler, before the org's short name. */
    public static final String TASK = "emite-keep-licences";

    /** The jar's entry point (named, not imported: the app layer does not depend on the launcher). */
    public static final String LAUNCHER_CLASS = "com.emite.setup.Launcher";

    private final OsScheduler scheduler;

    public LicenceSchedules(OsScheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler);
    }

    /**
     * What to schedule.
     *
     * @param shortName   the org's short name ({@code --org})
     * @param at          the local time of day
     * @param vaultFile   the vault the run opens
     * @param dataDir     where reports go
     * @param passwordEnv the variable holding the vault password, or null for the OS keychain
     * @param takeBack    pass {@code --take-back-from-leavers}
     * @param signIn      {@code --sign-in}: {@code auto} (not written), {@code upkeep} or {@code admin}
     * @param passed      further options passed on as they are ({@code --region}, {@code --api-base}, …), in order
     */
    public record Request(String shortName, LocalTime at, Path vaultFile, Path dataDir, String passwordEnv,
                          boolean takeBack, String signIn, Map<String, String> passed) {
        public Request {
            Objects.requireNonNull(shortName);
            Objects.requireNonNull(at);
            Objects.requireNonNull(vaultFile);
            Objects.requireNonNull(dataDir);
            passed = new LinkedHashMap<>(passed);
        }
    }

    /** A short name for the admin: "systemd user timer", "cron", "Task Scheduler", "launchd agent". */
    public String kind() {
        return scheduler.kind();
    }

    /** The scheduler entry's name for an org. */
    public static String entryName(String shortName) {
        return Schedule.nameFor(TASK, shortName);
    }

    /** Writes the entry (installing again replaces it); returns what was installed. */
    public Schedule install(Request r) throws ScheduleException {
        Schedule s = new Schedule(entryName(r.shortName()),
                "eMite Setup: keep eMite licences up to date for " + r.shortName(), r.at(), command(r));
        scheduler.install(s);
        return s;
    }

    public ScheduleStatus status(String shortName) throws ScheduleException {
        return scheduler.status(entryName(shortName));
    }

    /** Takes the entry out; true when there was one. */
    public boolean remove(String shortName) throws ScheduleException {
        return scheduler.remove(entryName(shortName));
    }

    /** The scheduled command: this program, then keep-licences with the org, where, the vault and its password. */
    public static List<String> command(Request r) {
        List<String> c = new ArrayList<>(launcher());
        c.add("keep-licences");
        c.add("--org");
        c.add(r.shortName());
        c.add("--vault");
        c.add(r.vaultFile().toString());
        c.add("--data-dir");
        c.add(r.dataDir().toString());
        if (r.passwordEnv() == null) {
            c.add("--vault-password-keychain");
        } else {
            c.add("--vault-password-env");
            c.add(r.passwordEnv());
        }
        if (r.takeBack()) {
            c.add("--take-back-from-leavers");
        }
        if (r.signIn() != null && !r.signIn().equals("auto")) {
            c.add("--sign-in");
            c.add(r.signIn());
        }
        r.passed().forEach((option, value) -> {
            c.add(option);
            c.add(value);
        });
        return c;
    }

    /**
     * How to start this program: the packaged launcher when running from the installer's app (jpackage sets
     * {@code jpackage.app-path}), else this Java with the jar, else (from the build's classes) this Java with the
     * class path and the launcher class.
     */
    public static List<String> launcher() {
        String app = System.getProperty("jpackage.app-path");
        if (app != null && !app.isBlank()) {
            return List.of(app);
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String java = Paths.get(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
        try {
            Path code = Paths.get(LicenceSchedules.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return List.of(java, "-jar", code.toString());
            }
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            // no code source: use the class path
        }
        return List.of(java, "-cp", System.getProperty("java.class.path"), LAUNCHER_CLASS);
    }
}
