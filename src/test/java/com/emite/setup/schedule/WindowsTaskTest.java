package com.emite.setup.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task XML against the documented Task Scheduler schema (learn.microsoft.com "Task Scheduler Schema": the Task
 * element of namespace .../2004/02/mit/task, version 1.2; CalendarTrigger with StartBoundary and ScheduleByDay;
 * Principal LogonType; Exec with Command and Arguments), since it cannot run here.
 */
class WindowsTaskTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-29T20:00:00Z"), ZoneOffset.UTC);
    static final List<String> COMMAND = List.of("C:\\Program Files\\eMite Setup\\eMite Setup.exe", "keep-licences",
            "--org", "litware", "--report", "C:\\Users\\Ann Lee\\AppData\\eMite\\", "say \"hi\"", "");

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static Element only(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getLocalName().equals(name)) {
                assertEquals(WindowsTask.NAMESPACE, e.getNamespaceURI(), name);
                found.add(e);
            }
        }
        assertEquals(1, found.size(), "exactly one " + name + " in " + parent.getLocalName());
        return found.get(0);
    }

    @Test
    void theTaskFollowsTheSchema(@TempDir Path dir) throws Exception {
        String xml = new WindowsTask(dir, RecordingRunner.alwaysOk(), CLOCK).xml(SystemdUserTimerTest.schedule(COMMAND));
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-16\""), xml);
        Element task = parse(xml).getDocumentElement();
        assertEquals("Task", task.getLocalName());
        assertEquals(WindowsTask.NAMESPACE, task.getNamespaceURI());
        assertEquals("1.2", task.getAttribute("version"));

        assertEquals("\\eMite Setup\\emite-keep-licences-litware", only(only(task, "RegistrationInfo"), "URI")
                .getTextContent());
        Element trigger = only(only(task, "Triggers"), "CalendarTrigger");
        LocalDateTime start = LocalDateTime.parse(only(trigger, "StartBoundary").getTextContent());
        assertEquals(LocalDateTime.of(2026, 11, 29, 6, 30), start);
        assertEquals("1", only(only(trigger, "ScheduleByDay"), "DaysInterval").getTextContent());

        Element principal = only(only(task, "Principals"), "Principal");
        assertEquals("InteractiveToken", only(principal, "LogonType").getTextContent());
        assertEquals("LeastPrivilege", only(principal, "RunLevel").getTextContent());
        Element settings = only(task, "Settings");
        assertEquals("true", only(settings, "StartWhenAvailable").getTextContent());
        assertNotNull(only(settings, "ExecutionTimeLimit"));

        Element exec = only(only(task, "Actions"), "Exec");
        assertEquals(COMMAND.get(0), only(exec, "Command").getTextContent());
        assertEquals(COMMAND.subList(1, COMMAND.size()),
                commandLineToArgv(only(exec, "Arguments").getTextContent()));
    }

    @Test
    void installHandsTheXmlToSchtasksAndLeavesNoFile(@TempDir Path dir) throws Exception {
        RecordingRunner schtasks = RecordingRunner.alwaysOk();
        new WindowsTask(dir, schtasks, CLOCK).install(SystemdUserTimerTest.schedule(COMMAND));
        List<String> create = schtasks.calls.get(0);
        assertEquals(List.of("schtasks", "/Create", "/TN", "\\eMite Setup\\emite-keep-licences-litware", "/XML"),
                create.subList(0, 5));
        assertEquals("/F", create.get(6));
        assertFalse(java.nio.file.Files.exists(Path.of(create.get(5))), "the copy is gone once schtasks has it");
    }

    /** Windows' CommandLineToArgvW rules (2n backslashes + quote → n and a quote toggle; 2n+1 → n and a quote). */
    static List<String> commandLineToArgv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inQuotes = false;
        boolean any = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\\') {
                int n = 0;
                while (i < line.length() && line.charAt(i) == '\\') {
                    n++;
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '"') {
                    w.append("\\".repeat(n / 2));
                    if (n % 2 == 1) {
                        w.append('"');
                        i++;
                    }
                } else {
                    w.append("\\".repeat(n));
                }
                any = true;
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
                any = true;
            } else if ((c == ' ' || c == '\t') && !inQuotes) {
                if (any) {
                    out.add(w.toString());
                    w.setLength(0);
                    any = false;
                }
            } else {
                w.append(c);
                any = true;
            }
            i++;
        }
        if (any) {
            out.add(w.toString());
        }
        return out;
    }
}
