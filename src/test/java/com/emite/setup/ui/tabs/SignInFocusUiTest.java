package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** After Sign in the keyboard is on the next step, "Next: check my org" (not on a read-only field). */
class SignInFocusUiTest extends TabUiTestBase {
    @Start
    void start(Stage s) throws java.io.IOException {
        open(s);
    }

    @Test
    void afterSignInTheKeyboardIsOnNextCheckMyOrg(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        Node next = robot.lookup("#nextToPlanButton").query();
        UiTestSupport.waitUntil("the keyboard is on Next: check my org, not on "
                + next.getScene().getFocusOwner(), () -> next.getScene().getFocusOwner() == next);
    }
}
