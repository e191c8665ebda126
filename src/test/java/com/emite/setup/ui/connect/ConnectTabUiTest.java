package com.emite.setup.ui.connect;

import com.emite.setup.ui.EmiteSetupApp;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An admin pastes their login address, types the short name, presses Copy and has the redirect URL to send eMite. */
@ExtendWith(ApplicationExtension.class)
class ConnectTabUiTest {
    private static final String URL = "https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme";

    @Start
    void start(Stage stage) {
        stage.setTitle(EmiteSetupApp.TITLE);
        stage.getIcons().setAll(EmiteSetupApp.icons());
        stage.setScene(EmiteSetupApp.createScene(ConnectViewModel.standard(EmiteSetupApp.systemClipboard())));
        stage.show();
    }

    @Test
    void pasteAddressTypeShortNameCopyTheUrl(FxRobot robot) throws Exception {
        Platform.runLater(() -> Clipboard.getSystemClipboard().clear());
        TextField address = robot.lookup("#addressField").queryAs(TextField.class);
        robot.clickOn(address);
        // "Pasting": the whole address arrives at once, as with Ctrl+V.
        robot.interact(() -> address.replaceSelection("  https://login.mypurecloud.de/#/authenticate "));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        ComboBox<ConnectTarget> combo = robot.lookup("#regionCombo").queryAs(ComboBox.class);
        assertEquals("EMEA (Frankfurt)", combo.getValue().displayName());
        assertEquals("eMite code: eucentral", robot.lookup("#emiteCodeBadge").queryAs(Label.class).getText());

        Button copy = robot.lookup("#copyButton").queryButton();
        assertTrue(copy.isDisabled(), "nothing to copy before the short name");

        robot.clickOn("#shortNameField").write("acme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Looks right.", robot.lookup("#shortNameMessage").queryAs(Label.class).getText());
        assertEquals(URL, robot.lookup("#redirectUrlField").queryAs(TextField.class).getText());
        assertFalse(copy.isDisabled());

        robot.clickOn(copy);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Copied", copy.getText());

        CompletableFuture<String> onClipboard = new CompletableFuture<>();
        Platform.runLater(() -> onClipboard.complete(Clipboard.getSystemClipboard().getString()));
        assertEquals(URL, onClipboard.get(5, TimeUnit.SECONDS));

        // The button turns back to "Copy" after a moment.
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> copy.getText().equals("Copy"));
    }

    @Test
    void wrongAddressAndShortNameSayWhy(FxRobot robot) {
        robot.clickOn("#addressField").write("https://uk-cloud.emite.com/emite/acme");
        robot.clickOn("#shortNameField").write("Acme Corp");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("This looks like the eMite site. Paste your Genesys Cloud login address instead, for example "
                + "https://login.mypurecloud.com.", robot.lookup("#addressMessage").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#addressMessage").queryAs(Label.class).getStyleClass().contains("error"));
        assertEquals("The short name has no spaces in it. The short name is always in lower case. "
                + "Did you mean \"acmecorp\"?", robot.lookup("#shortNameMessage").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#copyButton").queryButton().isDisabled());
    }

    @Test
    void pickRegionFromTheList(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<ConnectTarget> combo = robot.lookup("#regionCombo").queryAs(ComboBox.class);
        robot.clickOn(combo);
        robot.clickOn("Americas (São Paulo)");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Americas (São Paulo)", combo.getValue().displayName());
        assertFalse(robot.lookup("#emiteCodeBadge").queryAs(Label.class).isVisible());
        robot.clickOn("#shortNameField").write("acme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#redirectUrlMessage").queryAs(Label.class).getText()
                .contains("Ask eMite support for the eMite code of this region."));
        assertTrue(robot.lookup("#copyButton").queryButton().isDisabled());
    }

    @Test
    void windowHasTheConnectTabFirst(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("Connect", tabs.getTabs().get(0).getText());
        assertEquals(EmiteSetupApp.TITLE, ((Stage) tabs.getScene().getWindow()).getTitle());
        assertEquals(6, ((Stage) tabs.getScene().getWindow()).getIcons().size());
    }
}
