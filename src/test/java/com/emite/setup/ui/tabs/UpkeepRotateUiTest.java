package com.emite.setup.ui.tabs;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.SystemdUserTimer;
import com.emite.setup.testing.MemoryKeychain;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.licences.UpkeepPorts;
import com.emite.setup.vault.StoredClient;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.emite.setup.ui.UiTestSupport.text;
import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Licences tab: "New secret for the upkeep sign-in" appears once the upkeep sign-in exists, asks first (Cancel sends
 * nothing), then issues a new secret into the vault (the old one refused, the new one signs in, shown nowhere in the
 * window) and the daily entry installed before the rotation, unchanged, runs with it.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class UpkeepRotateUiTest {
    Path dataDir;
    Path units;
    final MemoryKeychain keychain = new MemoryKeychain();
    com.emite.setup.ui.MainWindow window;

    @Start
    void start(Stage s) throws Exception {
        dataDir = ScratchDirs.create("emite-ui-upkeep-rotate");
        units = dataDir.resolve("systemd-user");
        CommandRunner recording = (argv, input) -> new CommandRunner.Result(0, "");
        window = UiTestSupport.show(s, dataDir, UiTestSupport.FAST_SANDBOX, new AtomicReference<>(),
                new UpkeepPorts(d -> new SystemdUserTimer(units, recording), () -> keychain));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    StoredClient upkeep() {
        String orgId = window.session().connection().org().id();
        return window.session().vault().contents().findOrg(orgId).flatMap(r -> r.client(UpkeepNeed.CLIENT_NAME))
                .orElseThrow();
    }

    static Button dialogButton(FxRobot robot, String text) {
        return robot.from(robot.lookup("#rotateUpkeepDialog").queryAll()).lookup(".button")
                .match((Button b) -> text.equals(b.getText())).queryButton();
    }

    @Test
    void issuesANewUpkeepSecretIntoTheVaultAfterAskingAndTheDailyRunUsesIt(FxRobot robot) throws Exception {
        com.emite.setup.ui.AppliedOrg.prepare(robot, window);
        Sandbox sandbox = UiTestSupport.sandbox(window);
        UiTestSupport.tab(robot, "licencesTab");
        assertFalse(UiTestSupport.shown(robot, "#rotateUpkeepSecretButton"), "no upkeep sign-in yet: no button");
        robot.clickOn(UiTestSupport.inView(robot, "#createUpkeepSignInButton"));
        waitUntil("the upkeep sign-in is made",
                () -> text(robot, "#dailyUpkeepMessage").startsWith("The upkeep sign-in is made"));
        waitUntil("the rotate button is offered", () -> UiTestSupport.shown(robot, "#rotateUpkeepSecretButton")
                && !robot.lookup("#rotateUpkeepSecretButton").queryButton().isDisabled());
        String today = java.time.LocalDate.now().toString();
        waitUntil("it says when the secret was issued",
                () -> text(robot, "#upkeepSecretIssued").equals("Its secret was issued " + today + ", 0 days ago."));

        // The daily entry, installed with the first secret.
        UiTestSupport.type(robot, "#upkeepVaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#keepPasswordButton");
        ToggleSwitch daily = robot.lookup("#dailyUpkeepSwitch").queryAs(ToggleSwitch.class);
        waitUntil("the switch can be turned on", () -> !daily.isDisabled());
        UiTestSupport.inView(robot, daily);
        robot.clickOn(daily.lookup(".thumb-area"));
        String name = "emite-keep-licences-" + window.session().connection().org().shortName();
        waitUntil("the timer is installed", () -> Files.exists(units.resolve(name + ".service")));
        String unitBefore = Files.readString(units.resolve(name + ".service"));

        StoredClient before = upkeep();
        long writes = sandbox.stats().writes();
        robot.clickOn(UiTestSupport.inView(robot, "#rotateUpkeepSecretButton"));
        waitUntil("the question", () -> UiTestSupport.shown(robot, "#rotateUpkeepDialog"));
        assertTrue(robot.lookup("#rotateUpkeepDialog").queryAs(DialogPane.class).getContentText()
                .contains("There is nothing to send to eMite"));
        robot.clickOn(dialogButton(robot, "Cancel"));
        assertEquals(writes, sandbox.stats().writes(), "Cancel sends nothing");
        assertEquals(before.secret(), upkeep().secret());

        robot.clickOn(UiTestSupport.inView(robot, "#rotateUpkeepSecretButton"));
        waitUntil("the question", () -> UiTestSupport.shown(robot, "#rotateUpkeepDialog"));
        robot.clickOn(dialogButton(robot, "Issue a new secret"));
        waitUntil("the rotation's result",
                () -> text(robot, "#dailyUpkeepMessage").startsWith("The upkeep sign-in has a new secret"));
        assertEquals(1, sandbox.stats().writes() - writes, "one write: the reset");
        StoredClient after = upkeep();
        assertEquals(before.clientId(), after.clientId());
        assertNotEquals(before.secret(), after.secret());
        GenesysClient c = GenesysClient.forSingleBase(sandbox.baseUrl());
        Secret old = before.secret();
        assertThrows(GenesysApiException.class, () -> c.signInWithClientCredentials(before.clientId(), old));
        for (Secret s : List.of(old, after.secret())) {
            assertFalse(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class).stream()
                    .anyMatch(l -> l.getText() != null && l.getText().contains(s.reveal())), "shown nowhere");
        }
        assertEquals(unitBefore, Files.readString(units.resolve(name + ".service")), "the entry is unchanged");
        // Nor in any file the window wrote (its log, forms, preferences, the unit); the vault is encrypted.
        try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains(old.reveal()) || text.contains(after.secret().reveal()), f.toString());
            }
        }

        // The entry's command, as the timer starts it (the vault password from the keychain), signs in with it.
        DailyEntryRun.grantsTwoNewAgents(robot, window, sandbox, DailyEntryRun.execStart(unitBefore), keychain);
    }
}
