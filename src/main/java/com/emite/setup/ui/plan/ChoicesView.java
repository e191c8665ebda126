package com.emite.setup.ui.plan;

import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

import java.util.Map;

/** The admin's choices: WFM clients, divisions for licences, group members, resetting unknown secrets. */
public final class ChoicesView extends VBox {
    private final VBox divisionBoxes = new VBox(4);

    public ChoicesView(PlanViewModel model) {
        setId("choicesPanel");
        setSpacing(8);
        getStyleClass().add("choices");

        Label title = new Label("Your choices");
        title.getStyleClass().add("section-title");

        CheckBox wfm = new CheckBox("Also set up the WFM clients");
        wfm.setId("withWfmCheck");
        wfm.setWrapText(true);
        wfm.selectedProperty().bindBidirectional(model.withWfmProperty());
        Label wfmHint = hint("emite_WFMLookback and emite_WFMActivity, for WFM data in eMite. Only if your org has "
                + "Workforce Engagement Management.");

        Label divisionsTitle = heading("Agent licences in");
        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton("All divisions");
        all.setId("allDivisionsRadio");
        all.setToggleGroup(scope);
        RadioButton some = new RadioButton("Only these divisions:");
        some.setId("someDivisionsRadio");
        some.setToggleGroup(scope);
        all.setSelected(model.allDivisionsProperty().get());
        some.setSelected(!model.allDivisionsProperty().get());
        scope.selectedToggleProperty().addListener((obs, old, t) -> model.allDivisionsProperty().set(t == all));
        model.allDivisionsProperty().addListener((obs, old, now) -> (now ? all : some).setSelected(true));
        divisionBoxes.setId("divisionChecklist");
        divisionBoxes.disableProperty().bind(model.allDivisionsProperty());
        model.divisions().addListener((ListChangeListener<DivisionChoice>) c -> fillDivisions(model));
        fillDivisions(model);

        Label membersTitle = heading("Group members (optional)");
        VBox membersBox = new VBox(4);
        for (Map.Entry<String, javafx.beans.property.StringProperty> e : model.members().entrySet()) {
            Label l = new Label(e.getKey());
            l.getStyleClass().add("field-label");
            TextField f = new TextField();
            f.setId("members-" + e.getKey());
            f.setPromptText("e-mail addresses, separated by commas");
            f.textProperty().bindBidirectional(e.getValue());
            membersBox.getChildren().addAll(l, f);
        }

        CheckBox reset = new CheckBox("Issue new secrets for clients whose secret is unknown");
        reset.setId("resetSecretsCheck");
        reset.setWrapText(true);
        reset.selectedProperty().bindBidirectional(model.resetUnknownSecretsProperty());
        Label resetHint = hint("The old secret stops working at once: eMite must then be given the new one.");

        Label problem = new Label();
        problem.setId("choicesProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll("message", "error");
        problem.textProperty().bind(model.choicesProblemProperty());

        getChildren().addAll(title, wfm, wfmHint, divisionsTitle, all, some, divisionBoxes, membersTitle,
                membersBox, heading("Client secrets"), reset, resetHint, problem);
        disableProperty().bind(model.checkingProperty().or(model.session().signedIn().not()));
    }

    private void fillDivisions(PlanViewModel model) {
        divisionBoxes.getChildren().clear();
        if (model.divisions().isEmpty()) {
            divisionBoxes.getChildren().add(hint("Check your org to list its divisions."));
            return;
        }
        for (DivisionChoice d : model.divisions()) {
            CheckBox box = new CheckBox(d.name());
            box.setId("division-" + d.name());
            box.selectedProperty().bindBidirectional(d.chosenProperty());
            divisionBoxes.getChildren().add(box);
        }
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add("message");
        return l;
    }
}
