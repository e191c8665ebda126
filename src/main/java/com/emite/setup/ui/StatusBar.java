package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultLocker;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;

import java.util.function.Consumer;

/**
 * The line at the bottom of the window (ControlsFX {@code StatusBar}): which org is signed in, and whether the vault
 * is open (with "Lock vault").
 */
final class StatusBar extends org.controlsfx.control.StatusBar {
    StatusBar(Session session, VaultLocker locker, Consumer<Runnable> beforeLock) {
        getStyleClass().add("status-bar");
        Label org = new Label();
        org.setId("connectionStatus");
        org.textProperty().bind(Bindings.createStringBinding(() -> {
            Connection c = session.connection();
            if (c == null) {
                return Words.get("status.notSignedIn");
            }
            return Words.get("status.signedIn", c.org().name(), c.org().shortName(),
                    c.isSandbox() ? Words.get("status.sandbox") : c.environment().name());
        }, session.connectionProperty()));
        setText("");
        getLeftItems().add(org);
        Label vault = new Label();
        vault.setId("vaultStatus");
        vault.textProperty().bind(Bindings.createStringBinding(() -> {
            if (session.vault() != null) {
                return Words.get("status.vaultOpen", session.vault().file().getFileName());
            }
            String notice = locker.noticeProperty().get();
            return notice.isEmpty() ? Words.get("status.vaultClosed") : notice;
        }, session.vaultProperty(), locker.noticeProperty()));
        Button lock = new Button(Words.get("status.lock"));
        lock.setId("lockVaultButton");
        lock.setOnAction(e -> beforeLock.accept(locker::lockNow));
        lock.visibleProperty().bind(session.vaultOpen());
        getRightItems().addAll(vault, lock);
    }
}
