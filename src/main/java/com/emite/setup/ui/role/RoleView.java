package com.emite.setup.ui.role;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.plan.PermissionRow;
import com.emite.setup.ui.plan.PlanSectionsView;
import com.emite.setup.ui.plan.PlanViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Role & permissions tab: the role's state and the grant to the admin (steps 3 and 4 side by side, scrolling in
 * the top part), and the 41-row checklist filling the rest of the tab (it scrolls itself; never a table inside a
 * scrolling page).
 */
public final class RoleView {
    private final BorderPane root = new BorderPane();

    public RoleView(PlanViewModel plan) {
        // Side by side: one above the other, step 4 (the grant to the admin) sat below the fold of the top half.
        HBox states = new HBox(14, stepColumn(plan, 3), stepColumn(plan, 4));
        VBox top = new VBox(10, Ui.title(Words.get("role.title")), Ui.intro(Words.get("role.intro")), states);
        top.getStyleClass().addAll("page", "page-above-list");
        ScrollPane topScroll = new ScrollPane(top);
        topScroll.setId("roleStepsScroll");
        topScroll.setFitToWidth(true);
        topScroll.getStyleClass().add("page-scroll");
        topScroll.setPrefViewportHeight(240);
        topScroll.setMinViewportHeight(120);

        PermissionChecklist checklist = new PermissionChecklist(plan.permissions(), plan.leftOutRows());
        Label leftOut = Ui.reserved("leftOutWarning", Bindings.createStringBinding(() -> warning(plan),
                plan.leftOutRows(), plan.permissions()), "message", "warning");
        Label counts = Ui.reserved("checklistCounts", Bindings.createStringBinding(() -> plan.permissions().isEmpty()
                ? Words.get("role.countsBeforeCheck") : Words.get("role.counts",
                plan.permissions().stream().filter(PermissionRow::offered).count(), plan.permissions().size()),
                plan.permissions()), "message");
        VBox choices = new VBox(6);
        choices.setId("permissionChoices");
        Runnable fillChoices = () -> fillChoices(plan, choices);
        plan.permissions().addListener((javafx.collections.ListChangeListener<PermissionRow>) c -> fillChoices.run());
        fillChoices.run();
        VBox bottom = new VBox(6, choices, counts, leftOut);
        VBox center = new VBox(6, checklist);
        VBox.setVgrow(checklist, javafx.scene.layout.Priority.ALWAYS);
        center.getStyleClass().add("checklist-box");
        root.setId("roleView");
        root.setTop(topScroll);
        root.setCenter(center);
        root.setBottom(bottom);
        bottom.getStyleClass().add("checklist-footer");
    }

    /** One step's section, sharing the top's width equally with the other. */
    private static Node stepColumn(PlanViewModel plan, int step) {
        PlanSectionsView column = new PlanSectionsView(plan.sections().filtered(s -> s.step() == step));
        column.setId("roleStep" + step);
        column.setPrefWidth(0);
        column.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(column, Priority.ALWAYS);
        return column;
    }

    /**
     * Rows whose exact API name the org lacks: the admin picks the org's permission from the candidates (or types
     * one); nothing is substituted silently.
     */
    private static void fillChoices(PlanViewModel plan, VBox box) {
        box.getChildren().clear();
        for (PermissionRow r : plan.permissions()) {
            if (!r.needsChoice()) {
                continue;
            }
            javafx.scene.control.ComboBox<String> pick = new javafx.scene.control.ComboBox<>(
                    javafx.collections.FXCollections.observableArrayList(r.candidates()));
            pick.setId("permissionChoice-" + r.row());
            pick.setEditable(true);
            pick.setPromptText(Words.get("role.choosePrompt"));
            pick.setAccessibleText(Words.get("role.chooseFor", r.name()));
            pick.setPrefWidth(360);
            String chosen = plan.permissionChoices().get(r.row());
            if (chosen != null) {
                pick.setValue(chosen);
            }
            Label problem = Ui.label(null, "", "message", "error");
            pick.valueProperty().addListener((obs, old, v) -> {
                if (v != null && com.emite.setup.provision.Choices.isPermission(v.strip())) {
                    problem.setText("");
                    plan.permissionChoices().put(r.row(), v.strip());
                } else {
                    problem.setText(v == null || v.isBlank() ? "" : Words.get("role.notAPermission"));
                }
            });
            Label what = Ui.label(null, Words.get("role.needsChoice", r.type() + " > " + r.name() + " > " + r.level(),
                    r.permission()), "field-label");
            javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(10, pick, problem);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.getChildren().addAll(what, row);
        }
    }

    /** What eMite loses for each unticked row, in plain words. */
    static String warning(PlanViewModel plan) {
        List<PermissionRow> out = plan.permissions().stream().filter(r -> plan.leftOutRows().contains(r.row()))
                .toList();
        if (out.isEmpty()) {
            return "";
        }
        String names = out.stream().map(r -> r.name() + " (" + r.type() + ")" + (r.loses() == null
                || r.loses().isBlank() ? "" : ": " + r.loses())).collect(Collectors.joining("; "));
        return Words.get("role.leftOut", out.size(), names);
    }

    public Node root() {
        return root;
    }
}
