package com.emite.setup.ui.clients;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The OAuth clients & app tab: the WFM and secret choices, the state of each client and of the client app (steps 5
 * and 6), and a card per client with its id and secret.
 */
public final class ClientsView {
    private final Node root;

    public ClientsView(PlanViewModel plan, FormViewModel form, FormView.Actions actions) {
        CheckBox wfm = new CheckBox(Words.get("clients.withWfm"));
        wfm.setId("withWfmCheck");
        wfm.setWrapText(true);
        wfm.selectedProperty().bindBidirectional(plan.withWfmProperty());
        CheckBox reset = new CheckBox(Words.get("clients.reset"));
        reset.setId("resetSecretsCheck");
        reset.setWrapText(true);
        reset.selectedProperty().bindBidirectional(plan.resetUnknownSecretsProperty());
        VBox choices = new VBox(4, wfm, Ui.hint(Words.get("clients.withWfmHint")), reset,
                Ui.hint(Words.get("clients.resetHint")));
        choices.setId("clientChoices");

        Label countdown = Ui.reserved("cardClipboardCountdown", form.countdownProperty(), "message");
        Button clear = new Button(Words.get("clients.clearClipboard"));
        clear.setId("cardClearClipboardButton");
        clear.setOnAction(e -> form.clearClipboard());
        // Kept in place while hidden: the cards do not move when Copy is pressed.
        clear.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> form.countdownProperty().get().startsWith(Words.get("form.clipboardClears.prefix")),
                form.countdownProperty()));
        HBox clipboardRow = new HBox(10, countdown, clear);
        clipboardRow.setAlignment(Pos.CENTER_LEFT);
        clipboardRow.setMinHeight(32);

        // Reserved space: the cards do not move when the rotation's result appears.
        Label rotation = Ui.reserved("rotationNotice", form.rotationProperty(), "message");
        rotation.setWrapText(true);
        rotation.setMinHeight(36);

        PlanSectionsView states = new PlanSectionsView(plan.sections().filtered(s -> s.step() == 5
                || s.step() == 6));
        root = Ui.page("clientsView", Ui.title(Words.get("clients.title")), Ui.intro(Words.get("clients.intro")),
                choices, Ui.section(Words.get("clients.cards")), clipboardRow, rotation, new ClientCards(form, actions),
                states);
    }

    public Node root() {
        return root;
    }
}
