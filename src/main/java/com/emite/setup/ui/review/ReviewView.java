package com.emite.setup.ui.review;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;

/**
 * The Review & apply tab: every change as a sentence, the apply button named by its action (with the reason next to
 * it when it cannot be pressed), progress with Cancel, then the change report and the Integration Details Form.
 */
public final class ReviewView {
    private final Node root;

    /**
     * @param apply the apply part ({@code ApplyView})
     * @param form  the form part ({@code FormView})
     */
    public ReviewView(PlanViewModel plan, Node apply, Node form) {
        ListView<String> changes = Ui.ownWheel(new ListView<>(plan.changesToMake()));
        changes.setId("changesToMake");
        changes.setPrefHeight(180);
        changes.setMinHeight(120);
        changes.setPlaceholder(new Label(Words.get("review.noChanges")));
        Label count = Ui.reserved("changesCount", Bindings.createStringBinding(() -> plan.planProperty().get() == null
                ? Words.get("review.checkFirst") : Words.get("review.count", plan.changesToMake().size()),
                plan.planProperty(), plan.changesToMake()), "field-label");
        // "Open the Integration Details Form" (after an apply) brings the form, further down this page, into view.
        Node openForm = apply.lookup("#openFormButton");
        if (openForm != null) {
            openForm.addEventHandler(ActionEvent.ACTION, e -> Ui.bringIntoView(form));
        }
        root = Ui.page("reviewView", Ui.title(Words.get("review.title")), Ui.intro(Words.get("review.intro")),
                count, changes, apply, form);
    }

    public Node root() {
        return root;
    }
}
