package com.emite.setup.ui.clients;

import com.emite.setup.ui.common.CopyButton;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.ClientRow;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One card per OAuth client: name, what eMite uses it for, client id with Copy, the secret masked with Reveal and
 * Copy (the 30 s clipboard countdown shows on the tab). Cards appear once the org has been checked.
 */
public final class ClientCards extends FlowPane {
    private final FormViewModel model;
    private final FormView.Actions actions;

    public ClientCards(FormViewModel model, FormView.Actions actions) {
        super(14, 14);
        this.model = model;
        this.actions = actions;
        setId("clientCards");
        model.clients().addListener((ListChangeListener<ClientRow>) c -> fill());
        fill();
    }

    private void fill() {
        getChildren().clear();
        if (model.clients().isEmpty()) {
            getChildren().add(Ui.hint(Words.get("clients.noneYet")));
            return;
        }
        for (ClientRow r : model.clients()) {
            getChildren().add(card(r));
        }
    }

    private VBox card(ClientRow r) {
        String n = r.name();
        Label name = Ui.label(null, n, "row-title");
        Label purpose = Ui.hint(r.purpose());
        TextField id = readOnly("cardClientId-" + n, r.clientId() == null ? Words.get("clients.notCreated")
                : r.clientId());
        id.setAccessibleText(Words.get("clients.idOf", n));
        CopyButton copyId = new CopyButton("cardCopyClientId-" + n, () -> model.copyText(r.clientId()));
        copyId.setDisable(r.clientId() == null);
        HBox idRow = new HBox(6, id, copyId);
        HBox.setHgrow(id, Priority.ALWAYS);

        TextField secret = readOnly("cardSecret-" + n, "");
        secret.textProperty().bind(r.secretTextProperty());
        secret.setAccessibleText(Words.get("clients.secretOf", n));
        ToggleButton reveal = new ToggleButton();
        reveal.setId("cardReveal-" + n);
        reveal.setMinWidth(72);
        reveal.textProperty().bind(Bindings.when(r.revealedProperty()).then(Words.get("hide"))
                .otherwise(Words.get("reveal")));
        reveal.setSelected(r.revealedProperty().get());
        reveal.setDisable(r.clientId() == null);
        reveal.setOnAction(e -> {
            boolean on = reveal.isSelected();
            if (on && r.secretProperty().get() == null && !model.vaultOpenProperty().get()) {
                reveal.setSelected(false);
                actions.withVault(() -> r.revealedProperty().set(true));
            } else {
                r.revealedProperty().set(on);
            }
        });
        r.revealedProperty().addListener((obs, old, now) -> reveal.setSelected(now));
        Button copySecret = new CopyButton("cardCopySecret-" + n, () -> model.copySecret(r));
        copySecret.disableProperty().bind(r.secretProperty().isNull());
        HBox secretRow = new HBox(6, secret, reveal, copySecret);
        secretRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(secret, Priority.ALWAYS);

        VBox card = new VBox(6, name, purpose, Ui.label(null, Words.get("clients.id"), "field-label"), idRow,
                Ui.label(null, Words.get("clients.secret"), "field-label"), secretRow);
        card.setId("clientCard-" + n);
        card.getStyleClass().add("card");
        card.setPrefWidth(440);
        card.setMinWidth(300);
        return card;
    }

    private static TextField readOnly(String id, String value) {
        TextField f = new TextField(value);
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("read-only-field");
        return f;
    }
}
