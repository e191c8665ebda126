package com.emite.setup.ui.tabs;

import com.emite.setup.testing.MemoryKeychain;

import com.emite.setup.cli.CliIO;
import com.emite.setup.cli.CliMain;
import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.SystemdExecStart;
import com.emite.setup.schedule.SystemdUserTimer;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.licences.UpkeepPorts;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.emite.setup.ui.UiTestSupport.shown;
import static com.emite.setup.ui.UiTestSupport.text;
import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Licences tab, after day one (issue 12): agents per division and how many hold their role; "keep licences up to date
 * every day" installs a systemd user timer into a temporary unit folder (systemctl recorded, never run; the keychain
 * is in memory), its command line runs and grants new agents, and the tab shows that run's result.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class LicenceUpkeepUiTest {
    private static final Pattern TOTALS = Pattern.compile(
            "(\\d+) agents in (\\d+) divisions; (\\d+) already hold their eMite role, (\\d+) do not yet\\.");

    Path dataDir;
    Path units;
    final MemoryKeychain keychain = new MemoryKeychain();
    final List<List<String>> systemctl = Collections.synchronizedList(new ArrayList<>());
    com.emite.setup.ui.MainWindow window;

    @Start
    void start(Stage s) throws Exception {
        dataDir = ScratchDirs.create("emite-ui-upkeep");
        units = dataDir.resolve("systemd-user");
        CommandRunner recording = (argv, input) -> {
            systemctl.add(List.copyOf(argv));
            return new CommandRunner.Result(0, "");
        };
        window = UiTestSupport.show(s, dataDir, UiTestSupport.FAST_SANDBOX, new AtomicReference<>(),
                new UpkeepPorts(d -> new SystemdUserTimer(units, recording), () -> keychain));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    /** Clicks the switch's thumb, as a person does (the switch toggles on its track, not on its words). */
    private static void flip(FxRobot robot, ToggleSwitch daily) {
        UiTestSupport.inView(robot, daily);
        robot.clickOn(daily.lookup(".thumb-area"));
    }

    @Test
    void countsTheAgentsThenKeepsLicencesEveryDayAndShowsTheLastRun(FxRobot robot) throws Exception {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        Sandbox sandbox = UiTestSupport.sandbox(window);
        int active = sandbox.inspect().activeUserIds().size();

        UiTestSupport.tab(robot, "licencesTab");
        waitUntil("the agents are counted (one pass over the active users)",
                () -> TOTALS.matcher(text(robot, "#licenceAgentTotals")).matches());
        Matcher before = TOTALS.matcher(text(robot, "#licenceAgentTotals"));
        assertTrue(before.matches());
        assertEquals(active, Integer.parseInt(before.group(1)), "every active user with a division is counted");
        assertEquals("0", before.group(3), "nobody holds an eMite role before the first apply");
        assertTrue(robot.lookup("#division-Home").queryAs(javafx.scene.control.CheckBox.class).getText()
                .matches("Home: \\d+ agents, 0 with the role"));
        ToggleSwitch daily = robot.lookup("#dailyUpkeepSwitch").queryAs(ToggleSwitch.class);
        assertTrue(daily.isDisabled());
        assertEquals("Open the vault first (Apply opens it).", text(robot, "#dailyUpkeepSwitchReason"));

        // The apply that opens the vault, as the Apply button runs it (its pages are ApplyTabUiTest's subject).
        com.emite.setup.ui.AppliedOrg.applyNow(robot, window);
        UiTestSupport.tab(robot, "licencesTab");
        waitUntil("the agents are counted again after the apply", () -> {
            Matcher m = TOTALS.matcher(text(robot, "#licenceAgentTotals"));
            return m.matches() && m.group(4).equals("0");
        });
        waitUntil("the tab asks for a sign-in the daily run can use",
                () -> text(robot, "#dailyUpkeepSwitchReason").startsWith("Keep a sign-in"));

        UiTestSupport.type(robot, "#upkeepClientId", "not-a-client");
        UiTestSupport.type(robot, "#upkeepClientSecret", "wrong");
        robot.clickOn("#keepSignInButton");
        waitUntil("a wrong client is refused and nothing is kept",
                () -> !text(robot, "#dailyUpkeepMessage").isEmpty());
        assertTrue(text(robot, "#dailyUpkeepSwitchReason").startsWith("Keep a sign-in"));
        robot.interact(() -> robot.lookup("#upkeepClientId").queryAs(TextField.class).clear());
        UiTestSupport.type(robot, "#upkeepClientId", sandbox.adminClientId());
        UiTestSupport.retype(robot, "#upkeepClientSecret", sandbox.adminClientSecret().reveal());
        robot.clickOn("#keepSignInButton");
        waitUntil("the sign-in is kept and the password is asked for",
                () -> text(robot, "#dailyUpkeepSwitchReason").startsWith("Keep the vault password"));
        UiTestSupport.type(robot, "#upkeepVaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#keepPasswordButton");
        waitUntil("the password is in the (in-memory) keychain and the switch can be turned on",
                () -> text(robot, "#dailyUpkeepSwitchReason").isEmpty() && !daily.isDisabled());
        assertEquals(1, keychain.values.size());

        TextField at = robot.lookup("#dailyUpkeepTime").queryAs(TextField.class);
        robot.interact(at::clear);
        UiTestSupport.type(robot, at, "6:30");
        flip(robot, daily);
        String shortName = window.session().connection().org().shortName();
        String name = "emite-keep-licences-" + shortName;
        waitUntil("the timer is installed and the tab says so", () -> {
            String st = text(robot, "#dailyUpkeepStatus");
            if (!st.startsWith("On:") && !text(robot, "#dailyUpkeepMessage").isEmpty()) {
                throw new AssertionError(text(robot, "#dailyUpkeepMessage"));
            }
            return st.startsWith("On: a systemd user timer runs it every day");
        });
        assertTrue(daily.isSelected());
        assertTrue(systemctl.contains(List.of("systemctl", "--user", "enable", "--now", name + ".timer")),
                systemctl.toString());
        assertTrue(Files.readString(units.resolve(name + ".timer")).contains("OnCalendar=*-*-* 06:30:00"));
        String service = Files.readString(units.resolve(name + ".service"));
        assertFalse(service.contains(UiTestSupport.PASSWORD), "no password in the unit");
        assertFalse(service.contains(sandbox.adminClientSecret().reveal()), "no secret in the unit");
        List<String> argv = SystemdExecStart.parse(service.lines().filter(l -> l.startsWith("ExecStart="))
                .findFirst().orElseThrow().substring("ExecStart=".length()));
        int k = argv.indexOf("keep-licences");
        assertTrue(k > 0, argv.toString());
        assertEquals(List.of("keep-licences", "--org", shortName, "--vault", window.session().vaultFile().toString()),
                argv.subList(k, k + 5));
        assertTrue(argv.contains("--vault-password-keychain") && argv.contains("--api-base")
                && argv.contains(sandbox.baseUrl()), argv.toString());
        assertEquals("Last run: never.", text(robot, "#dailyUpkeepLastRun"));

        // The scheduled run needs the vault, which the window holds while it is open: lock it, as the admin would.
        robot.clickOn("#lockVaultButton");
        waitUntil("the vault is locked (its file is free)", () -> window.session().vault() == null);
        List<String> agents = sandbox.addAgents(3);
        waitUntil("the sandbox has settled the new agents", () -> sandbox.inspect().settled());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = CliMain.run(argv.subList(k, argv.size()).toArray(String[]::new), CliIO.of(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                new ByteArrayInputStream(new byte[0]), Map.of()).withKeychain(keychain));
        assertEquals(0, code, out + " " + err);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("granted the eMite role to 3 agents"), out.toString());

        UiTestSupport.tab(robot, "organizationTab");
        UiTestSupport.tab(robot, "licencesTab");
        waitUntil("the tab shows the run's result from its report",
                () -> text(robot, "#dailyUpkeepLastRun").startsWith("Last run: done at "));
        assertTrue(text(robot, "#dailyUpkeepLastRun").contains("granted the eMite role to 3 agents"));
        assertTrue(daily.isSelected(), "still on");

        flip(robot, daily);
        waitUntil("the timer is removed", () -> text(robot, "#dailyUpkeepStatus").startsWith("Off:"));
        assertFalse(Files.exists(units.resolve(name + ".timer")));
        assertFalse(daily.isSelected());
        assertTrue(agents.size() == 3 && shown(robot.lookup("#dailyUpkeep").query()));
        assertTrue(robot.lookup("#dailyUpkeepMessage").queryAs(Label.class).getText().startsWith("Turned off"));
    }

    @Test
    void createsTheUpkeepSignInAndTheDailyRunUsesItAlone(FxRobot robot) throws Exception {
        // The org as an earlier apply left it (the vault open); the upkeep sign-in is the subject here.
        com.emite.setup.ui.AppliedOrg.prepare(robot, window);
        Sandbox sandbox = UiTestSupport.sandbox(window);
        UiTestSupport.tab(robot, "licencesTab");
        waitUntil("the tab asks for a sign-in the daily run can use",
                () -> text(robot, "#dailyUpkeepSwitchReason").startsWith("Keep a sign-in"));
        assertTrue(text(robot, "#upkeepRights").contains("authorization:grant:add"), "the rights are listed");

        robot.clickOn(UiTestSupport.inView(robot, "#createUpkeepSignInButton"));
        waitUntil("the upkeep sign-in is made (the admin's new grant may take a moment to take effect)",
                () -> text(robot, "#dailyUpkeepMessage").startsWith("The upkeep sign-in is made"));
        waitUntil("the button says it is in place and the password is asked for next",
                () -> text(robot, "#createUpkeepSignInButtonReason").startsWith("In place")
                        && text(robot, "#dailyUpkeepSwitchReason").startsWith("Keep the vault password"));
        assertEquals(1, sandbox.inspect().clientIdsNamed(com.emite.setup.provision.UpkeepNeed.CLIENT_NAME).size());

        UiTestSupport.type(robot, "#upkeepVaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#keepPasswordButton");
        ToggleSwitch daily = robot.lookup("#dailyUpkeepSwitch").queryAs(ToggleSwitch.class);
        waitUntil("the switch can be turned on", () -> !daily.isDisabled());
        flip(robot, daily);
        String name = "emite-keep-licences-" + window.session().connection().org().shortName();
        waitUntil("the timer is installed", () -> Files.exists(units.resolve(name + ".service")));
        List<String> argv = DailyEntryRun.execStart(Files.readString(units.resolve(name + ".service")));
        int k = argv.indexOf("keep-licences");
        int s = argv.indexOf("--sign-in");
        assertTrue(s > k && argv.get(s + 1).equals("upkeep"), "never falls back to the admin's rights: " + argv);
        DailyEntryRun.grantsTwoNewAgents(robot, window, sandbox, argv, keychain);
    }
}
