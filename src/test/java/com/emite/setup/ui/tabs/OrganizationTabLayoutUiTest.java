package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Organization tab when a check ends: the org's step of the plan appears under the whole form, so the fields the
 * admin may be aiming at (short name, redirect URL and its Copy) do not move (seen under Xvfb: the card appeared
 * between "Next: check my org" and the short name and pushed both fields down by its height).
 */
class OrganizationTabLayoutUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void theOrgsPlanStepAppearsUnderTheFormAndMovesNothing(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        Node shortName = robot.lookup("#shortNameField").query();
        Node copy = robot.lookup("#copyButton").query();
        UiTestSupport.waitUntilLaidOutAndStill(shortName);
        double shortNameY = sceneY(robot, shortName);
        double copyY = sceneY(robot, copy);

        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "organizationTab");
        UiTestSupport.waitUntil("the org's step is shown", () -> UiTestSupport.shown(robot, "#planStep1"));
        UiTestSupport.waitUntilLaidOutAndStill(robot.lookup("#planStep1").query());
        assertEquals(shortNameY, sceneY(robot, shortName), 0.5, "the short name field stayed where it was");
        assertEquals(copyY, sceneY(robot, copy), 0.5, "the redirect URL's Copy stayed where it was");
        assertTrue(sceneY(robot, robot.lookup("#planStep1").query()) > copyY, "the step is under the form");
    }

    private static double sceneY(FxRobot robot, Node n) {
        double[] y = new double[1];
        robot.interact(() -> y[0] = n.localToScene(n.getBoundsInLocal()).getMinY());
        return y[0];
    }
}
