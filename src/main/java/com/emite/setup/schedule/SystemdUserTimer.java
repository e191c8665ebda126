package com.emite.setup.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A systemd user timer and its service: {@code <name>.timer} starts {@code <name>.service} daily; {@code Persistent}
 * runs a missed day at the next boot. Written into the user's unit folder, enabled with {@code systemctl --user}.
 */
public final class SystemdUserTimer implements OsScheduler {
    private final Path unitDir;
    private final CommandRunner runner;

    public SystemdUserTimer(Path unitDir, CommandRunner runner) {
        this.unitDir = Objects.requireNonNull(unitDir);
        this.runner = Objects.requireNonNull(runner);
    }

    /** {@code $XDG_CONFIG_HOME/systemd/user}, else {@code ~/.config/systemd/user}. */
    public static Path defaultUnitDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("systemd").resolve("user");
    }

    @Override
    public String kind() {
        return "systemd user timer";
    }

    @Override
    public List<EntryFile> entries(Schedule s) {
        String service = "# Written by eMite Setup. Remove with: emite-setup schedule remove\n"
                + "[Unit]\nDescription=" + s.description() + "\n\n"
                + "[Service]\nType=oneshot\nExecStart=" + execStart(s.command()) + "\n";
        String timer = "# Written by eMite Setup. Remove with: emite-setup schedule remove\n"
                + "[Unit]\nDescription=" + s.description() + " (daily at " + s.at() + ")\n\n"
                + "[Timer]\nOnCalendar=*-*-* " + s.at() + ":00\nPersistent=true\nUnit=" + s.name() + ".service\n\n"
                + "[Install]\nWantedBy=timers.target\n";
        return List.of(new EntryFile(unitDir.resolve(s.name() + ".service"), service),
                new EntryFile(unitDir.resolve(s.name() + ".timer"), timer));
    }

    @Override
    public void install(Schedule s) throws ScheduleException {
        List<EntryFile> files = entries(s);
        try {
            Files.createDirectories(unitDir);
            for (EntryFile f : files) {
                Files.writeString(f.path(), f.content());
            }
        } catch (IOException e) {
            throw new ScheduleException("Could not write the timer into " + unitDir + ": " + e.getMessage(), e);
        }
        try {
            systemctl("daemon-reload");
            systemctl("enable", "--now", s.name() + ".timer");
        } catch (ScheduleException e) {
            deleteQuietly(files);
            throw e;
        }
    }

    @Override
    public ScheduleStatus status(String name) throws ScheduleException {
        Path timer = unitDir.resolve(name + ".timer");
        if (!Files.isRegularFile(timer)) {
            return ScheduleStatus.absent();
        }
        String detail;
        try {
            CommandRunner.Result r = runner.run(List.of("systemctl", "--user", "list-timers", name + ".timer",
                    "--all", "--no-pager"), null);
            detail = r.output().strip();
        } catch (IOException e) {
            detail = "systemctl could not be asked: " + e.getMessage();
        }
        return new ScheduleStatus(true, timer.toString(), detail);
    }

    @Override
    public boolean remove(String name) throws ScheduleException {
        List<Path> files = List.of(unitDir.resolve(name + ".timer"), unitDir.resolve(name + ".service"));
        if (files.stream().noneMatch(Files::exists)) {
            return false;
        }
        try {
            runner.run(List.of("systemctl", "--user", "disable", "--now", name + ".timer"), null);
        } catch (IOException e) {
            // The files go anyway: without them systemd forgets the timer at its next reload.
        }
        for (Path f : files) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                throw new ScheduleException("Could not delete " + f + ": " + e.getMessage(), e);
            }
        }
        systemctl("daemon-reload");
        return true;
    }

    private void systemctl(String... args) throws ScheduleException {
        List<String> argv = new ArrayList<>(List.of("systemctl", "--user"));
        argv.addAll(List.of(args));
        CommandRunner.Result r;
        try {
            r = runner.run(argv, null);
        } catch (IOException e) {
            throw new ScheduleException("systemctl is not available (" + e.getMessage() + "). Use the cron entry "
                    + "instead, or run the command yourself each day.", e);
        }
        if (!r.ok()) {
            throw new ScheduleException("systemd refused '" + String.join(" ", argv) + "': " + r.output().strip()
                    + ". Is a user session running (loginctl enable-linger)? The cron entry works without one.");
        }
    }

    private static void deleteQuietly(List<EntryFile> files) {
        for (EntryFile f : files) {
            try {
                Files.deleteIfExists(f.path());
            } catch (IOException ignored) {
                // Best effort: the install failed already and says so.
            }
        }
    }

    /**
     * ExecStart with every argument double-quoted: systemd unquotes {@code \\} and {@code \"}, expands {@code %}
     * specifiers and {@code $} variables, so those are escaped; a line break cannot be written at all.
     */
    static String execStart(List<String> argv) {
        StringBuilder sb = new StringBuilder();
        for (String a : argv) {
            if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("An argument of a scheduled command cannot hold a line break");
            }
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"").replace("%", "%%")
                    .replace("$", "$$")).append('"');
        }
        return sb.toString();
    }
}
