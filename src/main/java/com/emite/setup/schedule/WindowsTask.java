package com.emite.setup.schedule;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A Task Scheduler task (schema {@value #NAMESPACE}, version 1.2) in the folder "eMite Setup": daily at the chosen
 * time, as the signed-in user with least privilege. It runs while that user is logged on ({@code InteractiveToken}),
 * because the vault password comes from the user's Credential Manager, which a task run without a logon cannot open;
 * {@code StartWhenAvailable} runs a missed day at the next logon. Installed with {@code schtasks /Create /XML}.
 */
public final class WindowsTask implements OsScheduler {
    static final String NAMESPACE = "http://schemas.microsoft.com/windows/2004/02/mit/task";
    static final String FOLDER = "eMite Setup";
    private final Path workDir;
    private final CommandRunner runner;
    private final Clock clock;

    /**
     * @param workDir where the task's XML is written before schtasks reads it (the app's data folder)
     */
    public WindowsTask(Path workDir, CommandRunner runner, Clock clock) {
        this.workDir = Objects.requireNonNull(workDir);
        this.runner = Objects.requireNonNull(runner);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String kind() {
        return "Task Scheduler";
    }

    static String taskPath(String name) {
        return "\\" + FOLDER + "\\" + name;
    }

    @Override
    public List<EntryFile> entries(Schedule s) {
        return List.of(new EntryFile(workDir.resolve(s.name() + ".task.xml"), xml(s)));
    }

    String xml(Schedule s) {
        Document doc = Xml.newDocument();
        Element task = doc.createElementNS(NAMESPACE, "Task");
        task.setAttribute("version", "1.2");
        doc.appendChild(task);

        Element info = Xml.child(task, "RegistrationInfo");
        Xml.text(info, "Description", s.description());
        Xml.text(info, "URI", taskPath(s.name()));

        Element trigger = Xml.child(Xml.child(task, "Triggers"), "CalendarTrigger");
        Xml.text(trigger, "StartBoundary", LocalDate.now(clock).atTime(s.at()).toString() + ":00");
        Xml.text(trigger, "Enabled", "true");
        Xml.text(Xml.child(trigger, "ScheduleByDay"), "DaysInterval", "1");

        Element principal = Xml.child(Xml.child(task, "Principals"), "Principal");
        principal.setAttribute("id", "Author");
        Xml.text(principal, "LogonType", "InteractiveToken");
        Xml.text(principal, "RunLevel", "LeastPrivilege");

        Element settings = Xml.child(task, "Settings");
        Xml.text(settings, "MultipleInstancesPolicy", "IgnoreNew");
        Xml.text(settings, "DisallowStartIfOnBatteries", "false");
        Xml.text(settings, "StopIfGoingOnBatteries", "false");
        Xml.text(settings, "StartWhenAvailable", "true");
        Xml.text(settings, "RunOnlyIfNetworkAvailable", "true");
        Xml.text(settings, "ExecutionTimeLimit", "PT2H");
        Xml.text(settings, "Enabled", "true");

        Element actions = Xml.child(task, "Actions");
        actions.setAttribute("Context", "Author");
        Element exec = Xml.child(actions, "Exec");
        Xml.text(exec, "Command", s.command().get(0));
        if (s.command().size() > 1) {
            Xml.text(exec, "Arguments", arguments(s.command().subList(1, s.command().size())));
        }
        return Xml.write(doc, "UTF-16", null, null);
    }

    @Override
    public void install(Schedule s) throws ScheduleException {
        EntryFile file = entries(s).get(0);
        try {
            Files.createDirectories(workDir);
            // schtasks reads the encoding the declaration names: UTF-16 with its byte order mark.
            Files.write(file.path(), file.content().getBytes(StandardCharsets.UTF_16));
        } catch (IOException e) {
            throw new ScheduleException("Could not write the task file " + file.path() + ": " + e.getMessage(), e);
        }
        try {
            schtasks(List.of("schtasks", "/Create", "/TN", taskPath(s.name()), "/XML", file.path().toString(),
                    "/F"), "Task Scheduler refused the task");
        } finally {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException ignored) {
                // The file holds no secret; it is only a copy of what Task Scheduler now keeps.
            }
        }
    }

    @Override
    public ScheduleStatus status(String name) throws ScheduleException {
        CommandRunner.Result r = run(List.of("schtasks", "/Query", "/TN", taskPath(name), "/V", "/FO", "LIST"));
        return r.ok() ? new ScheduleStatus(true, taskPath(name), r.output().strip()) : ScheduleStatus.absent();
    }

    @Override
    public boolean remove(String name) throws ScheduleException {
        if (!status(name).installed()) {
            return false;
        }
        schtasks(List.of("schtasks", "/Delete", "/TN", taskPath(name), "/F"), "Task Scheduler did not delete it");
        return true;
    }

    private void schtasks(List<String> argv, String refusal) throws ScheduleException {
        CommandRunner.Result r = run(argv);
        if (!r.ok()) {
            throw new ScheduleException(refusal + ": " + r.output().strip());
        }
    }

    private CommandRunner.Result run(List<String> argv) throws ScheduleException {
        try {
            return runner.run(argv, null);
        } catch (IOException e) {
            throw new ScheduleException("schtasks is not available (" + e.getMessage() + ")", e);
        }
    }

    /**
     * One command line that Windows programs split back into exactly these arguments (the rules of
     * CommandLineToArgvW: quotes around an argument with a space, tab or quote; backslashes doubled before a quote).
     */
    static String arguments(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (!a.isEmpty() && a.chars().noneMatch(c -> c == ' ' || c == '\t' || c == '"' || c == '\n')) {
                sb.append(a);
                continue;
            }
            sb.append('"');
            int backslashes = 0;
            for (char c : a.toCharArray()) {
                if (c == '\\') {
                    backslashes++;
                } else if (c == '"') {
                    sb.append("\\".repeat(backslashes * 2 + 1)).append('"');
                    backslashes = 0;
                } else {
                    sb.append("\\".repeat(backslashes)).append(c);
                    backslashes = 0;
                }
            }
            sb.append("\\".repeat(backslashes * 2)).append('"');
        }
        return sb.toString();
    }
}
