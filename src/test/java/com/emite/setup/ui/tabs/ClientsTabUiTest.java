package com.emite.setup.ui.tabs;

import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.plan.Badge;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OAuth clients & app: a card per client; WFM adds two; after apply each card's id is copied as is. */
class ClientsTabUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    static final List<String> FIVE = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData",
            "emite_WFMLookback", "emite_WFMActivity");

    @Test
    void withWfmFiveCardsAndTheirIdsCopy(FxRobot robot) throws Exception {
        signedInAndChecked(robot);
        UiTestSupport.tab(robot, "clientsTab");
        assertEquals(3, robot.lookup(".card").queryAll().stream()
                .filter(n -> n.getId() != null && n.getId().startsWith("clientCard-")).count());
        robot.clickOn("#withWfmCheck");
        UiTestSupport.checkMyOrg(robot);
        assertEquals(Badge.MISSING, UiTestSupport.planRows(robot).get("OAUTH_CLIENT:emite_WFMLookback").badge());
        for (String c : FIVE) {
            assertEquals("(not created yet)", robot.lookup("#cardClientId-" + c).queryAs(TextField.class)
                    .getText());
        }

        UiTestSupport.pressApplyAndOpenVault(robot, true);
        UiTestSupport.confirmAndWait(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        UiTestSupport.tab(robot, "clientsTab");
        for (String c : FIVE) {
            UiTestSupport.waitUntil(c + " has an id", () -> robot.lookup("#cardClientId-" + c)
                    .queryAs(TextField.class).getText().matches("[0-9a-f-]{36}"));
        }
        String id = robot.lookup("#cardClientId-emite_SSO").queryAs(TextField.class).getText();
        robot.clickOn(UiTestSupport.inView(robot, "#cardCopyClientId-emite_SSO"));
        assertEquals("Copied", robot.lookup("#cardCopyClientId-emite_SSO").queryButton().getText());
        assertEquals(id, UiTestSupport.clipboard());

        // The form under the apply's report names the five clients too (this was ApplyTabUiTest's own walk, the
        // same clicks up to here).
        UiTestSupport.assertFormClientIds(robot, FIVE);
    }
}
