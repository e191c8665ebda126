package com.emite.setup.ui.form;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * "Save these now" (after Cryptomator's recovery-key screen): each secret an apply just got, with Reveal and a Copy
 * button that turns into "Copied", and a confirmation that they were saved. The secrets stay in the vault either way.
 */
public final class NewSecretsPanel extends VBox {
    private final VBox rows = new VBox(6);

    public NewSecretsPanel(FormViewModel model) {
        setId("newSecretsPanel");
        getStyleClass().add("secret-panel");
        setSpacing(8);
        Label title = new Label(Words.get("newSecrets.title"));
        title.getStyleClass().add("section-title");
        Label text = new Label(Words.get("newSecrets.text"));
        text.setWrapText(true);
        CheckBox saved = new CheckBox(Words.get("newSecrets.saved"));
        saved.setId("savedSecretsCheck");
        saved.selectedProperty().bindBidirectional(model.savedConfirmedProperty());
        Button done = new Button(Words.get("newSecrets.done"));
        done.setId("newSecretsDoneButton");
        done.getStyleClass().add("accent");
        done.disableProperty().bind(model.savedConfirmedProperty().not());
        done.setOnAction(e -> {
            // The panel goes away: keep the keyboard focus on the page rather than on the next field.
            if (getParent() != null) {
                getParent().requestFocus();
            }
            model.confirmSaved();
        });
        HBox bottom = new HBox(12, saved, done);
        bottom.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, text, rows, bottom);
        model.newSecrets().addListener((ListChangeListener<ClientRow>) c -> fill(model));
        fill(model);
        visibleProperty().bind(model.newSecretsPendingProperty());
        managedProperty().bind(model.newSecretsPendingProperty());
    }

    private void fill(FormViewModel model) {
        rows.getChildren().clear();
        for (ClientRow r : model.newSecrets()) {
            Label name = new Label(r.name());
            name.getStyleClass().add("row-title");
            name.setMinWidth(160);
            TextField value = Ui.readOnlyField("newSecret-" + r.name());
            value.textProperty().bind(r.secretTextProperty());
            HBox.setHgrow(value, Priority.ALWAYS);
            ToggleButton reveal = new ToggleButton(Words.get("reveal"));
            reveal.setId("newReveal-" + r.name());
            reveal.selectedProperty().bindBidirectional(r.revealedProperty());
            reveal.textProperty().bind(javafx.beans.binding.Bindings.when(reveal.selectedProperty())
                    .then(Words.get("hide")).otherwise(Words.get("reveal")));
            Button copy = new Button(Words.get("copy"));
            copy.setId("newCopy-" + r.name());
            copy.setMinWidth(80);
            copy.disableProperty().bind(r.secretProperty().isNull());
            PauseTransition back = new PauseTransition(Duration.seconds(2));
            back.setOnFinished(e -> copy.setText(Words.get("copy")));
            copy.setOnAction(e -> {
                model.copySecret(r);
                copy.setText(Words.get("copied"));
                back.playFromStart();
            });
            HBox row = new HBox(8, name, value, reveal, copy);
            row.setAlignment(Pos.CENTER_LEFT);
            rows.getChildren().add(row);
        }
    }
}
