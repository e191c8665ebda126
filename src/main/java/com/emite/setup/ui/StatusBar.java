package com.emite.setup.ui;

import com.emite.setup.app.Connection;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import com.emite.setup.ui.vault.VaultLocker;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.function.Consumer;

/**
 * The line at the bottom of the window: which org is signed in, and whether the vault is open (with "Lock vault").
 * A plain row, not ControlsFX's {@code StatusBar}: that one also builds a hidden progress bar and loads a style sheet
 * of its own, both styled before the first window for nothing (docs/BENCHMARKS.md, "Fifth round").
 */
final class StatusBar extends HBox {
    StatusBar(Session session, VaultLocker locker, Consumer<Runnable> beforeLock) {
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setMinHeight(30);
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
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        getChildren().addAll(org, gap, vault, lock);
    }
}
