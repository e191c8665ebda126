package com.emite.setup.ui.diagnose;

import com.emite.setup.app.Connection;
import com.emite.setup.app.Diagnostics;
import com.emite.setup.diagnose.DiagnosisReport;
import com.emite.setup.ui.common.Tasks;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.session.Session;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextArea;
import javafx.stage.Window;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Help → Diagnose: the read-only look at how the signed-in org answers each API behaviour the app had to infer, in a
 * window the admin can copy from, and kept as JSON in the data folder to send to us. Runs in a background task.
 */
public final class DiagnoseItem {
    private DiagnoseItem() {
    }

    public static MenuItem create(Session session, Diagnostics diagnostics, Executor executor,
                                  Supplier<Window> owner) {
        MenuItem item = new MenuItem(Words.get("menu.diagnose"));
        item.setId("diagnoseMenu");
        item.setOnAction(e -> {
            Connection c = session.connection();
            if (c == null) {
                show(owner, Alert.AlertType.INFORMATION, Words.get("diagnose.title"), Words.get("diagnose.signIn"));
                return;
            }
            item.setDisable(true);
            Tasks.create(p -> diagnostics.run(c))
                    .onSuccess(r -> {
                        String text = String.join("\n", DiagnosisReport.lines(r.diagnosis()))
                                + (r.kept() != null ? "\n\n" + Words.get("diagnose.kept", r.kept()) : "")
                                + (r.keepProblem() != null ? "\n\n" + r.keepProblem() : "");
                        TextArea area = new TextArea(text);
                        area.setId("diagnoseText");
                        area.setEditable(false);
                        area.setWrapText(false);
                        area.setPrefSize(900, 480);
                        Alert a = alert(owner, Alert.AlertType.INFORMATION, Words.get("diagnose.title"),
                                Words.get(r.diagnosis().nothingDiffers() ? "diagnose.allWell" : "diagnose.differs"));
                        a.getDialogPane().setContent(area);
                        a.getDialogPane().setId("diagnoseDialog");
                        a.setResizable(true);
                        a.show();
                    })
                    .onProblem(p -> show(owner, Alert.AlertType.ERROR, Words.get("diagnose.title"),
                            p.message() + " [" + p.code() + "]"))
                    .andFinally(() -> item.setDisable(false))
                    .runOn(executor);
        });
        return item;
    }

    private static Alert alert(Supplier<Window> owner, Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text, ButtonType.CLOSE);
        a.setHeaderText(header);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
        }
        return a;
    }

    private static void show(Supplier<Window> owner, Alert.AlertType type, String header, String text) {
        alert(owner, type, header, text).show();
    }
}
