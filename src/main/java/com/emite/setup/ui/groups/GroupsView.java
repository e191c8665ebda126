package com.emite.setup.ui.groups;

import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Map;

/** The Groups & users tab: the three groups with their state, and a user picker for each. */
public final class GroupsView {
    public static final String ACCESS_GROUP = "emite_Access";

    private final Node root;

    /** @param addMeReason why "Add me" cannot be used (empty when it can), said under it */
    public GroupsView(PlanViewModel plan, Map<String, UserPickerModel> pickers, Runnable addMe,
                      ObservableStringValue addMeReason) {
        PlanSectionsView states = new PlanSectionsView(plan.sections().filtered(s -> s.step() == 2));
        GridPane cards = new GridPane();
        cards.setId("groupCards");
        cards.setHgap(16);
        cards.setVgap(16);
        int col = 0;
        for (int i = 0; i < plan.needs().groups().size(); i++) {
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / plan.needs().groups().size());
            cc.setFillWidth(true);
            cards.getColumnConstraints().add(cc);
        }
        for (Needs.GroupNeed g : plan.needs().groups()) {
            UserPickerModel m = pickers.get(g.name());
            VBox card = new VBox(6, Ui.section(g.name()), Ui.hint(Words.get("groups.purpose." + g.name())),
                    new UserPicker(m));
            if (ACCESS_GROUP.equals(g.name())) {
                Label empty = Ui.label("accessEmptyWarning", Words.get("groups.accessEmpty"), "message", "warning");
                BooleanBinding nobody = Bindings.createBooleanBinding(() -> m.chosen().isEmpty()
                        && accessGroupIsEmpty(plan.planProperty().get()), m.chosen(), plan.planProperty());
                empty.visibleProperty().bind(nobody);
                Button me = new Button(Words.get("groups.addMe"));
                me.setId("addMeButton");
                me.setOnAction(e -> addMe.run());
                me.disableProperty().bind(nobody.not().or(Bindings.isNotEmpty(addMeReason)));
                // Three lines kept for the reason whether or not it shows: the card never grows under the plan.
                Label why = Ui.reserved("addMeButtonReason", addMeReason, "message", "reason");
                why.setMinHeight(48);
                card.getChildren().addAll(empty, me, why);
            }
            card.getStyleClass().add("card");
            card.setMinWidth(0);
            card.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(card, Priority.ALWAYS);
            GridPane.setValignment(card, javafx.geometry.VPos.TOP);
            // Three across when there is room; the tab is still readable at 1024 wide with three narrow cards.
            cards.add(card, col++, 0);
        }
        root = Ui.page("groupsView", Ui.title(Words.get("groups.title")), Ui.intro(Words.get("groups.intro")),
                cards, states);
    }

    /** The access group is about to be created, or exists without members we know of. */
    static boolean accessGroupIsEmpty(Plan p) {
        if (p == null) {
            return true;
        }
        return p.items().stream().filter(i -> i.key().equals("GROUP:" + ACCESS_GROUP))
                .anyMatch(i -> i.state() == ItemState.MISSING);
    }

    public Node root() {
        return root;
    }

    static List<String> groups(PlanViewModel plan) {
        return plan.needs().groups().stream().map(Needs.GroupNeed::name).toList();
    }
}
