package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Add me" on Groups &amp; users when the admin signed in with an OAuth client (the demo org's sign-in): there is no
 * person to add, so the button says why under itself and nothing moves; the window's error panel (which opens above
 * the tabs and pushed the button from under the mouse) stays shut. After a check it says so before it is pressed
 * ({@code GroupsTabUiTest}, in its walk).
 */
class AddMeUiTest extends TabUiTestBase {
    static final String WHY = "You signed in with an OAuth client, not as a person: search for the people "
            + "above instead.";

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void pressedBeforeACheckItSaysWhyInPlaceAndNothingMoves(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.tab(robot, "groupsTab");
        Button me = robot.lookup("#addMeButton").queryButton();
        Node plan = robot.lookup("#groupsView #planList").query();
        UiTestSupport.waitUntilLaidOutAndStill(me);
        Bounds before = me.localToScene(me.getLayoutBounds());
        double planBefore = plan.localToScene(0, 0).getY();
        assertEquals("", UiTestSupport.text(robot, "#addMeButtonReason"));

        robot.clickOn(me);
        UiTestSupport.waitUntil("the reason", () -> WHY.equals(UiTestSupport.text(robot, "#addMeButtonReason")));
        assertTrue(me.isDisabled(), "Add me is still enabled");
        assertFalse(UiTestSupport.shown(robot, "#planError"), "the window's error panel opened");
        assertEquals(before, me.localToScene(me.getLayoutBounds()), "Add me moved");
        assertEquals(planBefore, plan.localToScene(0, 0).getY(), 0.5, "the plan under the cards moved");
    }
}
