package com.emite.setup.schedule;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronEntryTest {

    /** A crontab that keeps what it is given, as the real one does. */
    static final class FakeCrontab implements CommandRunner {
        String table;

        CommandRunner runner() {
            return this;
        }

        @Override
        public Result run(List<String> argv, String input) {
            if (argv.equals(List.of("crontab", "-l"))) {
                return table == null ? new Result(1, "no crontab for admin\n") : new Result(0, table);
            }
            if (argv.equals(List.of("crontab", "-"))) {
                table = input;
                return new Result(0, "");
            }
            return new Result(127, "unknown");
        }
    }

    @Test
    void installKeepsOtherLinesAndReplacesItsOwn() throws Exception {
        FakeCrontab crontab = new FakeCrontab();
        crontab.table = "MAILTO=admin@example.com\n0 1 * * * /usr/bin/backup\n";
        CronEntry cron = new CronEntry(crontab.runner());
        cron.install(SystemdUserTimerTest.schedule(List.of("/usr/bin/true")));
        cron.install(SystemdUserTimerTest.schedule(List.of("/usr/bin/true", "again")));

        List<String> lines = crontab.table.lines().toList();
        assertEquals(3, lines.size(), crontab.table);
        assertEquals("MAILTO=admin@example.com", lines.get(0));
        assertEquals("0 1 * * * /usr/bin/backup", lines.get(1));
        assertEquals("30 6 * * * '/usr/bin/true' 'again' # emite-setup:emite-keep-licences-litware", lines.get(2));

        assertTrue(cron.status("emite-keep-licences-litware").installed());
        assertTrue(cron.remove("emite-keep-licences-litware"));
        assertEquals("MAILTO=admin@example.com\n0 1 * * * /usr/bin/backup\n", crontab.table);
        assertFalse(cron.remove("emite-keep-licences-litware"));
    }

    @Test
    void anEmptyCrontabIsNoError() throws Exception {
        FakeCrontab crontab = new FakeCrontab();
        new CronEntry(crontab.runner()).install(SystemdUserTimerTest.schedule(List.of("/usr/bin/true")));
        assertEquals(1, crontab.table.lines().count());
    }

    @Test
    void anUnreadableCrontabIsNeverOverwritten() {
        RecordingRunner refusing = new RecordingRunner(argv -> new CommandRunner.Result(1,
                "crontab: your UID isn't in the passwd file"));
        assertThrows(ScheduleException.class,
                () -> new CronEntry(refusing).install(SystemdUserTimerTest.schedule(List.of("/usr/bin/true"))));
        assertFalse(refusing.calls.contains(List.of("crontab", "-")));
    }

    @Test
    void theLineRunsAsGivenThroughTheShellCronUses() throws Exception {
        String line = CronEntry.line(SystemdUserTimerTest.schedule(SystemdUserTimerTest.TRICKY));
        String command = line.substring("30 6 * * * ".length(), line.lastIndexOf(" " + CronEntry.MARKER));
        // cron hands the line to /bin/sh after turning \% into %; a bare % would have become a line break.
        assertFalse(command.replace("\\%", "").contains("%"), command);
        String out = SystemdUserTimerTest.run(List.of("/bin/sh", "-c", command.replace("\\%", "%")));
        assertEquals("a b|it's|$HOME|100%|back\\slash|say \"hi\"||", out);
    }
}
