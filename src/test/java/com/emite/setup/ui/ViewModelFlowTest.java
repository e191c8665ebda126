package com.emite.setup.ui;

import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.ui.apply.ApplyPhase;
import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.SignInViewModel;
import com.emite.setup.ui.form.ClientRow;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.plan.Badge;
import com.emite.setup.ui.plan.PlanRow;
import com.emite.setup.ui.plan.PlanViewModel;
import com.emite.setup.ui.session.Session;
import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.ui.vault.VaultDialogViewModel;
import com.emite.setup.ui.vault.VaultLocker;
import com.emite.setup.vault.ClipboardPort;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.SecretClipboard;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view models wired as the window wires them, with the same-thread executor (JabRef's way): every task's work runs
 * inside the call, and its handlers on the next FX pulse (each step below waits for it), so each step is
 * deterministic. Against the real sandbox over HTTP.
 */
class ViewModelFlowTest {
    @TempDir
    Path dir;

    private final Executor sameThread = UiExecutors.sameThread();
    private final TextPort clipboardPort = new TextPort();
    private Session session;
    private ConnectViewModel connect;
    private SignInViewModel signIn;
    private PlanViewModel plan;
    private ApplyViewModel apply;
    private FormViewModel form;
    private SecretClipboard clipboard;
    private VaultLocker locker;

    @BeforeAll
    static void toolkit() {
        FxRun.toolkit();
    }

    @BeforeEach
    void wire() {
        FxRun.fx(() -> {
            session = new Session(dir);
            clipboard = new SecretClipboard(clipboardPort, Duration.ofSeconds(30), (period, task) -> () -> { });
            locker = new VaultLocker(session, clipboard, sameThread, Duration.ofMinutes(5));
            SetupService setup = new SetupService(BlueprintNeeds.standard(), dir, Duration.ofSeconds(30));
            connect = ConnectViewModel.standard(text -> { });
            connect.selectSandbox();
            signIn = new SignInViewModel(connect, session, new SignInService(UiTestSupport.FAST_SANDBOX),
                    sameThread, uri -> { });
            plan = new PlanViewModel(session, setup, sameThread, locker::activity);
            form = new FormViewModel(session, setup, sameThread, clipboard);
            apply = new ApplyViewModel(session, setup, plan, sameThread, locker,
                    o -> form.show(o.handover(), o.newSecrets()));
        });
    }

    @AfterEach
    void close() {
        FxRun.fx(() -> signIn.signOut());
        locker.close();
    }

    private void signInCheckAndOpenVault() {
        FxRun.fx(() -> {
            assertTrue(signIn.canSignInProperty().get());
            signIn.signIn();
        });
        assertNotNull(session.connection());
        assertEquals(session.connection().org().shortName(), connect.shortNameProperty().get());
        assertTrue(connect.targetLockedProperty().get());
        FxRun.fx(() -> plan.checkOrg());
        assertNotNull(plan.planProperty().get(), () -> String.valueOf(plan.problemProperty().get()));

        VaultDialogViewModel vault = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    session.vaultFile());
            v.look();
            return v;
        });
        assertEquals(VaultDialogViewModel.Mode.CREATE, vault.modeProperty().get());
        FxRun.fx(() -> {
            vault.passwordProperty().set("correct horse battery staple");
            vault.repeatProperty().set("correct horse battery");
        });
        assertTrue(!vault.canSubmitProperty().get(), "the two passwords differ");
        FxRun.fx(() -> vault.repeatProperty().set("correct horse battery staple"));
        assertTrue(vault.canSubmitProperty().get());
        FxRun.fx(() -> vault.submit());
        assertNotNull(session.vault());
        assertEquals(dir.resolve(Session.SANDBOX_VAULT), session.vault().file());
    }

    @Test
    void signInCheckApplyAndApplyAgain() {
        signInCheckAndOpenVault();
        List<PlanRow> groups = plan.sections().stream().flatMap(s -> s.rows().stream())
                .filter(r -> r.key().startsWith("GROUP:")).toList();
        assertEquals(3, groups.size());
        assertTrue(groups.stream().allMatch(r -> r.badge() == Badge.MISSING));
        assertEquals(41, plan.permissions().size());
        String label = plan.applyLabelProperty().get();

        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.CONFIRM, apply.phaseProperty().get());
        assertEquals(label, apply.confirmLabelProperty().get());
        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get(), apply.headlineProperty()::get);
        assertEquals(1.0, apply.progressProperty().get(), 1e-9);
        assertTrue(apply.finished().size() >= 10);
        assertFalse(plan.staleProperty().get(), "the plan was read again at once after apply");
        assertEquals("Everything eMite needs is in place.", plan.summaryProperty().get());

        assertEquals(3, form.clients().size());
        for (ClientRow r : form.clients()) {
            assertNotNull(r.clientId(), r.name());
            assertNotNull(r.secretProperty().get(), r.name());
        }
        assertEquals(3, form.newSecrets().size(), "shown once");
        assertTrue(form.keptProperty().get().contains("forms"), "kept with the change records");

        FxRun.fx(() -> form.copySecret(form.clients().get(1)));
        assertEquals(form.clients().get(1).secretProperty().get().reveal(), clipboardPort.text);
        assertEquals("Clipboard clears in 30 s", form.countdownProperty().get());

        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.IN_PLACE, apply.phaseProperty().get());
        assertEquals("Everything is in place: nothing to change.", apply.headlineProperty().get());
        // Everything present; the only notes left are the groups nobody was put in (not a blocker of apply).
        assertTrue(plan.sections().stream().flatMap(s -> s.rows().stream())
                .allMatch(r -> r.badge() == Badge.PRESENT || r.key().startsWith("GROUP_MEMBERS:")),
                () -> "a fresh check shows everything present: " + plan.sections());
    }

    @Test
    void cancelAfterTwoStepsThenContinue() {
        signInCheckAndOpenVault();
        FxRun.fx(() -> apply.start());
        int all = apply.toApplyProperty().get();
        ListChangeListener<Object> cancelAfterTwo = new ListChangeListener<>() {
            @Override
            public void onChanged(Change<?> c) {
                if (apply.finished().size() == 2) {
                    apply.finished().removeListener(this);
                    apply.cancel();
                }
            }
        };
        apply.finished().addListener(cancelAfterTwo);
        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.CANCELLED, apply.phaseProperty().get());
        assertEquals(2, apply.finished().size(), "stopped after the step in flight");

        // "Continue applying" was confirmed once already: it checks again and goes on without asking.
        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get());
        assertEquals(all - 2, apply.toApplyProperty().get(), "the rest of the plan");

        SandboxInspector org = session.connection().sandbox().orElseThrow().inspect();
        for (String g : List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator")) {
            assertEquals(1, org.groupIdsNamed(g).size(), g);
        }
        assertEquals(3, form.clients().stream().filter(r -> r.secretProperty().get() != null).count());
    }

    @Test
    void lockingTheVaultDropsTheSecretsAndClearsTheClipboard() {
        signInCheckAndOpenVault();
        FxRun.fx(() -> apply.start());
        FxRun.fx(() -> apply.confirm());
        FxRun.fx(() -> form.copySecret(form.clients().get(0)));
        assertNotNull(clipboardPort.text);
        FxRun.fx(() -> locker.lockNow());
        assertNull(session.vault());
        assertNull(clipboardPort.text, "cleared on lock");
        assertTrue(form.clients().stream().allMatch(r -> r.secretProperty().get() == null));
        assertEquals("(open the vault to see it)", form.clients().get(0).secretTextProperty().get());

        // Opening it again brings the secrets back.
        VaultDialogViewModel again = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    session.vaultFile());
            v.look();
            return v;
        });
        FxRun.fx(() -> {
            again.passwordProperty().set("wrong password!");
            again.submit();
        });
        assertEquals("VAULT-04", again.problemProperty().get().code());
        assertNull(session.vault());
        FxRun.fx(() -> {
            again.passwordProperty().set("correct horse battery staple");
            again.submit();
        });
        assertNotNull(session.vault());
        assertTrue(form.clients().stream().allMatch(r -> r.secretProperty().get() != null));
    }

    @Test
    void aSecondDemoStartsFromAFreshOrgWithTheSameVault() {
        signInCheckAndOpenVault();
        FxRun.fx(() -> apply.start());
        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get());
        String firstOrg = session.connection().org().id();

        // Sign out (the vault closes, the sandbox stops), then a new demo: same seed, same org id, empty org.
        FxRun.fx(() -> signIn.signOut());
        assertNull(session.connection());
        assertNull(session.vault());
        FxRun.fx(() -> signIn.signIn());
        assertEquals(firstOrg, session.connection().org().id());
        VaultDialogViewModel open = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    session.vaultFile());
            v.look();
            return v;
        });
        assertEquals(VaultDialogViewModel.Mode.UNLOCK, open.modeProperty().get());
        FxRun.fx(() -> {
            open.passwordProperty().set("correct horse battery staple");
            open.submit();
        });
        assertNotNull(session.vault());
        FxRun.fx(() -> plan.checkOrg());
        FxRun.fx(() -> apply.start());
        assertEquals(ApplyPhase.CONFIRM, apply.phaseProperty().get(), apply.headlineProperty()::get);
        assertTrue(plan.sections().stream().flatMap(x -> x.rows().stream())
                .noneMatch(r -> r.badge() == Badge.SECRET_UNKNOWN), "the old demo's record was dropped");
        FxRun.fx(() -> apply.confirm());
        assertEquals(ApplyPhase.FINISHED, apply.phaseProperty().get(), apply.headlineProperty()::get);
        assertEquals(3, form.clients().stream().filter(r -> r.secretProperty().get() != null).count());
    }

    /** The clipboard as text only. */
    static final class TextPort implements ClipboardPort {
        volatile String text;

        @Override
        public void putText(String value, List<Hint> hints) {
            text = value;
        }

        @Override
        public String getText() {
            return text;
        }

        @Override
        public void clear() {
            text = null;
        }
    }
}
