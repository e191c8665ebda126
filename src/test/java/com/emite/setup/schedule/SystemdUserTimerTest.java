package com.emite.setup.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class SystemdUserTimerTest {
    /** Arguments that break naive quoting: spaces, quotes, systemd's % and $, backslashes. */
    static final List<String> TRICKY = List.of("/bin/sh", "-c", "printf '%s|' \"$@\"", "sh", "a b", "it's",
            "$HOME", "100%", "back\\slash", "say \"hi\"", "");

    static Schedule schedule(List<String> command) {
        return new Schedule("emite-keep-licences-litware", "eMite Setup: keep eMite licences up to date",
                LocalTime.of(6, 30), command);
    }

    @Test
    void installWritesTheTimerAndServiceAndEnablesTheTimer(@TempDir Path units) throws Exception {
        RecordingRunner systemctl = RecordingRunner.alwaysOk();
        new SystemdUserTimer(units, systemctl).install(schedule(TRICKY));

        String timer = Files.readString(units.resolve("emite-keep-licences-litware.timer"));
        assertTrue(timer.contains("OnCalendar=*-*-* 06:30:00\n"), timer);
        assertTrue(timer.contains("Persistent=true\n"), timer);
        assertTrue(timer.contains("Unit=emite-keep-licences-litware.service\n"), timer);
        assertEquals(List.of(List.of("systemctl", "--user", "daemon-reload"),
                List.of("systemctl", "--user", "enable", "--now", "emite-keep-licences-litware.timer")),
                systemctl.calls);
    }

    @Test
    void theServiceCommandLineRunsAsGiven(@TempDir Path units) throws Exception {
        new SystemdUserTimer(units, RecordingRunner.alwaysOk()).install(schedule(TRICKY));
        String service = Files.readString(units.resolve("emite-keep-licences-litware.service"));
        String execStart = service.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()
                .substring("ExecStart=".length());

        List<String> argv = SystemdExecStart.parse(execStart);
        assertEquals(TRICKY, argv);
        assertEquals("a b|it's|$HOME|100%|back\\slash|say \"hi\"||", run(argv));
    }

    @Test
    void systemdItselfAcceptsTheUnits(@TempDir Path units, @TempDir Path runtime) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        new SystemdUserTimer(units, RecordingRunner.alwaysOk()).install(schedule(TRICKY));

        ProcessBuilder pb = new ProcessBuilder("systemd-analyze", "verify", "--user",
                units.resolve("emite-keep-licences-litware.service").toString(),
                units.resolve("emite-keep-licences-litware.timer").toString()).redirectErrorStream(true);
        pb.environment().put("XDG_RUNTIME_DIR", runtime.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void aRefusedEnableLeavesNoFilesAndSaysWhatToDo(@TempDir Path units) {
        RecordingRunner refusing = new RecordingRunner(argv -> argv.contains("enable")
                ? new CommandRunner.Result(1, "Failed to connect to bus: No medium found")
                : new CommandRunner.Result(0, ""));
        ScheduleException e = assertThrows(ScheduleException.class,
                () -> new SystemdUserTimer(units, refusing).install(schedule(TRICKY)));
        assertTrue(e.getMessage().contains("Failed to connect to bus"), e.getMessage());
        assertTrue(e.getMessage().contains("cron"), e.getMessage());
        assertFalse(Files.exists(units.resolve("emite-keep-licences-litware.timer")));
        assertFalse(Files.exists(units.resolve("emite-keep-licences-litware.service")));
    }

    @Test
    void statusAndRemove(@TempDir Path units) throws Exception {
        RecordingRunner systemctl = RecordingRunner.alwaysOk();
        SystemdUserTimer timer = new SystemdUserTimer(units, systemctl);
        assertFalse(timer.status("emite-keep-licences-litware").installed());
        timer.install(schedule(TRICKY));
        assertTrue(timer.status("emite-keep-licences-litware").installed());

        assertTrue(timer.remove("emite-keep-licences-litware"));
        assertFalse(timer.status("emite-keep-licences-litware").installed());
        assertFalse(timer.remove("emite-keep-licences-litware"), "nothing left to remove");
        assertTrue(systemctl.calls.contains(List.of("systemctl", "--user", "disable", "--now",
                "emite-keep-licences-litware.timer")));
    }

    @Test
    void aLineBreakInAnArgumentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SystemdUserTimer.execStart(List.of("a\nExecStart=x")));
    }

    static String run(List<String> argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
