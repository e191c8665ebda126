package com.emite.setup.ui;

import com.emite.setup.OutOfMemory;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Shows {@link OutOfMemory#message()} in a dialog before the app stops, so that an admin who started the app by
 * double-clicking (and sees no console) learns what happened and what to do.
 */
final class OutOfMemoryDialog {
    private OutOfMemoryDialog() {
    }

    static void install() {
        OutOfMemory.onOutOfMemory(OutOfMemoryDialog::show);
    }

    private static void show(String message) {
        if (Platform.isFxApplicationThread()) {
            alert(message);
            return;
        }
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                try {
                    alert(message);
                } finally {
                    closed.countDown();
                }
            });
            closed.await(10, TimeUnit.MINUTES);
        } catch (InterruptedException | IllegalStateException e) {
            // No toolkit (or it is stopping): the printed message stands.
        }
    }

    private static void alert(String message) {
        Alert alert = new Alert(Alert.AlertType.ERROR, message, ButtonType.CLOSE);
        alert.setTitle(EmiteSetupApp.TITLE);
        alert.setHeaderText("eMite Setup ran out of memory and has to close");
        alert.showAndWait();
    }
}
