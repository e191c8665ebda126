package com.emite.setup.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A line in the user's crontab, for Linux without systemd. The line ends with a marker comment naming the entry, so
 * installing again replaces it and removing takes out only our line; every other line is kept as it was.
 */
public final class CronEntry implements OsScheduler {
    static final String MARKER = "# emite-setup:";
    private final CommandRunner runner;

    public CronEntry(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner);
    }

    @Override
    public String kind() {
        return "cron";
    }

    @Override
    public List<EntryFile> entries(Schedule s) {
        return List.of(new EntryFile(Path.of("crontab"), line(s) + "\n"));
    }

    static String line(Schedule s) {
        List<String> quoted = new ArrayList<>();
        for (String a : s.command()) {
            if (a.indexOf('\n') >= 0 || a.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("An argument of a scheduled command cannot hold a line break");
            }
            // sh single quotes keep everything but the quote itself; cron turns a bare % into a line break.
            quoted.add("'" + a.replace("'", "'\\''").replace("%", "\\%") + "'");
        }
        return s.at().getMinute() + " " + s.at().getHour() + " * * * " + String.join(" ", quoted) + " " + MARKER
                + s.name();
    }

    @Override
    public void install(Schedule s) throws ScheduleException {
        List<String> lines = withoutOurs(current(), s.name());
        lines.add(line(s));
        write(lines);
    }

    @Override
    public ScheduleStatus status(String name) throws ScheduleException {
        return current().stream().filter(l -> l.endsWith(MARKER + name)).findFirst()
                .map(l -> new ScheduleStatus(true, "crontab", l)).orElse(ScheduleStatus.absent());
    }

    @Override
    public boolean remove(String name) throws ScheduleException {
        List<String> lines = current();
        List<String> kept = withoutOurs(lines, name);
        if (kept.size() == lines.size()) {
            return false;
        }
        write(kept);
        return true;
    }

    private static List<String> withoutOurs(List<String> lines, String name) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.endsWith(MARKER + name)) {
                out.add(l);
            }
        }
        return out;
    }

    private List<String> current() throws ScheduleException {
        CommandRunner.Result r = run(List.of("crontab", "-l"), null);
        if (!r.ok()) {
            // "no crontab for <user>" is the empty crontab; anything else is a refusal we must not write over.
            if (r.output().toLowerCase().contains("no crontab")) {
                return new ArrayList<>();
            }
            throw new ScheduleException("crontab -l failed: " + r.output().strip());
        }
        List<String> lines = new ArrayList<>(r.output().lines().toList());
        return lines;
    }

    private void write(List<String> lines) throws ScheduleException {
        String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        CommandRunner.Result r = run(List.of("crontab", "-"), text);
        if (!r.ok()) {
            throw new ScheduleException("crontab refused the new table: " + r.output().strip());
        }
    }

    private CommandRunner.Result run(List<String> argv, String input) throws ScheduleException {
        try {
            return runner.run(argv, input);
        } catch (IOException e) {
            throw new ScheduleException("crontab is not available (" + e.getMessage() + "). Install cron, or run "
                    + "the command yourself each day.", e);
        }
    }
}
