package com.emite.setup.ui.tabs;

import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Removal;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static com.emite.setup.ui.UiTestSupport.text;
import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Remove eMite from this org…" (issue 12), the removal on a sandbox answering every request after 250 ms, so that
 * Cancel lands mid-way: the plan with eMite STOPS WORKING in red, the short name typed to confirm, Cancel after the removal under
 * way, then remove again to the end; the org holds nothing of eMite's and the vault records every removal.
 */
@ExtendWith(ApplicationExtension.class)
class RemoveEmiteUiTest {
    MainWindow window;

    @Start
    void start(Stage s) throws Exception {
        Path dataDir = ScratchDirs.create("emite-ui-remove");
        window = UiTestSupport.show(s, dataDir, UiTestSupport.FAST_SANDBOX, new AtomicReference<>());
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    private void openRemoval(FxRobot robot) {
        robot.clickOn("Org");
        robot.clickOn("#removeEmiteMenu");
        waitUntil("the removal plan is read", () -> {
            if (!UiTestSupport.shown(robot, "#removeHeadline")) {
                return false;
            }
            if (!text(robot, "#removeProblem").isEmpty()) {
                throw new AssertionError(text(robot, "#removeProblem"));
            }
            return text(robot, "#removeHeadline").startsWith("Remove ");
        });
    }

    private static List<Removal.Item> planRows(FxRobot robot) {
        return robot.lookup(".remove-row").queryAll().stream().map(n -> (Removal.Item) n.getUserData()).toList();
    }

    @Test
    void removeShowsThePlanAsksForTheShortNameCancelsMidWayAndFinishesOnTheSecondGo(FxRobot robot) {
        // The org as an earlier apply left it (the vault open); the removal is the subject here.
        com.emite.setup.ui.AppliedOrg.prepare(robot, window);
        Sandbox sandbox = UiTestSupport.sandbox(window);
        String shortName = window.session().connection().org().shortName();
        String orgId = window.session().connection().org().id();

        openRemoval(robot);
        List<Removal.Item> items = planRows(robot);
        assertTrue(items.size() >= 9, items.toString());
        assertTrue(items.stream().allMatch(Removal.Item::remove), "everything was made by this app");
        HBox sso = (HBox) robot.lookup(".remove-row").queryAll().stream()
                .filter(n -> ((Removal.Item) n.getUserData()).name().equals("emite_SSO")).findFirst().orElseThrow();
        Label consequence = (Label) sso.getChildren().get(2);
        assertEquals("eMite STOPS WORKING: nobody can sign in to eMite any more", consequence.getText());
        assertTrue(consequence.getStyleClass().contains("stops-emite"), "said in red");

        Button remove = robot.lookup("#removeButton").queryButton();
        assertTrue(remove.isDisabled());
        assertEquals("Type " + shortName + " above to confirm.", text(robot, "#removeButtonReason"));
        UiTestSupport.type(robot, "#removeConfirmName", shortName + "x");
        assertTrue(remove.isDisabled(), "a wrong name removes nothing");
        robot.eraseText(1);
        waitUntil("the right name enables Remove", () -> !remove.isDisabled()
                && text(robot, "#removeButtonReason").isEmpty());

        // Only the removal is slowed (each request 250 ms), so that Cancel lands mid-way; the set-up before ran at full
        // speed and the second go after the cancel does too.
        sandbox.latencyMs(250);
        robot.clickOn(remove);
        waitUntil("the second removal is under way", () -> text(robot, "#removeProgressText").contains("(2 of"));
        robot.clickOn("#removeCancelButton");
        waitUntil("the removal stops after the one under way",
                () -> text(robot, "#removeHeadline").startsWith("Cancelled"));
        sandbox.latencyMs(0);
        int removedFirst = robot.lookup(".remove-outcome").queryAll().size();
        assertTrue(removedFirst >= 2 && removedFirst < items.size(), "stopped mid-way: " + removedFirst);
        Journal first = Journal.parse(window.session().vault().contents().findOrg(orgId).orElseThrow().journal());
        assertEquals(Journal.RunStatus.CANCELLED, first.lastRun().status());
        assertTrue(window.session().vault() != null && UiTestSupport.shown(robot, "#removeCloseButton"));
        robot.clickOn("#removeCloseButton");
        assertTrue(robot.lookup("#removeDialog").tryQuery().map(Node::getScene).map(s -> !s.getWindow().isShowing())
                .orElse(true), "closed");

        openRemoval(robot);
        assertEquals(items.size() - removedFirst, planRows(robot).size(), "what is left");
        UiTestSupport.type(robot, "#removeConfirmName", shortName);
        robot.clickOn("#removeButton");
        waitUntil("the removal finishes", () -> text(robot, "#removeHeadline").startsWith("Removed from"));
        robot.clickOn("#removeCloseButton");

        SandboxInspector in = sandbox.inspect();
        Needs needs = BlueprintNeeds.standard();
        needs.groups().forEach(g -> assertTrue(in.groupIdsNamed(g.name()).isEmpty(), g.name()));
        needs.clients().forEach(c -> assertTrue(in.clientIdsNamed(c.name()).isEmpty(), c.name()));
        assertTrue(in.roleIdsNamed(needs.role().name()).isEmpty());
        items.stream().filter(i -> i.kind() == com.emite.setup.provision.ItemKind.CLIENT_APP)
                .forEach(i -> assertTrue(in.integrationIdsNamed(i.name()).isEmpty(), i.name()));
        for (String user : in.activeUserIds()) {
            assertFalse(in.grantsOf(user).stream().anyMatch(g -> g.roleName() == null
                    || g.roleName().startsWith(needs.licence().roleName(""))), "no eMite grant left on " + user);
        }
        Journal j = Journal.parse(window.session().vault().contents().findOrg(orgId).orElseThrow().journal());
        assertEquals(Journal.RunStatus.FINISHED, j.lastRun().status());
        List<Change> last = j.changesOf(j.lastRun().runId());
        assertEquals(items.size() - removedFirst, last.size());
        assertTrue(last.stream().allMatch(c -> c.action().equals("removed")));
    }
}
