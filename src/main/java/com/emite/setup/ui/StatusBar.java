package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultLocker;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The line at the bottom of the window: which org is signed in, and whether the vault is open (with "Lock vault"). */
final class StatusBar extends HBox {
    StatusBar(Session session, VaultLocker locker) {
        getStyleClass().add("status-bar");
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        Label org = new Label();
        org.setId("connectionStatus");
        org.textProperty().bind(Bindings.createStringBinding(() -> {
            Connection c = session.connection();
            if (c == null) {
                return "Not signed in";
            }
            return "Signed in to " + c.org().name() + " (" + c.org().shortName() + ")"
                    + (c.isSandbox() ? " · sandbox on this computer" : " · " + c.environment().name());
        }, session.connectionProperty()));
        Label vault = new Label();
        vault.setId("vaultStatus");
        vault.textProperty().bind(Bindings.createStringBinding(() -> {
            if (session.vault() != null) {
                return "Vault open: " + session.vault().file().getFileName();
            }
            String notice = locker.noticeProperty().get();
            return notice.isEmpty() ? "Vault closed" : notice;
        }, session.vaultProperty(), locker.noticeProperty()));
        Button lock = new Button("Lock vault");
        lock.setId("lockVaultButton");
        lock.setOnAction(e -> locker.lockNow());
        lock.visibleProperty().bind(session.vaultOpen());
        lock.managedProperty().bind(session.vaultOpen());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(org, gap, vault, lock);
    }
}
