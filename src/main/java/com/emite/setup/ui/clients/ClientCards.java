package com.emite.setup.ui.clients;

import com.emite.setup.provision.SecretRotation;
import com.emite.setup.ui.common.CopyButton;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.ClientRow;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.form.RevealButton;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * One card per OAuth client: name, what eMite uses it for, client id with Copy, the secret masked with Reveal and
 * Copy (the 30 s clipboard countdown shows on the tab), how old the secret is, and Rotate secret (asks first).
 * Cards appear once the org has been checked.
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
        // The cards are built anew when the clients change (after an apply or a rotation), and the focused control
        // (the Rotate or Copy just pressed) goes with its old card. Left alone, the window hands the focus on to a
        // control further down and scrolls the page to it: everything moved under the mouse after a rotation
        // (444 px at 1280×800). The same control in the new card, or the card itself, keeps the focus instead.
        FocusedCard focused = FocusedCard.in(this);
        getChildren().clear();
        if (model.clients().isEmpty()) {
            getChildren().add(Ui.hint(Words.get("clients.noneYet")));
            return;
        }
        for (ClientRow r : model.clients()) {
            getChildren().add(card(r));
        }
        focused.restoreIn(this);
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
        ToggleButton reveal = new RevealButton("cardReveal-" + n, r, model, actions);
        reveal.setMinWidth(72);
        Button copySecret = new CopyButton("cardCopySecret-" + n, () -> model.copySecret(r));
        copySecret.disableProperty().bind(r.secretProperty().isNull());
        HBox secretRow = new HBox(6, secret, reveal, copySecret);
        secretRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(secret, Priority.ALWAYS);

        Label age = Ui.label("cardSecretAge-" + n, "", "hint");
        age.textProperty().bind(Bindings.createStringBinding(() -> issuedText(r.issuedAtProperty().get()),
                r.issuedAtProperty()));
        age.setMinHeight(18); // reserved: the button below never moves when the age appears
        Button rotate = new Button(Words.get("clients.rotate"));
        rotate.setId("cardRotate-" + n);
        rotate.setTooltip(new javafx.scene.control.Tooltip(Words.get("clients.rotateHint")));
        rotate.disableProperty().bind(model.rotatingProperty().or(Bindings.createBooleanBinding(
                () -> r.clientId() == null)));
        rotate.setOnAction(e -> {
            if (confirmRotation(n)) {
                actions.withVault(() -> model.rotate(n));
            }
        });
        HBox rotateRow = new HBox(8, rotate, age);
        rotateRow.setAlignment(Pos.CENTER_LEFT);

        VBox card = new VBox(6, name, purpose, Ui.label(null, Words.get("clients.id"), "field-label"), idRow,
                Ui.label(null, Words.get("clients.secret"), "field-label"), secretRow, rotateRow);
        card.setId("clientCard-" + n);
        card.getStyleClass().add("card");
        card.setPrefWidth(440);
        card.setMinWidth(300);
        FocusedCard.holdIn(card, copyId, reveal, copySecret, rotate);
        return card;
    }

    /** Asks first: the old secret stops working at once and eMite needs the new one. */
    private boolean confirmRotation(String clientName) {
        ButtonType go = new ButtonType(Words.get("rotate.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Words.get("rotate.text", clientName,
                SecretRotation.consequence(clientName)), go, ButtonType.CANCEL);
        ask.setHeaderText(Words.get("rotate.header", clientName));
        ask.getDialogPane().setId("rotateDialog");
        if (getScene() != null) {
            ask.initOwner(getScene().getWindow());
        }
        return ask.showAndWait().filter(b -> b == go).isPresent();
    }

    private static String issuedText(Instant issued) {
        if (issued == null) {
            return "";
        }
        long days = Duration.between(issued, Instant.now()).toDays();
        return Words.get("clients.issued", issued.atZone(ZoneId.systemDefault()).toLocalDate(), days);
    }

    private static TextField readOnly(String id, String value) {
        TextField f = Ui.readOnlyField(id);
        f.setText(value);
        return f;
    }
}
