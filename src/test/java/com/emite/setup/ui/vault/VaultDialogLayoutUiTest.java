package com.emite.setup.ui.vault;

import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.EmiteSetupApp;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.Vault;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * "Create your vault": the strength hint appears with the first key typed; the field under it stays where it was (a
 * click aimed at "the same password again" landed in the first field when the hint pushed it down, seen on the real
 * window under Xvfb).
 */
@ExtendWith(ApplicationExtension.class)
class VaultDialogLayoutUiTest {
    private VaultDialog dialog;

    @Start
    void start(Stage ignored) throws Exception {
        Path dir = ScratchDirs.create("emite-vault-layout");
        VaultDialogViewModel model = new VaultDialogViewModel(new Session(dir), Runnable::run,
                KdfParams.argon2id(1024, 1, 1), dir.resolve("v" + Vault.EXTENSION));
        dialog = new VaultDialog(model, null, List.of(EmiteSetupApp.stylesheet()), text -> { });
        dialog.show(() -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> dialog.stage().close());
    }

    @Test
    void theRepeatFieldDoesNotMoveWhenTheStrengthHintAppears(FxRobot robot) {
        Node repeat = robot.lookup("#vaultPasswordRepeat").query();
        UiTestSupport.waitUntilLaidOutAndStill(repeat);
        double before = repeat.localToScene(repeat.getBoundsInLocal()).getMinY();
        for (String typed : new String[]{"c", "password12", "correct horse battery staple"}) {
            robot.interact(() -> ((javafx.scene.control.TextInputControl) robot.lookup("#vaultPassword").query())
                    .setText(typed));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> repeat.getScene().getRoot().layout());
            assertEquals(before, repeat.localToScene(repeat.getBoundsInLocal()).getMinY(), 0.5,
                    "the repeat field stayed put with \"" + typed + "\" typed ("
                            + robot.lookup("#vaultStrength").queryLabeled().getText() + ")");
        }
    }

    @Test
    void everyPasswordFieldHasALabel(FxRobot robot) {
        List<Node> fields = List.copyOf(robot.lookup(".password-field").queryAll());
        assertEquals(2, fields.size(), "the password and its repeat");
        for (Node f : fields) {
            boolean labelled = robot.lookup(".label").queryAll().stream().anyMatch(n ->
                    n instanceof javafx.scene.control.Label l && l.getLabelFor() == f && !l.getText().isBlank());
            org.junit.jupiter.api.Assertions.assertTrue(labelled, f.getId() + " has a label (a prompt goes at the "
                    + "first key)");
        }
    }
}
