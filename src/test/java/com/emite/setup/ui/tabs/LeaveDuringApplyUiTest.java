package com.emite.setup.ui.tabs;

import com.emite.setup.common.Secret;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.VaultRunStore;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.vault.Vault;
import javafx.scene.control.ListView;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing the window, signing out and locking the vault while an apply runs on a slowed org: the window asks, the
 * apply stops after the request in flight, every secret the org issued is in the vault, and a rerun finishes without
 * a duplicate.
 */
class LeaveDuringApplyUiTest extends TabUiTestBase {
    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        open(s);
    }

    static final List<String> CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData");

    /** Signed in, checked, vault created, apply confirmed on a slow org, stopped half-way. */
    private Sandbox applyingSlowly(FxRobot robot) {
        signedInAndChecked(robot);
        // The vault made as the vault window makes it (that window is not the subject here); Apply then asks at once.
        com.emite.setup.ui.AppliedOrg.openNewVault(robot, window);
        UiTestSupport.tab(robot, "reviewTab");
        robot.clickOn(UiTestSupport.inView(robot, "#applyButton"));
        UiTestSupport.waitUntil("apply asks", () -> UiTestSupport.shown(robot, "#confirmApplyButton"));
        Sandbox sandbox = UiTestSupport.sandbox(window);
        // Full speed up to the first OAuth client (so that at least one secret was issued while the window must go),
        // then each request takes 1.5 s, so that the admin's close, sign-out or lock lands while requests remain
        // however loaded the machine is (at load 26 an apply slowed only by polling once finished first).
        sandbox.latencyAfter("POST", "/api/v2/oauth/clients", 1500);
        robot.clickOn(UiTestSupport.inView(robot, "#confirmApplyButton"));
        ListView<?> finished = robot.lookup("#finishedSteps").queryAs(ListView.class);
        UiTestSupport.waitUntil("a client was created", () -> !sandbox.inspect().clientIdsNamed("emite_SSO")
                .isEmpty() && finished.getItems().size() >= 2);
        return sandbox;
    }

    @Test
    void closingTheWindowAsksStopsAfterTheRequestAndKeepsEverySecret(FxRobot robot) throws Exception {
        Sandbox sandbox = applyingSlowly(robot);
        robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#guardStopButton"));
        assertTrue(stage.isShowing(), "nothing closes before the admin answers");
        robot.clickOn("#guardStopButton");
        UiTestSupport.waitUntil("the window closes", () -> !stage.isShowing());
        sandbox.latencyMs(0);

        Connection c = window.session().connection();
        Vault vault = window.session().vault();
        assertNotNull(vault, "the vault stays open until the app ends (then it is closed and saved)");
        assertEverySecretIsKept(sandbox.inspect(), new VaultRunStore(vault, c.org().id()));
        rerunWithoutDuplicates(new SetupService(dataDir), c, new VaultRunStore(vault, c.org().id()), sandbox);
    }

    @Test
    void signingOutAsksAndStopsFirst(FxRobot robot) throws Exception {
        Sandbox sandbox = applyingSlowly(robot);
        String orgId = window.session().connection().org().id();
        UiTestSupport.tab(robot, "organizationTab");
        robot.clickOn(UiTestSupport.inView(robot, "#signOutButton"));
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#guardStopButton"));
        robot.clickOn("#guardStopButton");
        UiTestSupport.waitUntil("signed out", () -> window.session().connection() == null);
        assertTrue(UiTestSupport.text(robot, "#connectionStatus").startsWith("Not signed in"));
        SandboxInspector org = sandbox.inspect();
        try (Vault v = Vault.open(dataDir.resolve(Session.SANDBOX_VAULT), Secret.of(UiTestSupport.PASSWORD))) {
            assertEverySecretIsKept(org, new VaultRunStore(v, orgId));
        }
    }

    @Test
    void lockingAsksStopsAndTheNextApplyFinishesWithoutDuplicates(FxRobot robot) {
        Sandbox sandbox = applyingSlowly(robot);
        robot.clickOn("#lockVaultButton");
        UiTestSupport.waitUntil("the question", () -> UiTestSupport.shown(robot, "#guardStopButton"));
        robot.clickOn("#guardStopButton");
        UiTestSupport.waitUntil("the vault is locked", () -> window.session().vault() == null);
        // The headline follows on the FX thread after the stop: wait for it, on a loaded machine too.
        UiTestSupport.waitUntil("the apply says it was cancelled", () -> UiTestSupport.text(robot, "#applyHeadline")
                .startsWith("Cancelled"));
        sandbox.latencyMs(0);

        // "Continue applying" opens the vault and goes on without asking again.
        UiTestSupport.tab(robot, "reviewTab");
        assertEquals("Continue applying", robot.lookup("#applyButton").queryButton().getText());
        robot.clickOn(UiTestSupport.inView(robot, "#applyButton"));
        UiTestSupport.waitUntil("the vault window", () -> UiTestSupport.shown(robot, "#vaultSubmitButton"));
        UiTestSupport.type(robot, "#vaultPassword", UiTestSupport.PASSWORD);
        robot.clickOn("#vaultSubmitButton");
        UiTestSupport.waitUntil("apply runs again", () -> !UiTestSupport.text(robot, "#applyHeadline")
                .startsWith("Cancelled"));
        UiTestSupport.waitUntilApplyEnds(robot);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        assertNoDuplicates(sandbox.inspect());
    }

    static void assertEverySecretIsKept(SandboxInspector org, RunStore store) {
        int created = 0;
        for (String name : CLIENTS) {
            List<String> ids = org.clientIdsNamed(name);
            assertTrue(ids.size() <= 1, "no duplicate " + name);
            if (ids.isEmpty()) {
                continue;
            }
            created++;
            RunStore.StoredSecret s = store.client(name);
            assertNotNull(s, "the vault holds the secret of " + name);
            assertEquals(ids.get(0), s.clientId(), name);
        }
        assertTrue(created >= 1, "the apply was stopped after it created a client");
    }

    static void rerunWithoutDuplicates(SetupService setup, Connection c, RunStore store, Sandbox sandbox) {
        var plan = setup.plan(c, store, Choices.defaults(), ProgressListener.NONE, new CancellationToken());
        var result = setup.apply(c, store, plan, ProgressListener.NONE, new CancellationToken());
        assertEquals("FINISHED", result.status().name(), String.valueOf(result.error()));
        assertNoDuplicates(sandbox.inspect());
        assertFalse(setup.plan(c, store, Choices.defaults(), ProgressListener.NONE, new CancellationToken())
                .toApply().stream().anyMatch(i -> i.kind().name().equals("OAUTH_CLIENT")));
    }

    static void assertNoDuplicates(SandboxInspector org) {
        for (String g : List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator")) {
            assertEquals(1, org.groupIdsNamed(g).size(), "no duplicate " + g);
        }
        for (String n : CLIENTS) {
            assertEquals(1, org.clientIdsNamed(n).size(), "no duplicate " + n);
        }
        assertEquals(1, org.roleIdsNamed("eMite Data Integration").size());
    }
}
