package com.emite.setup.ui.connect;

import com.emite.setup.ui.EmiteSetupApp;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.sandbox.Sandbox;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Connect tab as a person uses it: a first-time user presses Sign in on the preselected sandbox and sees their
 * org; an admin pastes their login address, types the short name and copies the redirect URL for eMite.
 */
@ExtendWith(ApplicationExtension.class)
class ConnectTabUiTest {
    private static final String URL = "https://eucentral-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme";

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
    void aFirstTimeUserPressesSignInOnTheSandboxAndSeesTheOrg(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<ConnectTarget> combo = robot.lookup("#regionCombo").queryAs(ComboBox.class);
        assertTrue(combo.getValue().isSandbox(), "the sandbox is preselected");
        assertFalse(robot.lookup("#signInButton").queryButton().isDisabled(), "Sign in can be pressed at once");

        UiTestSupport.signInToSandbox(robot, window);

        Sandbox sandbox = UiTestSupport.sandbox(window);
        String shortName = sandbox.orgShortName();
        assertEquals("short name: " + shortName, UiTestSupport.text(robot, "#orgShortNameLabel"));
        assertEquals(sandbox.orgName(), UiTestSupport.text(robot, "#orgNameLabel"));
        assertEquals(shortName, UiTestSupport.text(robot, "#shortNameField"), "the short name field is filled");
        assertEquals("https://useast-cloud.emite.com/emite/" + shortName + "/Auth/OAuthPureCloud?org=" + shortName,
                UiTestSupport.text(robot, "#redirectUrlField"));
        assertTrue(combo.isDisabled(), "the region cannot change while signed in");
        assertTrue(UiTestSupport.text(robot, "#connectionStatus").contains(sandbox.orgName()));

        robot.clickOn("#signOutButton");
        UiTestSupport.waitUntil("signed out", () -> window.session().connection() == null
                && UiTestSupport.shown(robot, "#signInButton"));
        assertFalse(combo.isDisabled());
        assertEquals("Not signed in", UiTestSupport.text(robot, "#connectionStatus"));
        assertEquals("", UiTestSupport.text(robot, "#shortNameField"), "the old org's short name does not stay");
        assertEquals("", UiTestSupport.text(robot, "#redirectUrlField"), "so no redirect URL with it either");
    }

    @Test
    void aRealRegionOffersTheThreeWaysToSignIn(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<ConnectTarget> combo = robot.lookup("#regionCombo").queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(combo.getItems().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.shown(robot, "#methodBrowser"));
        assertTrue(robot.lookup("#pkceHint").queryAs(Label.class).getText()
                .contains("Admin > Integrations > OAuth > Add client"));
        assertTrue(robot.lookup("#pkceHint").queryAs(Label.class).getText()
                .contains("http://127.0.0.1:8765/callback"));
        assertTrue(robot.lookup("#signInButton").queryButton().isDisabled(), "a client id is needed first");
        UiTestSupport.type(robot, "#pkceClientIdField", "0a1b2c3d");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#signInButton").queryButton().isDisabled());

        robot.clickOn("#methodClientCredentials");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.shown(robot, "#clientSecretField"));
        assertTrue(robot.lookup("#signInButton").queryButton().isDisabled());
        robot.clickOn("#methodToken");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiTestSupport.shown(robot, "#tokenField"));
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

        // Typed with the robot's own key presses once (elsewhere UiTestSupport.type sends the keys at once).
        robot.clickOn("#shortNameField").write("acme");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Looks right.", robot.lookup("#shortNameMessage").queryAs(Label.class).getText());
        assertEquals(URL, robot.lookup("#redirectUrlField").queryAs(TextField.class).getText());
        assertFalse(copy.isDisabled());

        robot.clickOn(UiTestSupport.inView(robot, copy));
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
        UiTestSupport.type(robot, "#addressField", "https://uk-cloud.emite.com/emite/acme");
        UiTestSupport.type(robot, "#shortNameField", "Acme Corp");
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
        UiTestSupport.type(robot, "#shortNameField", "acme");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#redirectUrlMessage").queryAs(Label.class).getText()
                .contains("Ask eMite support for the eMite code of this region."));
        assertTrue(robot.lookup("#copyButton").queryButton().isDisabled());
    }

    @Test
    void windowHasTheOrganizationTabFirst(FxRobot robot) {
        TabPane tabs = robot.lookup("#mainTabs").queryAs(TabPane.class);
        assertEquals("Organization", tabs.getTabs().get(0).getText());
        assertEquals(EmiteSetupApp.TITLE, ((Stage) tabs.getScene().getWindow()).getTitle());
        assertEquals(6, ((Stage) tabs.getScene().getWindow()).getIcons().size());
        assertEquals(java.util.List.of("Organization", "Groups & users", "Role & permissions",
                        "OAuth clients & app", "Licences", "Review & apply"),
                tabs.getTabs().stream().map(javafx.scene.control.Tab::getText).toList());
    }

    @Test
    void aCustomEnvironmentFollowsTheCommandLinesRules(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<ConnectTarget> combo = robot.lookup("#regionCombo").queryAs(ComboBox.class);
        robot.interact(() -> combo.getSelectionModel().select(combo.getItems().get(0)));
        robot.clickOn("#methodClientCredentials");
        UiTestSupport.type(robot, "#clientIdField", "some-client");
        UiTestSupport.type(robot, "#clientSecretField", "some-secret");
        robot.interact(() -> robot.lookup("#advancedPane").queryAs(javafx.scene.control.TitledPane.class)
                .setExpanded(true));
        // The pane opens with an animation: click the box once it has stopped moving, or the click lands beside it.
        javafx.scene.Node custom = UiTestSupport.inView(robot, "#customEnvironmentCheck");
        UiTestSupport.waitUntilLaidOutAndStill(custom);
        robot.clickOn(custom);
        UiTestSupport.type(robot, "#customApiBaseField", "http://api.example.com");
        UiTestSupport.type(robot, "#customLoginBaseField", "http://login.example.com");
        robot.clickOn(UiTestSupport.inView(robot, "#signInButton"));
        UiTestSupport.waitUntil("the refusal", () -> UiTestSupport.shown(robot, "#signInError"));
        assertEquals("Error code INPUT-01", UiTestSupport.text(robot, "#signInErrorCode"));
        assertTrue(UiTestSupport.text(robot, "#signInErrorMessage").contains("http"),
                UiTestSupport.text(robot, "#signInErrorMessage"));
        assertEquals(null, window.session().connection(), "http off the loopback is refused, as on the command line");
    }
}
