package com.emite.setup.ui.tabs;

import com.emite.setup.app.OrgSummaries;
import com.emite.setup.common.Secret;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.common.DesktopPreferences;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.Vault;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
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

import static com.emite.setup.ui.UiTestSupport.shown;
import static com.emite.setup.ui.UiTestSupport.text;
import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several orgs (issue 12) and what a relaunch remembers (issue 10): a vault holding two orgs and the preferences of an
 * earlier launch (a custom environment: a sandbox on loopback, and a short name). The window starts there, lists the
 * vault's orgs once it is open, continues with one by the sign-in the vault keeps, and switches to the other with
 * nothing of the first left.
 */
@ExtendWith(ApplicationExtension.class)
class OrgsUiTest {
    Path dataDir;
    Sandbox sandbox;
    MainWindow window;

    @Start
    void start(Stage s) throws Exception {
        dataDir = ScratchDirs.create("emite-ui-orgs");
        sandbox = Sandbox.start(UiTestSupport.FAST_SANDBOX);
        try (Vault v = Vault.create(dataDir.resolve(Session.DEFAULT_VAULT), Secret.of(UiTestSupport.PASSWORD),
                KdfParams.argon2id(1024, 1, 1))) {
            v.contents().org(sandbox.orgId()).setShortName(sandbox.orgShortName()).setRegion("ap-southeast-2")
                    .rememberAdminClient(sandbox.adminClientId(), sandbox.adminClientSecret());
            v.contents().org("9f1c2d3e-0000-4000-8000-fabrikam0001").setShortName("fabrikam").setRegion("eu-west-1");
            v.save();
        }
        new DesktopPreferences(dataDir).lastEnvironment("ap-southeast-2", sandbox.baseUrl(), sandbox.baseUrl(),
                "fabrikam");
        window = UiTestSupport.show(s, dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
        sandbox.close();
    }

    @Test
    void listsTheVaultsOrgsContinuesWithOneAndSwitchesToTheOther(FxRobot robot) {
        UiTestSupport.tab(robot, "organizationTab");
        // The relaunch starts where the last launch signed in: the custom address and the short name.
        assertTrue(robot.lookup("#customEnvironmentCheck").queryAs(CheckBox.class).isSelected());
        assertEquals(sandbox.baseUrl(), robot.lookup("#customApiBaseField").queryAs(TextField.class).getText());
        assertEquals("fabrikam", robot.lookup("#shortNameField").queryAs(TextField.class).getText());
        assertEquals("ap-southeast-2", ((com.emite.setup.ui.connect.ConnectTarget) robot.lookup("#regionCombo")
                .queryAs(ComboBox.class).getValue()).region().genesysRegionId());

        assertTrue(shown(robot, "#openOrgsButton"));
        robot.clickOn(UiTestSupport.inView(robot, "#openOrgsButton"));
        waitUntil("the vault window asks for the password", () -> shown(robot, "#vaultSubmitButton"));
        UiTestSupport.type(robot, "#vaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#vaultSubmitButton");
        @SuppressWarnings("unchecked")
        TableView<OrgSummaries.Summary> table = robot.lookup("#orgsTable").queryAs(TableView.class);
        waitUntil("the vault's two orgs are listed", () -> table.getItems().size() == 2);
        OrgSummaries.Summary fabrikam = table.getItems().stream().filter(o -> "fabrikam".equals(o.shortName()))
                .findFirst().orElseThrow();
        assertEquals("eu-west-1", fabrikam.region());
        assertEquals(OrgSummaries.State.NOTHING_APPLIED, fabrikam.state());
        assertTrue(robot.lookup("#continueWithOrgButton").queryButton().isDisabled());
        assertEquals("Choose an org in the list.", text(robot, "#continueWithOrgButtonReason"));

        OrgSummaries.Summary ours = table.getItems().stream().filter(o -> o.orgId().equals(sandbox.orgId()))
                .findFirst().orElseThrow();
        assertTrue(ours.signsInAlone());
        robot.interact(() -> table.getSelectionModel().select(ours));
        waitUntil("the row is chosen", () -> !robot.lookup("#continueWithOrgButton").queryButton().isDisabled());
        robot.clickOn(UiTestSupport.inView(robot, "#continueWithOrgButton"));
        try {
            waitUntil("signed in to the chosen org with the sign-in the vault keeps",
                    () -> window.session().connection() != null && shown(robot, "#signOutButton"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": status " + text(robot, "#signInStatus") + " / orgs "
                    + text(robot, "#orgsMessage"), e);
        }
        assertEquals(sandbox.orgId(), window.session().connection().org().id());
        DesktopPreferences saved = new DesktopPreferences(dataDir);
        assertEquals(sandbox.orgShortName(), saved.lastShortName().orElseThrow());
        assertEquals(sandbox.baseUrl(), saved.lastCustomEnvironment().orElseThrow()[0]);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "organizationTab");

        robot.clickOn("Org");
        robot.clickOn("#switchOrgMenu");
        waitUntil("signed out", () -> window.session().connection() == null);
        assertEquals("", robot.lookup("#shortNameField").queryAs(TextField.class).getText(),
                "nothing of the old org stays");
        robot.interact(() -> table.getSelectionModel().select(fabrikam));
        robot.clickOn("#continueWithOrgButton");
        waitUntil("the other org's region and short name are filled in",
                () -> text(robot, "#orgsMessage").startsWith("Sign in below to continue with fabrikam"));
        assertEquals("fabrikam", robot.lookup("#shortNameField").queryAs(TextField.class).getText());
        assertEquals("eu-west-1", ((com.emite.setup.ui.connect.ConnectTarget) robot.lookup("#regionCombo")
                .queryAs(ComboBox.class).getValue()).region().genesysRegionId());
        assertNull(window.session().connection());
    }
}
