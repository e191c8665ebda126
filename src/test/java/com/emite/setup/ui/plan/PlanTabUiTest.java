package com.emite.setup.ui.plan;

import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Plan tab as a person uses it: sign in, press "Check my org", read the plan and the permission checklist. */
@ExtendWith(ApplicationExtension.class)
class PlanTabUiTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.show(stage, dir);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    @Test
    void checkMyOrgShowsWhatIsMissingAndTheFullPermissionChecklist(FxRobot robot) {
        UiTestSupport.tab(robot, "planTab");
        assertTrue(robot.lookup("#checkOrgButton").queryButton().isDisabled(), "nothing to check before sign-in");

        UiTestSupport.signInToSandbox(robot, window);
        robot.clickOn("#nextToPlanButton");
        UiTestSupport.checkMyOrg(robot);

        Map<String, PlanRow> rows = UiTestSupport.planRows(robot);
        for (String g : List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator")) {
            assertEquals(Badge.MISSING, rows.get("GROUP:" + g).badge(), g);
            assertTrue(rows.get("GROUP:" + g).lines().contains("Apply creates it."));
        }
        assertEquals(Badge.MISSING, rows.get("ROLE:eMite Data Integration").badge());
        for (String c : List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData")) {
            assertEquals(Badge.MISSING, rows.get("OAUTH_CLIENT:" + c).badge(), c);
        }
        assertFalse(rows.containsKey("OAUTH_CLIENT:emite_WFMLookback"), "WFM clients only when ticked");
        assertTrue(UiTestSupport.rowsIn(robot, Badge.BLOCKED).isEmpty());
        assertTrue(UiTestSupport.text(robot, "#planSummary").contains("changes to make"));
        String apply = robot.lookup("#applyButton").queryButton().getText();
        assertTrue(apply.matches("Apply \\d+ changes"), apply);
        assertFalse(robot.lookup("#applyButton").queryButton().isDisabled());

        // The sections follow the guide's steps.
        assertTrue(robot.lookup("#planStep2").tryQuery().isPresent());
        assertTrue(robot.lookup("#planStep7").tryQuery().isPresent());

        // The permission checklist: 41 rows grouped by type, all offered by this org, none in a role yet.
        robot.clickOn(UiTestSupport.inView(robot, robot.lookup("#permissionPane").queryAs(TitledPane.class)
                .lookup(".title")));
        WaitForAsyncUtils.waitForFxEvents();
        PermissionChecklistView checklist = robot.lookup("#permissionChecklist").queryAs(PermissionChecklistView.class);
        assertTrue(UiTestSupport.shown(checklist));
        List<PermissionRow> shown = checklist.shownRows();
        assertEquals(41, shown.size());
        assertTrue(shown.stream().allMatch(PermissionRow::offered));
        assertTrue(shown.stream().allMatch(PermissionRow::included), "every row is ticked");
        assertTrue(shown.stream().noneMatch(PermissionRow::inRole));
        assertEquals("Will be added", shown.get(0).roleText());
        Map<String, Long> byType = shown.stream().collect(Collectors.groupingBy(PermissionRow::type,
                Collectors.counting()));
        assertTrue(byType.containsKey("Analytics") && byType.containsKey("WFM"), byType::toString);
        assertEquals(byType.size(), checklist.getRoot().getChildren().size(), "one heading per type");
        assertEquals(2, shown.stream().filter(PermissionRow::unconfirmed).count(), "the two unconfirmed WFM rows");
        assertTrue(robot.lookup(".checklist-tick").queryAllAs(CheckBox.class).stream()
                .allMatch(b -> b.isSelected() && b.isDisabled()));
    }

    @Test
    void choosingWfmAndSomeDivisionsChangesThePlan(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        int divisions = robot.lookup("#divisionChecklist").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size();
        assertEquals(4, divisions, "Home and the sandbox's three divisions");

        robot.clickOn("#withWfmCheck");
        robot.clickOn("#someDivisionsRadio");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.shown(robot, "#planStale"), "the plan says it is out of date");
        // Untick every division: the plan cannot be made for no division.
        robot.lookup("#divisionChecklist").queryAs(javafx.scene.layout.VBox.class).getChildren()
                .forEach(n -> robot.clickOn(n));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.text(robot, "#choicesProblem").startsWith("Tick at least one division"));
        assertTrue(robot.lookup("#checkOrgButton").queryButton().isDisabled());
        robot.clickOn(robot.lookup("#divisionChecklist").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().get(0));
        robot.clickOn("#members-emite_Access").write("not-an-address");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.text(robot, "#choicesProblem").contains("is not an e-mail address"));
        robot.clickOn("#members-emite_Access").eraseText("not-an-address".length());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", UiTestSupport.text(robot, "#choicesProblem"));

        UiTestSupport.checkMyOrg(robot);
        Map<String, PlanRow> rows = UiTestSupport.planRows(robot);
        assertEquals(Badge.MISSING, rows.get("OAUTH_CLIENT:emite_WFMLookback").badge());
        assertEquals(Badge.MISSING, rows.get("OAUTH_CLIENT:emite_WFMActivity").badge());
        long licenceRoles = rows.keySet().stream().filter(k -> k.startsWith("LICENCE_ROLE:")).count();
        assertEquals(1, licenceRoles, "one division chosen");
        assertFalse(UiTestSupport.shown(robot, "#planStale"));
    }
}
