package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.scene.layout.FlowPane;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Licences: totals first; choosing some divisions unfolds them; none ticked is explained next to Check. */
class LicencesTabUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void chooseOneDivisionAndThePlanGrantsInOne(FxRobot robot) {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "licencesTab");
        assertEquals("4 divisions in your org; 4 chosen.", UiTestSupport.text(robot, "#licenceTotals"));
        robot.clickOn("#someDivisionsRadio");
        FlowPane boxes = robot.lookup("#divisionChecklist").queryAs(FlowPane.class);
        UiTestSupport.waitUntil("the divisions unfold", () -> UiTestSupport.shown(boxes));
        // A click while the folded list still opens can land beside its box (run 3 of a loop: one box stayed ticked).
        UiTestSupport.waitUntilLaidOutAndStill(boxes);
        boxes.getChildren().forEach(robot::clickOn);
        UiTestSupport.waitUntil("the problem is said", () -> UiTestSupport.text(robot, "#choicesProblem")
                .startsWith("Tick at least one division"));
        assertTrue(robot.lookup("#checkOrgButton").queryButton().isDisabled());
        assertTrue(UiTestSupport.text(robot, "#checkOrgButtonReason").startsWith("Tick at least one division"),
                "the reason is next to the button");
        robot.clickOn(boxes.getChildren().get(0));
        assertEquals("4 divisions in your org; 1 chosen.", UiTestSupport.text(robot, "#licenceTotals"));

        UiTestSupport.checkMyOrg(robot);
        long licenceRoles = UiTestSupport.planRows(robot).keySet().stream()
                .filter(k -> k.startsWith("LICENCE_ROLE:")).count();
        assertEquals(1, licenceRoles, "one division chosen");
    }
}
