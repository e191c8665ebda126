package com.emite.setup.ui;

import com.emite.setup.ui.apply.ApplyViewModel;
import com.emite.setup.ui.common.Words;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import java.util.function.Supplier;

/**
 * Closing the window, signing out or locking the vault while an apply runs: asks first; when the admin says yes, the
 * apply stops after the request in flight (the journal and every issued secret are saved as it goes), and only when
 * it has stopped does the action run. A write in flight is never cut.
 */
final class ApplyGuard {
    private final ApplyViewModel apply;
    private final Supplier<Window> owner;

    ApplyGuard(ApplyViewModel apply, Supplier<Window> owner) {
        this.apply = apply;
        this.owner = owner;
    }

    /** Runs {@code action} now when no apply runs; else asks, and runs it once the apply has stopped. */
    void whenIdle(String what, Runnable action) {
        if (!apply.busyProperty().get()) {
            action.run();
            return;
        }
        ButtonType stop = new ButtonType(Words.get("guard.stop." + what), ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType(Words.get("guard.keep"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Words.get("guard.text." + what), stop, keep);
        ask.setTitle(Words.get("guard.title"));
        ask.setHeaderText(Words.get("guard.header"));
        ask.initOwner(owner.get());
        ask.getDialogPane().lookupButton(stop).setId("guardStopButton");
        ask.getDialogPane().lookupButton(keep).setId("guardKeepButton");
        ask.getDialogPane().getStylesheets().add(EmiteSetupApp.stylesheet());
        ask.resultProperty().addListener((obs, old, answer) -> {
            if (answer == stop) {
                stopThen(action);
            }
        });
        ask.show();
    }

    private void stopThen(Runnable action) {
        if (!apply.busyProperty().get()) {
            action.run();
            return;
        }
        apply.cancelToLeave();
        apply.busyProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (!now) {
                    apply.busyProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }
}
