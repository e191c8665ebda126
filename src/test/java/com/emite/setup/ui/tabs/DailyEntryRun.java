package com.emite.setup.ui.tabs;

import com.emite.setup.cli.CliIO;
import com.emite.setup.cli.CliMain;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.schedule.SystemdExecStart;
import com.emite.setup.testing.MemoryKeychain;
import com.emite.setup.ui.MainWindow;
import org.testfx.api.FxRobot;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The licence upkeep's daily entry, run as its timer runs it, by the tests that install it from the window. */
final class DailyEntryRun {
    private DailyEntryRun() {
    }

    /** The command line of a systemd unit's {@code ExecStart=}. */
    static List<String> execStart(String unit) {
        return SystemdExecStart.parse(unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()
                .substring("ExecStart=".length()));
    }

    /**
     * Locks the window's vault (a scheduled run needs its file free), adds two agents to the org, then runs the
     * entry's keep-licences with the vault password from {@code keychain}: it must end 0 having granted those two.
     */
    static void grantsTwoNewAgents(FxRobot robot, MainWindow window, Sandbox sandbox, List<String> argv,
                                   MemoryKeychain keychain) {
        robot.clickOn("#lockVaultButton");
        waitUntil("the vault is locked (its file is free)", () -> window.session().vault() == null);
        sandbox.addAgents(2);
        waitUntil("the sandbox has settled the new agents", () -> sandbox.inspect().settled());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliMain.run(argv.subList(argv.indexOf("keep-licences"), argv.size()).toArray(String[]::new),
                CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), Map.of())
                        .withKeychain(keychain));
        assertEquals(0, code, out + " " + err);
        String said = out.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("granted the eMite role to 2 agents"), said);
    }
}
