package com.emite.setup.ui.tabs;

import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.groups.GroupsView;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * From launch to an exported Integration Details Form as a person does it, counting every user action (a click, a
 * double-click, or typing into one field): at most 15, including one member per group chosen with the picker.
 */
class FullRunUiTest extends TabUiTestBase {
    static final int MOST_ACTIONS = 15;
    private final AtomicReference<Path> exportDir = new AtomicReference<>();
    private int actions;

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        dataDir = ScratchDirs.create("emite-ui-full");
        stage = s;
        exportDir.set(ScratchDirs.create("emite-ui-export"));
        window = UiTestSupport.show(s, dataDir, UiTestSupport.FAST_SANDBOX, exportDir);
    }

    private void click(FxRobot robot, String query) {
        robot.clickOn(UiTestSupport.inView(robot, query));
        actions++;
    }

    private void type(FxRobot robot, String query, String text) {
        UiTestSupport.type(robot, UiTestSupport.inView(robot, query), text);
        actions++;
    }

    @Test
    void launchToExportedFormInFifteenActionsOrFewer(FxRobot robot) throws Exception {
        click(robot, "#signInButton");
        UiTestSupport.waitUntil("signed in", () -> UiTestSupport.shown(robot, "#nextToPlanButton"));
        click(robot, "#nextToPlanButton");
        UiTestSupport.waitUntilCheckEnds(robot);
        UiTestSupport.waitUntil("the plan", () -> !robot.lookup(".plan-row").queryAll().isEmpty());

        for (String group : List.of(GroupsView.ACCESS_GROUP, "emite_DashboardViewer", "emite_DashboardCreator")) {
            type(robot, "#pickerSearch-" + group, "admin");
            ListView<?> found = robot.lookup("#pickerResults-" + group).queryAs(ListView.class);
            // The cells exist only after the list's next layout pulse: wait for a filled one, not just the items.
            UiTestSupport.waitUntil("users found for " + group, () -> !found.getItems().isEmpty()
                    && robot.lookup("#pickerResults-" + group + " .list-cell").queryAll().stream()
                    .anyMatch(c -> c instanceof javafx.scene.control.ListCell<?> lc && !lc.isEmpty()));
            Node first = robot.lookup("#pickerResults-" + group + " .list-cell").nth(0).query();
            UiTestSupport.doubleClick(robot, UiTestSupport.inView(robot, first));
            actions++;
            UiTestSupport.waitUntil("chosen for " + group, () -> !robot.lookup("#pickerChosen-" + group + " .chip")
                    .queryAll().isEmpty());
        }

        robot.clickOn(robot.lookup(".tab").nth(5).queryAs(Node.class)); // "Review & apply"
        actions++;
        click(robot, "#applyButton");
        UiTestSupport.waitUntil("the vault window", () -> UiTestSupport.shown(robot, "#vaultSubmitButton"));
        type(robot, "#vaultPassword", UiTestSupport.PASSWORD);
        type(robot, "#vaultPasswordRepeat", UiTestSupport.PASSWORD);
        click(robot, "#vaultSubmitButton");
        UiTestSupport.waitUntil("apply asks", () -> UiTestSupport.shown(robot, "#confirmApplyButton"));
        click(robot, "#confirmApplyButton");
        UiTestSupport.waitUntilApplyEnds(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        click(robot, "#exportButton");
        UiTestSupport.waitUntil("the form is exported", () -> UiTestSupport.text(robot, "#exportStatus")
                .startsWith("Saved"));

        try (Stream<Path> files = Files.walk(exportDir.get())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".html")), "an HTML form");
        }
        System.out.println("USER_ACTIONS launch-to-exported-form=" + actions);
        assertTrue(actions <= MOST_ACTIONS, actions + " actions");
    }
}
