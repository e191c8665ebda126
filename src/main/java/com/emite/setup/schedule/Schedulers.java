package com.emite.setup.schedule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Picks this computer's scheduler: Task Scheduler, launchd, a systemd user timer, or cron where systemd is absent. */
public final class Schedulers {
    private Schedulers() {
    }

    /**
     * @param dataDir the app's data folder (Task Scheduler's XML passes through it; launchd logs into its logs/)
     */
    public static OsScheduler forThisComputer(Path dataDir, CommandRunner runner, Clock clock) {
        return forSystem(System.getProperty("os.name", ""), Files.isDirectory(Path.of("/run/systemd/system")),
                dataDir, runner, clock);
    }

    static OsScheduler forSystem(String osName, boolean systemdRunning, Path dataDir, CommandRunner runner,
                                 Clock clock) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return new WindowsTask(dataDir, runner, clock);
        }
        if (os.startsWith("mac")) {
            return new LaunchdAgent(LaunchdAgent.defaultAgentsDir(), dataDir.resolve("logs"), runner);
        }
        return systemdRunning ? new SystemdUserTimer(SystemdUserTimer.defaultUnitDir(), runner)
                : new CronEntry(runner);
    }
}
