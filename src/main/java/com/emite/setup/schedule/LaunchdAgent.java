package com.emite.setup.schedule;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A launchd agent in {@code ~/Library/LaunchAgents}: {@code StartCalendarInterval} at the chosen hour and minute
 * (launchd runs a missed interval when the Mac wakes). Loaded with {@code launchctl load -w}.
 */
public final class LaunchdAgent implements OsScheduler {
    static final String LABEL_PREFIX = "com.emite.setup.";
    private final Path agentsDir;
    private final Path logDir;
    private final CommandRunner runner;

    /**
     * @param agentsDir {@code ~/Library/LaunchAgents}
     * @param logDir    where launchd writes what the run prints (the app's log folder)
     */
    public LaunchdAgent(Path agentsDir, Path logDir, CommandRunner runner) {
        this.agentsDir = Objects.requireNonNull(agentsDir);
        this.logDir = Objects.requireNonNull(logDir);
        this.runner = Objects.requireNonNull(runner);
    }

    public static Path defaultAgentsDir() {
        return Path.of(System.getProperty("user.home"), "Library", "LaunchAgents");
    }

    @Override
    public String kind() {
        return "launchd agent";
    }

    static String label(String name) {
        return LABEL_PREFIX + name;
    }

    private Path file(String name) {
        return agentsDir.resolve(label(name) + ".plist");
    }

    @Override
    public List<EntryFile> entries(Schedule s) {
        return List.of(new EntryFile(file(s.name()), plist(s)));
    }

    String plist(Schedule s) {
        Document doc = Xml.newDocument();
        Element plist = doc.createElement("plist");
        plist.setAttribute("version", "1.0");
        doc.appendChild(plist);
        Element dict = Xml.child(plist, "dict");
        Xml.text(dict, "key", "Label");
        Xml.text(dict, "string", label(s.name()));
        Xml.text(dict, "key", "ProgramArguments");
        Element args = Xml.child(dict, "array");
        s.command().forEach(a -> Xml.text(args, "string", a));
        Xml.text(dict, "key", "StartCalendarInterval");
        Element when = Xml.child(dict, "dict");
        Xml.text(when, "key", "Hour");
        Xml.text(when, "integer", Integer.toString(s.at().getHour()));
        Xml.text(when, "key", "Minute");
        Xml.text(when, "integer", Integer.toString(s.at().getMinute()));
        Xml.text(dict, "key", "RunAtLoad");
        Xml.child(dict, "false");
        Xml.text(dict, "key", "ProcessType");
        Xml.text(dict, "string", "Background");
        Xml.text(dict, "key", "StandardOutPath");
        Xml.text(dict, "string", logDir.resolve(s.name() + ".log").toString());
        Xml.text(dict, "key", "StandardErrorPath");
        Xml.text(dict, "string", logDir.resolve(s.name() + ".log").toString());
        return Xml.write(doc, "UTF-8", "-//Apple//DTD PLIST 1.0//EN",
                "http://www.apple.com/DTDs/PropertyList-1.0.dtd");
    }

    @Override
    public void install(Schedule s) throws ScheduleException {
        Path f = file(s.name());
        try {
            Files.createDirectories(agentsDir);
            Files.createDirectories(logDir);
            if (Files.exists(f)) {
                launchctl("unload", f, false);
            }
            Files.writeString(f, plist(s));
        } catch (IOException e) {
            throw new ScheduleException("Could not write " + f + ": " + e.getMessage(), e);
        }
        launchctl("load", f, true);
    }

    @Override
    public ScheduleStatus status(String name) throws ScheduleException {
        Path f = file(name);
        if (!Files.isRegularFile(f)) {
            return ScheduleStatus.absent();
        }
        try {
            CommandRunner.Result r = runner.run(List.of("launchctl", "list", label(name)), null);
            return new ScheduleStatus(true, f.toString(), r.ok() ? r.output().strip() : "written but not loaded");
        } catch (IOException e) {
            return new ScheduleStatus(true, f.toString(), "launchctl could not be asked: " + e.getMessage());
        }
    }

    @Override
    public boolean remove(String name) throws ScheduleException {
        Path f = file(name);
        if (!Files.exists(f)) {
            return false;
        }
        launchctl("unload", f, false);
        try {
            Files.delete(f);
        } catch (IOException e) {
            throw new ScheduleException("Could not delete " + f + ": " + e.getMessage(), e);
        }
        return true;
    }

    private void launchctl(String verb, Path f, boolean mustWork) throws ScheduleException {
        try {
            CommandRunner.Result r = runner.run(List.of("launchctl", verb, "-w", f.toString()), null);
            if (mustWork && !r.ok()) {
                throw new ScheduleException("launchd refused the agent: " + r.output().strip());
            }
        } catch (IOException e) {
            if (mustWork) {
                throw new ScheduleException("launchctl is not available (" + e.getMessage() + ")", e);
            }
        }
    }
}
