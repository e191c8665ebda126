package com.emite.setup.ui;

import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.OrgApi;
import com.emite.setup.ui.apply.ApplyPhase;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultDialogViewModel;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.SecretClipboard;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #10: the window's Apply acts on the plan "Check my org" just made (no second read of the org) when that plan is
 * fresh, its choices unchanged and the vault it was read with (or an empty one) is the one apply uses; otherwise it
 * reads the org again. Counted with the API client's own request count, against the lag-free demo sandbox.
 */
class ApplyPlanReuseTest {
    @TempDir
    Path dir;

    private final Executor sameThread = UiExecutors.sameThread();
    private Session session;
    private SignInViewModel signIn;
    private PlanViewModel plan;
    private ApplyViewModel apply;
    private VaultLocker locker;

    @BeforeAll
    static void toolkit() {
        FxRun.toolkit();
    }

    @BeforeEach
    void wire() {
        FxRun.fx(() -> {
            session = new Session(dir);
            SecretClipboard clipboard = new SecretClipboard(new ViewModelFlowTest.TextPort(), Duration.ofSeconds(30),
                    (period, task) -> () -> { });
            locker = new VaultLocker(session, clipboard, sameThread, Duration.ofMinutes(5));
            SetupService setup = new SetupService(BlueprintNeeds.standard(), dir, Duration.ofSeconds(30));
            ConnectViewModel connect = ConnectViewModel.standard(text -> { });
            connect.selectSandbox();
            signIn = new SignInViewModel(connect, session, new SignInService(UiTestSupport.FAST_SANDBOX), sameThread,
                    uri -> { });
            plan = new PlanViewModel(session, setup, sameThread, locker::activity);
            apply = new ApplyViewModel(session, setup, plan, sameThread, locker, o -> { });
            signIn.signIn();
        });
        assertNotNull(session.connection());
    }

    @AfterEach
    void close() {
        FxRun.fx(() -> signIn.signOut());
        locker.close();
    }

    private OrgApi.CallCount calls() {
        return session.connection().api().calls();
    }

    private void openNewVault() {
        VaultDialogViewModel vault = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    session.vaultFile());
            v.look();
            return v;
        });
        FxRun.fx(() -> {
            vault.passwordProperty().set(UiTestSupport.PASSWORD);
            vault.repeatProperty().set(UiTestSupport.PASSWORD);
            vault.submit();
        });
        assertNotNull(session.vault());
    }

    @Test
    void aFreshCheckWithoutTheVaultIsAppliedAsItIsOnceANewVaultIsCreated() {
        FxRun.fx(() -> plan.checkOrg());
        var checked = plan.planProperty().get();
        assertNotNull(checked);
        openNewVault();
        OrgApi.CallCount before = calls();
        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.CONFIRM, apply.phaseProperty().get(), apply.headlineProperty()::get);
        assertEquals(0, calls().minus(before).total(), "Apply read nothing before asking");
        assertSame(checked, plan.planProperty().get());

        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get(), apply.headlineProperty()::get);
        // Read again at once after the apply: no tab shows the pre-apply plan.
        assertNotSame(checked, plan.planProperty().get());
        assertTrue(plan.planProperty().get().toApply().isEmpty(), "everything in place after the apply");
    }

    @Test
    void aChangedChoiceOrAVaultThatHoldsThisOrgMakesApplyReadTheOrgAgain() {
        openNewVault();
        FxRun.fx(() -> plan.checkOrg());
        FxRun.fx(() -> plan.withWfmProperty().set(true));
        OrgApi.CallCount before = calls();
        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.CONFIRM, apply.phaseProperty().get(), apply.headlineProperty()::get);
        assertTrue(calls().minus(before).reads() > 0, "a changed choice: the org is read again");
        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get(), apply.headlineProperty()::get);

        // Lock the vault, check without it, open it again: it holds this org's journal and secrets, so the plan read
        // without it is not what apply would act on.
        FxRun.fx(() -> locker.lockNow());
        FxRun.fx(() -> plan.checkOrg());
        VaultDialogViewModel again = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    session.vaultFile());
            v.look();
            return v;
        });
        FxRun.fx(() -> {
            again.passwordProperty().set(UiTestSupport.PASSWORD);
            again.submit();
        });
        assertNotNull(session.vault(), () -> String.valueOf(again.problemProperty().get()));
        OrgApi.CallCount before2 = calls();
        FxRun.fx(() -> apply.start());
        assertTrue(calls().minus(before2).reads() > 0, "a vault holding this org: the org is read again");
        assertEquals(ApplyPhase.IN_PLACE, apply.phaseProperty().get(), apply.headlineProperty()::get);
    }
}
