package com.emite.setup.ui.licences;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.DivisionChoice;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/**
 * The Licences tab: totals first (divisions, chosen; agents and how many already hold their eMite role), the choice
 * of all or some divisions, and the per-division ticks with their counts folded under the totals, then the licence
 * step's state and "keep licences up to date every day".
 */
public final class LicencesView {
    private final Node root;

    public LicencesView(PlanViewModel model, LicenceUpkeepModel upkeep) {
        Label totals = Ui.reserved("licenceTotals", Bindings.createStringBinding(() -> {
            int all = model.divisions().size();
            long chosen = model.allDivisionsProperty().get() ? all
                    : model.divisions().stream().filter(d -> d.chosenProperty().get()).count();
            return all == 0 ? Words.get("licences.noDivisionsYet") : Words.get("licences.totals", all, chosen);
        }, model.divisions(), model.allDivisionsProperty(), model.choicesProblemProperty()), "summary");

        Label agents = Ui.reserved("licenceAgentTotals", Bindings.createStringBinding(() -> {
            if (upkeep.counts().isEmpty()) {
                return upkeep.countsNoteProperty().get();
            }
            int[] t = DivisionCounts.totals(upkeep.counts());
            return Words.get("licences.agentTotals", t[0], t[1], t[2], t[0] - t[2]);
        }, upkeep.counts(), upkeep.countsNoteProperty()), "summary");

        ToggleGroup scope = new ToggleGroup();
        RadioButton all = new RadioButton(Words.get("licences.all"));
        all.setId("allDivisionsRadio");
        all.setToggleGroup(scope);
        RadioButton some = new RadioButton(Words.get("licences.some"));
        some.setId("someDivisionsRadio");
        some.setToggleGroup(scope);
        (model.allDivisionsProperty().get() ? all : some).setSelected(true);
        scope.selectedToggleProperty().addListener((obs, old, t) -> model.allDivisionsProperty().set(t == all));
        model.allDivisionsProperty().addListener((obs, old, now) -> (now ? all : some).setSelected(true));

        FlowPane boxes = new FlowPane(16, 6);
        boxes.setId("divisionChecklist");
        boxes.disableProperty().bind(model.allDivisionsProperty());
        Runnable fill = () -> {
            boxes.getChildren().clear();
            for (DivisionChoice d : model.divisions()) {
                CheckBox box = new CheckBox();
                box.textProperty().bind(Bindings.createStringBinding(() -> upkeep.counts().stream()
                        .filter(x -> x.name().equals(d.name())).findFirst()
                        .map(x -> Words.get("licences.divisionCounts", d.name(), x.agents(), x.licensed()))
                        .orElse(d.name()), upkeep.counts()));
                box.setId("division-" + d.name());
                box.selectedProperty().bindBidirectional(d.chosenProperty());
                boxes.getChildren().add(box);
            }
        };
        model.divisions().addListener((ListChangeListener<DivisionChoice>) c -> fill.run());
        fill.run();
        TitledPane perDivision = new TitledPane(Words.get("licences.perDivision"), boxes);
        perDivision.setId("perDivisionPane");
        perDivision.setExpanded(false);
        // Choosing "only these" unfolds the list: the admin has to tick there.
        model.allDivisionsProperty().addListener((obs, old, now) -> perDivision.setExpanded(!now));
        Label problem = Ui.reserved("choicesProblem", model.choicesProblemProperty(), "message", "error");

        PlanSectionsView states = new PlanSectionsView(model.sections().filtered(s -> s.step() == 7));
        VBox choice = new VBox(8, all, some, problem, perDivision);
        root = Ui.page("licencesView", Ui.title(Words.get("licences.title")), Ui.intro(Words.get("licences.intro")),
                totals, agents, choice, states, new UpkeepScheduleView(upkeep).root());
    }

    public Node root() {
        return root;
    }
}
