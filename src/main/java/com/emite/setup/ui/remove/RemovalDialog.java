package com.emite.setup.ui.remove;

import com.emite.setup.provision.Removal;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The "Remove eMite from this org" window, a thin view over {@link RemovalModel}: the plan as one line per object
 * (remove or keep, and what that means; "eMite STOPS WORKING" in red), the confirmation by typing the org's short
 * name with the reason next to the disabled Remove, progress with Cancel, then the report. The buttons stay where
 * they are from start to end; messages have reserved space.
 */
public final class RemovalDialog {
    private final RemovalModel model;
    private final Stage stage = new Stage();

    public RemovalDialog(RemovalModel model, Window owner, List<String> stylesheets) {
        this.model = model;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Words.get("remove.windowTitle"));
        Scene scene = new Scene(build(), 760, 560);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
        // Closing during a removal cancels after the removal in flight, as Cancel does; it never cuts a request.
        stage.setOnCloseRequest(e -> {
            if (model.phaseProperty().get() == RemovalModel.Phase.REMOVING) {
                e.consume();
                model.cancel();
            }
        });
    }

    public void show() {
        stage.show();
        model.readPlan();
    }

    public Stage stage() {
        return stage;
    }

    private VBox build() {
        Label headline = Ui.reserved("removeHeadline", model.headlineProperty(), "section-title");
        VBox rows = new VBox(6);
        rows.setId("removeRows");
        Runnable fill = () -> {
            rows.getChildren().clear();
            Removal.Result r = model.resultProperty().get();
            Removal.Plan p = model.planProperty().get();
            if (r != null) {
                r.outcomes().forEach(o -> rows.getChildren().add(outcomeRow(o)));
            } else if (p != null) {
                p.items().forEach(i -> rows.getChildren().add(planRow(i)));
            }
        };
        model.planProperty().addListener((obs, old, p) -> fill.run());
        model.resultProperty().addListener((obs, old, r) -> fill.run());
        ScrollPane list = new ScrollPane(rows);
        list.setFitToWidth(true);
        VBox.setVgrow(list, Priority.ALWAYS);

        CheckBox existing = new CheckBox(Words.get("remove.includeExisting"));
        existing.setId("removeIncludeExisting");
        existing.selectedProperty().bindBidirectional(model.includeExistingProperty());
        BooleanBinding planned = model.phaseProperty().isEqualTo(RemovalModel.Phase.PLANNED);
        existing.disableProperty().bind(planned.not());

        TextField typed = new TextField();
        typed.setId("removeConfirmName");
        typed.textProperty().bindBidirectional(model.typedProperty());
        typed.disableProperty().bind(planned.not());
        Label typeLabel = Ui.label(null, "", "message");
        typeLabel.textProperty().bind(Bindings.createStringBinding(() -> model.planProperty().get() == null ? ""
                : Words.get("remove.typeName", model.planProperty().get().org().shortName()),
                model.planProperty()));
        typeLabel.setLabelFor(typed);

        Button remove = new Button(Words.get("remove.button"));
        remove.setId("removeButton");
        remove.getStyleClass().add("danger");
        remove.disableProperty().bind(model.canRemove().isNotEmpty());
        remove.setOnAction(e -> model.remove());
        HBox removeRow = Ui.withReason(remove, model.canRemove());

        ProgressBar bar = new ProgressBar();
        bar.setId("removeProgress");
        bar.visibleProperty().bind(model.phaseProperty().isEqualTo(RemovalModel.Phase.REMOVING)
                .or(model.phaseProperty().isEqualTo(RemovalModel.Phase.READING)));
        Label progress = Ui.reserved("removeProgressText", model.progressProperty(), "message");
        Label problem = Ui.reserved("removeProblem", model.problemProperty(), "message", "error");
        Button cancel = new Button(Words.get("remove.cancel"));
        cancel.setId("removeCancelButton");
        cancel.disableProperty().bind(model.phaseProperty().isEqualTo(RemovalModel.Phase.PLANNED)
                .or(model.phaseProperty().isEqualTo(RemovalModel.Phase.DONE)));
        Button close = new Button(Words.get("remove.close"));
        close.setId("removeCloseButton");
        close.disableProperty().bind(model.phaseProperty().isEqualTo(RemovalModel.Phase.REMOVING));
        close.setOnAction(e -> stage.close());
        cancel.setOnAction(e -> model.cancel());
        HBox progressRow = new HBox(10, bar, cancel, close);
        progressRow.setAlignment(Pos.CENTER_LEFT);

        VBox root = new VBox(10, headline, list, existing, typeLabel, typed, removeRow, progressRow, progress,
                problem);
        root.setPadding(new Insets(16));
        root.setId("removeDialog");
        return root;
    }

    private static HBox planRow(Removal.Item i) {
        Label what = Ui.label(null, Words.get(i.remove() ? "remove.row.remove" : "remove.row.keep"), "badge");
        what.setMinWidth(70);
        Label name = Ui.label(null, Words.get("remove.kind." + i.kind().name()) + " " + i.name(), "summary");
        name.setMinWidth(260);
        Label consequence = Ui.label(null, consequence(i), "message");
        // The engine decides what stops eMite (the command line colours the same lines red).
        if (i.remove() && i.consequence().startsWith("eMite STOPS WORKING")) {
            consequence.getStyleClass().add("error");
            consequence.getStyleClass().add("stops-emite");
        }
        HBox row = new HBox(10, what, name, consequence);
        row.getStyleClass().add("remove-row");
        row.setUserData(i);
        return row;
    }

    private static String consequence(Removal.Item i) {
        if (!i.remove()) {
            return Words.get(i.createdHere() ? "remove.why.kept" : "remove.why.before");
        }
        if (i.consequence().startsWith("eMite STOPS WORKING")) {
            return Words.get("emite_SSO".equals(i.name()) ? "remove.stops.sso" : "remove.stops.data");
        }
        return switch (i.kind()) {
            case OAUTH_CLIENT -> Words.get("remove.what.otherClient");
            case CLIENT_APP -> Words.get("remove.what.app");
            case LICENCE_ROLE, ROLE -> i.grants() == 0 ? Words.get("remove.what.noHolders")
                    : Words.get("remove.what.holders", i.holders(), i.grants());
            case GROUP -> Words.get("remove.what.group");
            default -> "";
        };
    }

    private static HBox outcomeRow(Removal.Outcome o) {
        Label what = Ui.label(null, Words.get(o.done() ? "remove.row.removed" : "remove.row.failed"), "badge");
        what.setMinWidth(70);
        Label name = Ui.label(null, Words.get("remove.kind." + o.item().kind().name()) + " " + o.item().name(),
                "summary");
        name.setMinWidth(260);
        Label detail = Ui.label(null, o.done() ? Words.get("remove.row.removedDetail") : o.message(),
                o.done() ? "message" : "error");
        HBox row = new HBox(10, what, name, detail);
        row.getStyleClass().add("remove-outcome");
        row.setUserData(o);
        return row;
    }

}
