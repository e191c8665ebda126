package com.emite.setup.ui.apply;

import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.plan.Badge;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SignInService;
import com.emite.setup.vault.Vault;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Apply tab as a person uses it, against the sandbox over HTTP: create the vault, apply with progress, see the
 * form; check again (everything present); apply again ("Everything is in place"); a wrong vault password; cancel
 * half-way and continue.
 */
@ExtendWith(ApplicationExtension.class)
class ApplyTabUiTest {
    static final List<String> CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData");

    @TempDir
    Path dir;
    private MainWindow window;
    private Path dataDir;

    @Start
    void start(Stage stage) throws Exception {
        // The window is made per test: each test gets its own data folder (and so its own vault).
        dataDir = ScratchDirs.create("emite-ui-apply");
        window = UiTestSupport.show(stage, dataDir,
                UiTestSupport.FAST_SANDBOX, new AtomicReference<>());
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    @Test
    void applyOnAnEmptyOrgThenCheckAgainAndApplyAgain(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "reviewTab"); // as a person would: the Apply button is on that tab
        String label = robot.lookup("#applyButton").queryButton().getText();

        UiTestSupport.pressApplyAndOpenVault(robot, true);
        assertTrue(Files.exists(dataDir.resolve(Session.SANDBOX_VAULT)), "the demo's own vault file");
        assertEquals(label, robot.lookup("#confirmApplyButton").queryButton().getText(),
                "the confirmation names the same action");
        // In short, not each change again (the list above the question has them: ReviewPageUiTest).
        assertTrue(UiTestSupport.text(robot, "#applySummaryChange0").startsWith("New in your org: 3 groups, 1 role"),
                () -> UiTestSupport.text(robot, "#applySummaryChange0"));
        assertTrue(robot.lookup("#toDoList").tryQuery().isEmpty(), "no second list of every change");
        UiTestSupport.confirmAndWait(robot);

        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline") + " " + UiTestSupport.text(robot,
                        "#applyExplanation"));
        assertEquals(1.0, robot.lookup("#applyProgress").queryAs(ProgressBar.class).getProgress(), 1e-9);
        assertFalse(robot.lookup("#finishedSteps").queryAs(ListView.class).getItems().isEmpty());
        assertFalse(robot.lookup("#changeReport").queryAs(ListView.class).getItems().isEmpty());
        assertFalse(UiTestSupport.shown(robot, "#cancelApplyButton"));

        // The form under the report shows the three client ids.
        UiTestSupport.assertFormClientIds(robot, CLIENTS);

        // A second check: everything present.
        UiTestSupport.checkMyOrg(robot);
        // One look through the tabs for all four (each look opens every tab; nothing changes between them).
        java.util.Map<String, com.emite.setup.ui.plan.PlanRow> rows = UiTestSupport.planRows(robot);
        assertTrue(UiTestSupport.rowsIn(rows, Badge.MISSING).isEmpty(), rows::toString);
        assertTrue(UiTestSupport.rowsIn(rows, Badge.DIFFERENT).isEmpty());
        assertTrue(UiTestSupport.rowsIn(rows, Badge.SECRET_UNKNOWN).isEmpty(), "the vault knows every secret");
        assertEquals(Badge.PRESENT, rows.get("GROUP:emite_Access").badge());
        assertEquals("Everything eMite needs is in place.", UiTestSupport.text(robot, "#planSummary"));

        // A second apply: nothing to change.
        UiTestSupport.tab(robot, "reviewTab");
        robot.clickOn(UiTestSupport.inView(robot, "#applyButton"));
        UiTestSupport.waitUntil("the second apply's check", () -> UiTestSupport.text(robot, "#applyHeadline")
                .startsWith("Everything is in place"));
        assertFalse(UiTestSupport.shown(robot, "#confirmApplyButton"));
    }

    @Test
    void aWrongVaultPasswordChangesNothingThenCancelHalfWayLeavesAStateTheNextApplyFinishes(FxRobot robot)
            throws Exception {
        aWrongVaultPasswordSaysSoAndChangesNothing(robot);
        // The groups at full speed; from the role on (before any OAuth client) each request takes 1.5 s, so that
        // Cancel always lands while requests remain, however loaded the machine is.
        UiTestSupport.sandbox(window).latencyAfter("POST", "/api/v2/authorization/roles", 1500);
        robot.clickOn(UiTestSupport.inView(robot, "#confirmApplyButton"));
        ListView<?> finished = robot.lookup("#finishedSteps").queryAs(ListView.class);
        UiTestSupport.waitUntil("the first steps are done", () -> finished.getItems().size() >= 2);
        robot.clickOn(UiTestSupport.inView(robot, "#cancelApplyButton"));
        UiTestSupport.waitUntilApplyHeadlineEnds(robot);
        UiTestSupport.sandbox(window).latencyMs(0);
        UiTestSupport.waitUntilCheckEnds(robot);
        assertEquals("Cancelled after the request in flight.", UiTestSupport.text(robot, "#applyHeadline"));
        int doneBefore = finished.getItems().size();
        assertTrue(doneBefore >= 2);

        SandboxInspector org = UiTestSupport.sandbox(window).inspect();
        assertTrue(org.clientIdsNamed("emite_APIdata").isEmpty(), "it stopped before the OAuth clients");

        // Continue: the vault is still open, so apply checks again and goes on without asking twice.
        assertEquals("Continue applying", robot.lookup("#applyButton").queryButton().getText());
        robot.clickOn(UiTestSupport.inView(robot, "#applyButton"));
        UiTestSupport.waitUntil("apply runs again", () -> !UiTestSupport.text(robot, "#applyHeadline")
                .startsWith("Cancelled"));
        UiTestSupport.waitUntilApplyEnds(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"));

        SandboxInspector after = UiTestSupport.sandbox(window).inspect();
        for (String g : List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator")) {
            assertEquals(1, after.groupIdsNamed(g).size(), "no duplicate " + g);
        }
        for (String c : CLIENTS) {
            assertEquals(1, after.clientIdsNamed(c).size(), "no duplicate " + c);
        }
        assertEquals(1, after.roleIdsNamed("eMite Data Integration").size());
        UiTestSupport.tab(robot, "reviewTab");
        UiTestSupport.assertFormClientIds(robot, CLIENTS);
        UiTestSupport.checkMyOrg(robot);
        java.util.Map<String, com.emite.setup.ui.plan.PlanRow> rows = UiTestSupport.planRows(robot);
        assertTrue(UiTestSupport.rowsIn(rows, Badge.MISSING).isEmpty());
        assertTrue(UiTestSupport.rowsIn(rows, Badge.SECRET_UNKNOWN).isEmpty());
    }

    /** Signs in and checks with a vault from an earlier launch; ends with the vault open and apply asking. */
    private void aWrongVaultPasswordSaysSoAndChangesNothing(FxRobot robot) throws Exception {
        // A vault from an earlier launch.
        Vault.create(dataDir.resolve(Session.SANDBOX_VAULT), com.emite.setup.common.Secret.of(UiTestSupport.PASSWORD),
                com.emite.setup.vault.KdfParams.argon2id(1024, 1, 1)).close();
        long size = Files.size(dataDir.resolve(Session.SANDBOX_VAULT));
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "reviewTab");
        robot.clickOn(UiTestSupport.inView(robot, "#applyButton"));
        UiTestSupport.waitUntil("the vault window", () -> UiTestSupport.shown(robot, "#vaultSubmitButton")
                && robot.lookup("#vaultSubmitButton").queryButton().getText().equals("Open vault"));
        UiTestSupport.type(robot, "#vaultPassword", "not the password");
        robot.clickOn("#vaultSubmitButton");
        UiTestSupport.waitUntil("the vault's message", () -> UiTestSupport.shown(robot, "#vaultError"));
        assertEquals("Error code VAULT-04", robot.lookup("#vaultErrorCode").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#vaultErrorMessage").queryAs(Label.class).getText()
                .startsWith("The master password is not correct."));
        assertEquals(size, Files.size(dataDir.resolve(Session.SANDBOX_VAULT)), "nothing changed");
        assertEquals(null, window.session().vault());

        UiTestSupport.retype(robot, "#vaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#vaultSubmitButton");
        UiTestSupport.waitUntil("the confirmation", () -> UiTestSupport.shown(robot, "#confirmApplyButton"));
    }
}
