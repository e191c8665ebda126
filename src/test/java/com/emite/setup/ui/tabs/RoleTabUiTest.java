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

/** Role & permissions: the 41 rows grouped by type, all ticked; unticking one says what eMite loses. */
class RoleTabUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void theChecklistIsTickedAndUntickingWarns(FxRobot robot) {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "roleTab");
        PermissionChecklist list = robot.lookup("#permissionChecklist").queryAs(PermissionChecklist.class);
        assertTrue(UiTestSupport.shown(list));
        assertTrue(list.getHeight() > 300, "the checklist fills the tab: " + list.getHeight());
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
