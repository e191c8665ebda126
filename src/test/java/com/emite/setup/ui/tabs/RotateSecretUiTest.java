package com.emite.setup.ui.tabs;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.vault.StoredClient;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OAuth clients & app: "Rotate secret" on a card asks first; Cancel changes nothing; confirming issues a new secret
 * that works, kills the old one, keeps the new one in the vault and says to send the form to eMite now (issue 17).
 */
class RotateSecretUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    StoredClient stored(String name) {
        String orgId = window.session().connection().org().id();
        return window.session().vault().contents().findOrg(orgId).flatMap(r -> r.client(name)).orElseThrow();
    }

    /** A button of the open question (the card's own button has the same words). */
    static javafx.scene.control.Button dialogButton(FxRobot robot, String text) {
        return robot.from(robot.lookup("#rotateDialog").queryAll()).lookup(".button")
                .match((javafx.scene.control.Button b) -> text.equals(b.getText())).queryButton();
    }

    @Test
    void rotateAfterConfirmingAndCancelChangesNothing(FxRobot robot) throws Exception {
        // The org as an earlier apply left it (the vault open); the rotation is the subject here.
        com.emite.setup.ui.AppliedOrg.prepare(robot, window);
        UiTestSupport.tab(robot, "clientsTab");
        UiTestSupport.waitUntil("the card has an id", () -> robot.lookup("#cardClientId-emite_APIdata")
                .queryAs(TextField.class).getText().matches("[0-9a-f-]{36}"));
        UiTestSupport.waitUntil("the card says how old the secret is", () -> robot
                .lookup("#cardSecretAge-emite_APIdata").queryAs(Label.class).getText().contains("0 days ago"));
        StoredClient before = stored("emite_APIdata");
        Secret sso = stored("emite_SSO").secret();
        Sandbox sb = UiTestSupport.sandbox(window);
        long writes = sb.stats().writes();

        robot.clickOn(UiTestSupport.inView(robot, "#cardRotate-emite_APIdata"));
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#rotateDialog"));
        assertTrue(robot.lookup("#rotateDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText()
                .contains("eMite stops reading data until they have the new secret"));
        robot.clickOn(dialogButton(robot, "Cancel"));
        assertEquals(writes, sb.stats().writes(), "Cancel sends nothing");
        assertEquals(before.secret(), stored("emite_APIdata").secret());

        robot.clickOn(UiTestSupport.inView(robot, "#cardRotate-emite_APIdata"));
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#rotateDialog"));
        robot.clickOn(dialogButton(robot, "Rotate secret"));
        UiTestSupport.waitUntil("the rotation's result", () -> !robot.lookup("#rotationNotice").queryAs(Label.class).getText().isEmpty()
                && !robot.lookup("#rotationNotice").queryAs(Label.class).getText().startsWith("Issuing"));
        assertTrue(robot.lookup("#rotationNotice").queryAs(Label.class).getText()
                        .startsWith("New secret for emite_APIdata saved in the vault. Send this form to eMite now"),
                robot.lookup("#rotationNotice").queryAs(Label.class).getText());

        StoredClient after = stored("emite_APIdata");
        assertEquals(before.clientId(), after.clientId());
        assertNotEquals(before.secret(), after.secret());
        GenesysClient c = GenesysClient.forSingleBase(sb.baseUrl());
        Secret old = before.secret();
        assertThrows(GenesysApiException.class, () -> c.signInWithClientCredentials(before.clientId(), old));
        c.signInWithClientCredentials(after.clientId(), after.secret());
        assertEquals(sso, stored("emite_SSO").secret(), "only the chosen client was rotated");
    }
}
