package com.emite.setup.ui.vault;

import com.emite.setup.ui.FxRun;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.PasswordStrength;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The create dialog's strength bar and its gate follow the vault's own policy. */
class VaultDialogViewModelTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void fx() {
        FxRun.toolkit();
    }

    @Test
    void theBarAndTheCreateButtonFollowThePolicy() {
        Executor sameThread = Runnable::run;
        Session session = new Session(dir);
        Path file = dir.resolve("v" + Vault.EXTENSION);
        VaultDialogViewModel vault = FxRun.fx(() -> {
            VaultDialogViewModel v = new VaultDialogViewModel(session, sameThread, KdfParams.argon2id(1024, 1, 1),
                    file);
            v.look();
            return v;
        });
        assertEquals(VaultDialogViewModel.Mode.CREATE, vault.modeProperty().get());
        String[][] cases = {{"a", "TOO_SHORT"}, {"1", "TOO_SHORT"}, {" ", "TOO_SHORT"}, {"password", "TOO_SHORT"},
                {"password12", "WEAK"}, {"qwertyuiop", "WEAK"}, {"correct horse battery staple", "FAIR"},
                {"maple orbit kettle sandal", "STRONG"}};
        double lastFill = -1;
        for (String[] c : cases) {
            FxRun.fx(() -> {
                vault.passwordProperty().set(c[0]);
                vault.repeatProperty().set(c[0]);
            });
            PasswordStrength s = vault.strengthProperty().get();
            assertEquals(c[1], s.name(), c[0]);
            assertEquals(s.acceptable(), vault.canSubmitProperty().get(), c[0]);
            assertFalse(s.hint().isEmpty());
            assertTrue(s.fill() >= lastFill, "the bar never shrinks as the examples get stronger");
            lastFill = s.fill();
        }
        FxRun.fx(() -> {
            vault.submit();
            return null;
        });
        assertNotNull(session.vault());
        assertTrue(Files.exists(file));
    }
}
