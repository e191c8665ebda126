package com.emite.setup.ui.common;

import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;

import javafx.animation.PauseTransition;
import javafx.beans.property.ObjectProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Shows a {@link Problem}: the plain message, the error code, and "Copy details" (which turns into "Copied" for a
 * moment). No stack trace ever reaches the screen. Hidden while the problem is null; "Dismiss" sets it to null.
 */
public final class ErrorPanel extends VBox {
    private final Label message = new Label();
    private final Label code = new Label();

    public ErrorPanel(String id, ObjectProperty<Problem> problem, TextClipboard clipboard) {
        setId(id);
        getStyleClass().add("error-panel");
        setSpacing(6);
        message.setWrapText(true);
        message.getStyleClass().add("error-message");
        message.setId(id + "Message");
        code.getStyleClass().add("error-code");
        code.setId(id + "Code");

        Button copy = new Button(Words.get("error.copyDetails"));
        copy.setId(id + "CopyDetails");
        PauseTransition copied = new PauseTransition(Duration.seconds(2));
        copied.setOnFinished(e -> copy.setText(Words.get("error.copyDetails")));
        copy.setOnAction(e -> {
            Problem p = problem.get();
            if (p != null) {
                clipboard.put(p.report());
                copy.setText(Words.get("copied"));
                copied.playFromStart();
            }
        });
        Button dismiss = new Button(Words.get("error.dismiss"));
        dismiss.setId(id + "Dismiss");
        dismiss.setOnAction(e -> problem.set(null));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, code, gap, copy, dismiss);
        row.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(message, row);

        show(problem.get());
        problem.addListener((obs, old, now) -> show(now));
    }

    private void show(Problem p) {
        boolean on = p != null;
        setVisible(on);
        setManaged(on);
        message.setText(on ? p.message() : "");
        code.setText(on ? Words.get("error.code", p.code()) : "");
    }
}
