package com.emite.setup.ui.form;

import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.app.SignInService;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Form tab as a person uses it after an apply: save the new secrets, copy a secret (the clipboard clears itself
 * and says when), export the form with secrets masked, then with secrets, and lock the vault.
 */
@ExtendWith(ApplicationExtension.class)
class FormTabUiTest {
    private final AtomicReference<Path> exportDir = new AtomicReference<>();
    private MainWindow window;
    private Path dataDir;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = ScratchDirs.create("emite-ui-form");
        window = UiTestSupport.show(stage, dataDir, UiTestSupport.FAST_SANDBOX, exportDir);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    @Test
    void copyASecretExportTheFormAndLockTheVault(FxRobot robot) throws Exception {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.pressApplyAndOpenVault(robot, true);
        UiTestSupport.confirmAndWait(robot);
        UiTestSupport.tab(robot, "reviewTab");

        // The form: region, code, short name, redirect URL.
        String shortName = UiTestSupport.sandbox(window).orgShortName();
        assertEquals(shortName, UiTestSupport.text(robot, "#formShortName"));
        assertEquals("useast", UiTestSupport.text(robot, "#formRegionCode"));
        assertTrue(UiTestSupport.text(robot, "#formRedirectUrl").contains("/emite/" + shortName + "/"));

        // Show once: the three new secrets, until the admin says they are saved.
        assertTrue(UiTestSupport.shown(robot, "#newSecretsPanel"));
        assertTrue(UiTestSupport.shown(robot, "#newSecret-emite_APIdata"));
        assertTrue(robot.lookup("#newSecretsDoneButton").queryButton().isDisabled());

        // Masked until revealed.
        TextField secretField = robot.lookup("#secret-emite_APIdata").queryAs(TextField.class);
        assertTrue(secretField.getText().startsWith("••••••"), secretField.getText());
        robot.clickOn(UiTestSupport.inView(robot, "#reveal-emite_APIdata"));
        String secret = secretField.getText();
        assertFalse(secret.contains("•"), "revealed");
        assertTrue(secret.length() >= 16);
        robot.clickOn("#reveal-emite_APIdata");
        assertTrue(secretField.getText().startsWith("••••••"));

        // Copy: on the clipboard, with the countdown.
        robot.clickOn(UiTestSupport.inView(robot, "#copySecret-emite_APIdata"));
        assertEquals(secret, UiTestSupport.clipboard());
        String countdown = robot.lookup("#clipboardCountdown").queryAs(Label.class).getText();
        assertTrue(countdown.matches("Clipboard clears in (30|29|28) s"), countdown);
        assertTrue(UiTestSupport.shown(robot, "#clipboardCountdown"));
        UiTestSupport.waitUntil("the countdown ticks", () -> !robot.lookup("#clipboardCountdown")
                .queryAs(Label.class).getText().equals(countdown));
        robot.clickOn("#clearClipboardButton");
        UiTestSupport.waitUntil("the clipboard is cleared", () -> UiTestSupport.clipboard() == null
                || UiTestSupport.clipboard().isEmpty());
        assertEquals("Clipboard cleared.", robot.lookup("#clipboardCountdown").queryAs(Label.class).getText());

        // A client id is copied as it is (no countdown: it is not a secret).
        String clientId = robot.lookup("#clientId-emite_SSO").queryAs(TextField.class).getText();
        robot.clickOn(UiTestSupport.inView(robot, "#copyClientId-emite_SSO"));
        assertEquals(clientId, UiTestSupport.clipboard());

        // Export with secrets masked.
        Path maskedParent = ScratchDirs.create("emite-form-masked");
        exportDir.set(maskedParent);
        // The export goes into a folder named after the org and the day.
        Path masked = maskedParent.resolve("eMite form " + shortName + " " + java.time.LocalDate.now());
        robot.clickOn(UiTestSupport.inView(robot, "#exportButton"));
        UiTestSupport.waitUntil("the export", () -> UiTestSupport.text(robot, "#exportStatus").startsWith("Saved"));
        String json = Files.readString(masked.resolve(FormWriter.FORM_JSON));
        String html = Files.readString(masked.resolve(FormWriter.FORM_HTML));
        assertFalse(json.contains(secret), "no secret in the masked form");
        assertFalse(html.contains(secret));
        JsonObject form = JsonParser.parseString(json).getAsJsonObject();
        assertFalse(form.get("includesSecrets").getAsBoolean());
        assertEquals(shortName, form.get("organizationShortName").getAsString());
        assertEquals(3, form.getAsJsonArray("oauthClients").size());
        assertTrue(form.getAsJsonArray("oauthClients").get(1).getAsJsonObject().get("clientSecret").getAsString()
                .startsWith("••••••"));
        assertTrue(Files.exists(masked.resolve(FormWriter.REPORT_TEXT)), "the change report beside it");

        // Export with secrets: the file says so on top.
        Path clearParent = ScratchDirs.create("emite-form-clear");
        exportDir.set(clearParent);
        Path clear = clearParent.resolve("eMite form " + shortName + " " + java.time.LocalDate.now());
        robot.clickOn("#includeSecretsCheck");
        robot.clickOn("#exportButton");
        UiTestSupport.waitUntil("the export", () -> UiTestSupport.text(robot, "#exportStatus")
                .contains(clear.toString()));
        assertTrue(UiTestSupport.text(robot, "#exportStatus").contains("holds the client secrets in clear"));
        String clearJson = Files.readString(clear.resolve(FormWriter.FORM_JSON));
        assertTrue(clearJson.contains(secret));
        assertTrue(clearJson.indexOf("\"warning\"") < clearJson.indexOf("\"title\""), "the warning comes first");
        String clearHtml = Files.readString(clear.resolve(FormWriter.FORM_HTML));
        assertTrue(clearHtml.indexOf(IntegrationForm.SECRETS_WARNING) < clearHtml.indexOf("<h1>"));

        // Saved: the show-once panel closes.
        robot.clickOn(UiTestSupport.inView(robot, "#savedSecretsCheck"));
        robot.clickOn("#newSecretsDoneButton");
        UiTestSupport.waitUntil("the panel closes", () -> !UiTestSupport.shown(robot, "#newSecretsPanel"));

        // Copy again, then lock the vault: the clipboard is cleared and the secrets are gone from the window.
        robot.clickOn(UiTestSupport.inView(robot, "#copySecret-emite_RealtimeData"));
        String realtime = UiTestSupport.clipboard();
        assertNotEquals(secret, realtime);
        robot.clickOn("#lockVaultButton");
        UiTestSupport.waitUntil("the vault locks", () -> window.session().vault() == null);
        UiTestSupport.waitUntil("the clipboard is cleared", () -> UiTestSupport.clipboard() == null
                || UiTestSupport.clipboard().isEmpty());
        assertEquals("(open the vault to see it)", secretField.getText());
        assertTrue(robot.lookup("#copySecret-emite_APIdata").queryButton().isDisabled());
        assertTrue(UiTestSupport.text(robot, "#vaultStatus").startsWith("The vault is locked"));
    }
}
