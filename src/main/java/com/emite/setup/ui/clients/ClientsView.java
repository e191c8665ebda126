package com.emite.setup.ui.clients;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.ClipboardLine;
import com.emite.setup.ui.form.FormView;
import com.emite.setup.ui.form.FormViewModel;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
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

        // Above the cards, in space that is always kept (the cards never move when these change): the clipboard's
        // line and the last rotation's result, each saying what it is for while idle, so the space never reads as
        // a gap between the heading and the cards.
        VBox notices = new VBox(4, new ClipboardLine(form, "cardClipboardCountdown", "cardClearClipboardButton"),
                rotationLine(form));
        notices.setId("clientNotices");

        PlanSectionsView states = new PlanSectionsView(plan.sections().filtered(s -> s.step() == 5
                || s.step() == 6));
        root = Ui.page("clientsView", Ui.title(Words.get("clients.title")), Ui.intro(Words.get("clients.intro")),
                choices, Ui.section(Words.get("clients.cards")), notices, new ClientCards(form, actions),
                states);
    }

    /**
     * The last rotation's result ("send this form to eMite now"), in the place of what Rotate secret does while
     * nothing was rotated. Two lines high, the result's length at 1024 wide, so the cards stay put when it appears.
     */
    private static StackPane rotationLine(FormViewModel form) {
        BooleanBinding idle = Bindings.createBooleanBinding(() -> form.rotationProperty().get().isEmpty(),
                form.rotationProperty());
        Label before = Ui.label("rotationIdle", Words.get("clients.rotationIdle"), "message");
        before.visibleProperty().bind(idle);
        Label result = Ui.label("rotationNotice", "", "message");
        result.textProperty().bind(form.rotationProperty());
        result.visibleProperty().bind(idle.not());
        StackPane line = new StackPane(before, result);
        line.setAlignment(Pos.TOP_LEFT);
        line.setMinHeight(36);
        return line;
    }

    public Node root() {
        return root;
    }
}
