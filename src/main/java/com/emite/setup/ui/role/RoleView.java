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
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The Role & permissions tab: the role's state and the grant to the admin (steps 3 and 4, scrolling in the top half),
 * and the 41-row checklist filling the rest of the tab (it scrolls itself; never a table inside a scrolling page).
 */
public final class RoleView {
    private final BorderPane root = new BorderPane();

    public RoleView(PlanViewModel plan) {
        PlanSectionsView states = new PlanSectionsView(plan.sections().filtered(s -> s.step() == 3 || s.step() == 4));
        VBox top = new VBox(10, Ui.title(Words.get("role.title")), Ui.intro(Words.get("role.intro")), states);
        top.getStyleClass().add("page");
        ScrollPane topScroll = new ScrollPane(top);
        topScroll.setFitToWidth(true);
        topScroll.getStyleClass().add("page-scroll");
        topScroll.setPrefViewportHeight(190);
        topScroll.setMinViewportHeight(120);

        PermissionChecklist checklist = new PermissionChecklist(plan.permissions(), plan.leftOutRows());
        Label leftOut = Ui.reserved("leftOutWarning", Bindings.createStringBinding(() -> warning(plan),
                plan.leftOutRows(), plan.permissions()), "message", "warning");
        Label counts = Ui.reserved("checklistCounts", Bindings.createStringBinding(() -> Words.get("role.counts",
                plan.permissions().stream().filter(PermissionRow::offered).count(), plan.permissions().size()),
                plan.permissions()), "message");
        VBox bottom = new VBox(6, counts, leftOut);
        VBox center = new VBox(6, checklist);
        VBox.setVgrow(checklist, javafx.scene.layout.Priority.ALWAYS);
        center.getStyleClass().add("checklist-box");
        root.setId("roleView");
        root.setTop(topScroll);
        root.setCenter(center);
        root.setBottom(bottom);
        bottom.getStyleClass().add("checklist-footer");
    }

    /** What eMite loses for each unticked row, in plain words. */
    static String warning(PlanViewModel plan) {
        List<PermissionRow> out = plan.permissions().stream().filter(r -> plan.leftOutRows().contains(r.row()))
                .toList();
        if (out.isEmpty()) {
            return "";
        }
        String names = out.stream().map(r -> r.name() + " (" + r.type() + ")").collect(Collectors.joining(", "));
        return Words.get("role.leftOut", out.size(), names);
    }

    public Node root() {
        return root;
    }
}
