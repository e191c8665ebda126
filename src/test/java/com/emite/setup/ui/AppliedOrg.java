package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.Vault;
import org.testfx.api.FxRobot;

import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The start of a test about what comes after an apply (a rotation, a removal, the daily upkeep): the window signed in
 * to an org that an earlier apply set up, with the vault open, without clicking through the vault window and the Apply
 * page again (~2.5 s of CPU and ~5 s per test: the vault window's own scene, the apply's progress, report, form and
 * the check that follows; those screens are the subject of ApplyTabUiTest, ReviewPageUiTest, FullRunUiTest and
 * others, which still click them).
 *
 * <p>Nothing is skipped that the window would do: Sign in is clicked; the vault is created at the window's vault file
 * with the window's key settings and put into the session as the vault window does ({@code VaultDialogViewModel}:
 * {@code Vault.create}, then {@code session.vaultProperty()}); the org is applied by a {@link SetupService} built as
 * the window builds its own, into the same run store, with the window's current choices, through the calls the Apply
 * button's view model makes ({@code store}, {@code plan}, {@code apply}, {@code afterApply}, {@code keep}); then
 * "Check my org" is clicked, so every tab shows the org as it now is.
 */
public final class AppliedOrg {
    private AppliedOrg() {
    }

    /** Signs in, opens a new vault and applies the window's current choices; ends after the check that follows. */
    public static void prepare(FxRobot robot, MainWindow window) {
        UiTestSupport.signInToSandbox(robot, window);
        applyNow(robot, window);
    }

    /**
     * Signed in, the vault not yet made: opens a new vault and applies the choices the window holds now (what the
     * test chose in the tabs); ends after the check that follows.
     */
    public static void applyNow(FxRobot robot, MainWindow window) {
        Session session = window.session();
        Connection c = session.connection();
        AtomicReference<Choices> choices = new AtomicReference<>();
        robot.interact(() -> choices.set(window.planModel().choices()));
        Vault vault = openNewVault(robot, window);
        try {
            SetupService setup = new SetupService(BlueprintNeeds.standard(), session.dataDir(),
                    UiTestSupport.GRANT_TIMEOUT);
            RunStore store = setup.store(vault, c);
            Plan plan = setup.plan(c, store, choices.get(), ProgressListener.NONE, new CancellationToken());
            ApplyResult result = setup.apply(c, store, plan, ProgressListener.NONE, new CancellationToken());
            assertEquals(Journal.RunStatus.FINISHED, result.status(), String.valueOf(result.error()));
            setup.keep(setup.afterApply(result, store));
        } catch (Exception e) {
            throw new AssertionError("the org could not be set up before the test", e);
        }
        UiTestSupport.checkMyOrg(robot);
    }

    /**
     * Signed in: creates the vault at the window's vault file with the window's key settings and puts it into the
     * session, as the vault window does when the admin creates it (for tests whose subject comes after that window).
     */
    public static Vault openNewVault(FxRobot robot, MainWindow window) {
        Session session = window.session();
        try {
            Vault vault = Vault.create(session.vaultFile(), Secret.of(UiTestSupport.PASSWORD), UiTestSupport.KDF);
            robot.interact(() -> session.vaultProperty().set(vault));
            return vault;
        } catch (Exception e) {
            throw new AssertionError("the vault could not be made before the test", e);
        }
    }
}
