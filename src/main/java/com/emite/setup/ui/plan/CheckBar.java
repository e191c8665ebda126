package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.TextClipboard;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.startup.LazyNode;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The bar above every tab: "Check my org" with Cancel, what the check is doing, and the plan's one-line summary.
 * Every line keeps its space, so nothing in the tabs moves when a check starts, reports or ends.
 */
public final class CheckBar extends VBox {
    public CheckBar(PlanViewModel model, TextClipboard clipboard) {
        setId("checkBar");
        getStyleClass().add("check-bar");
        setSpacing(4);

        Button check = new Button(Words.get("check.button"));
        check.setId("checkOrgButton");
        check.setMnemonicParsing(true);
        check.disableProperty().bind(model.canCheckProperty().not());
        check.setOnAction(e -> model.checkOrg());
        Button cancel = new Button(Words.get("check.cancel"));
        cancel.setId("cancelCheckButton");
        // Always there, enabled only while a check runs: the button never appears under the mouse.
        cancel.disableProperty().bind(model.checkingProperty().not());
        cancel.setOnAction(e -> model.cancelCheck());
        Node spinner = spinnerSlot(model);
        Label progress = Ui.reserved("planProgress", model.progressTextProperty(), "message");
        progress.setWrapText(false);
        Label reason = Ui.reserved("checkOrgButtonReason", model.checkReasonProperty(), "message", "reason");
        reason.setWrapText(false);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(8, check, cancel, spinner, progress, reason);
        row.setAlignment(Pos.CENTER_LEFT);

        Label summary = Ui.reserved("planSummary", Bindings.createStringBinding(() -> model.summaryProperty().get()
                + (model.staleProperty().get() ? "  " + Words.get("plan.stale") : ""),
                model.summaryProperty(), model.staleProperty()), "summary");
        summary.setWrapText(false);
        summary.setMaxWidth(Double.MAX_VALUE);
        summary.setMinHeight(22);
        Label stale = new Label();
        stale.setId("planStale");
        stale.visibleProperty().bind(model.staleProperty());
        stale.setManaged(false);
        // Built the first time there is a problem to show (LazyNode: hidden, it would still be styled for the first
        // window); it takes room only while it shows, as before.
        Node error = LazyNode.when(model.problemProperty().isNotNull(),
                () -> new ErrorPanel("planError", model.problemProperty(), clipboard));
        getChildren().addAll(row, summary, stale, error);
    }

    /**
     * The spinner shown while a check runs, made the first time one does: an indeterminate spinner is an animated
     * control of 15 nodes that the first window would otherwise style and skin while it is hidden. Its 16 px slot is
     * always there, so nothing in the row moves when it appears.
     */
    private static Node spinnerSlot(PlanViewModel model) {
        StackPane slot = new StackPane();
        slot.setMinSize(16, 16);
        slot.setPrefSize(16, 16);
        slot.setMaxSize(16, 16);
        LazyNode.onFirst(model.checkingProperty(), () -> {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(16, 16);
            spinner.setMinSize(16, 16);
            spinner.visibleProperty().bind(model.checkingProperty());
            slot.getChildren().add(spinner);
        });
        return slot;
    }
}
