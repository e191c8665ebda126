package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.plan.PermissionRow;
import com.emite.setup.ui.role.PermissionChecklist;
import javafx.scene.control.CheckBoxTreeItem;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Role & permissions: the 41 rows grouped by type, all ticked; unticking one says what eMite loses; steps 3 and 4 in
 * sight; before a check the count says what to do.
 */
class RoleTabUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    /**
     * Steps 3 and 4 (the role, and the role for the admin's own sign-in) are both in sight when the tab opens, without
     * scrolling, beside each other above the checklist; step 4 says why and to whom in plain words (no API call).
     * Part of the walk below (one sign-in and check for both).
     */
    private static void bothRoleStepsShowWithoutScrollingInPlainWords(FxRobot robot) {
        javafx.scene.control.ScrollPane top = robot.lookup("#roleStepsScroll").queryAs(
                javafx.scene.control.ScrollPane.class);
        javafx.scene.Node step3 = robot.lookup("#planStep3").query();
        javafx.scene.Node step4 = robot.lookup("#planStep4").query();
        javafx.geometry.Bounds view = top.localToScene(top.getLayoutBounds());
        for (javafx.scene.Node step : List.of(step3, step4)) {
            javafx.geometry.Bounds b = step.localToScene(step.getLayoutBounds());
            assertTrue(b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY(),
                    step.getId() + " " + b + " not inside the visible top " + view);
        }
        assertEquals(step3.localToScene(0, 0).getY(), step4.localToScene(0, 0).getY(), 0.5, "side by side");
        String step4Text = robot.lookup("#planStep4 .row-line").queryAllAs(javafx.scene.control.Label.class).stream()
                .map(javafx.scene.control.Label::getText).collect(Collectors.joining(" | "));
        assertTrue(step4Text.contains("eMite's OAuth clients can only be given a role you hold"), step4Text);
        assertTrue(step4Text.contains("It goes to the OAuth client you signed in with."), step4Text);
        assertFalse(step4Text.contains("/oauth/clients") || step4Text.contains("API"), step4Text);
    }

    @Test
    void beforeTheCheckTheCountSaysWhatToDo(FxRobot robot) {
        UiTestSupport.tab(robot, "roleTab");
        assertEquals("Press \"Check my org\" to see which of eMite's permissions your org offers.",
                UiTestSupport.text(robot, "#checklistCounts"));
    }

    @Test
    void theChecklistIsTickedAndUntickingWarns(FxRobot robot) {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "roleTab");
        PermissionChecklist list = robot.lookup("#permissionChecklist").queryAs(PermissionChecklist.class);
        assertTrue(UiTestSupport.shown(list));
        assertTrue(list.getHeight() > 250, "the checklist fills the rest of the tab: " + list.getHeight());
        bothRoleStepsShowWithoutScrollingInPlainWords(robot);
        List<PermissionRow> rows = list.shownRows();
        assertEquals(41, rows.size());
        assertEquals(41, list.tickedRows().size(), "every required row is ticked");
        Map<String, Long> byType = rows.stream().collect(Collectors.groupingBy(PermissionRow::type,
                Collectors.counting()));
        assertEquals(byType.size(), list.getRoot().getChildren().size(), "one heading per type");
        assertEquals(2, rows.stream().filter(PermissionRow::unconfirmed).count(), "the two unconfirmed WFM rows");
        assertEquals("", UiTestSupport.text(robot, "#leftOutWarning"));

        // Untick the first row as a person would: click its box.
        CheckBoxTreeItem<?> firstLeaf = (CheckBoxTreeItem<?>) list.getRoot().getChildren().get(0).getChildren()
                .get(0);
        javafx.scene.control.TreeCell<?> cell = robot.lookup(".check-box-tree-cell").queryAllAs(
                javafx.scene.control.TreeCell.class).stream().filter(c -> c.getTreeItem() == firstLeaf)
                .findFirst().orElseThrow();
        robot.clickOn(cell.getGraphic());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, list.tickedRows().size());
        assertTrue(UiTestSupport.text(robot, "#leftOutWarning").startsWith("Left out (1)"),
                UiTestSupport.text(robot, "#leftOutWarning"));
        assertTrue(UiTestSupport.text(robot, "#planSummary").contains("Out of date"));
        CheckBoxTreeItem<?> first = (CheckBoxTreeItem<?>) list.getRoot().getChildren().get(0).getChildren().get(0);
        assertFalse(first.isSelected());
        robot.interact(() -> first.setSelected(true));
        assertEquals("", UiTestSupport.text(robot, "#leftOutWarning"));
    }
}
