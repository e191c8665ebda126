package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.Words;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The plan as sections (one per step of the guide) of rows, each with its state badge and details. */
public final class PlanSectionsView extends VBox {
    /** Held here: a filtered view of the plan's sections listens to them weakly and would be collected. */
    private final ObservableList<PlanSection> sections;

    public PlanSectionsView(ObservableList<PlanSection> sections) {
        this.sections = sections;
        setId("planList");
        setSpacing(14);
        sections.addListener((ListChangeListener<PlanSection>) c -> rebuild(sections));
        rebuild(sections);
    }

    /** The node of each section on show, by its value: a section that did not change keeps its node. */
    private java.util.Map<PlanSection, Node> shown = new java.util.HashMap<>();

    private void rebuild(ObservableList<PlanSection> sections) {
        java.util.Map<PlanSection, Node> now = new java.util.HashMap<>();
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        for (PlanSection s : sections) {
            Node n = shown.remove(s);
            if (n == null) {
                n = section(s);
            }
            now.put(s, n);
            nodes.add(n);
        }
        shown = now;
        if (!getChildren().equals(nodes)) {
            getChildren().setAll(nodes);
        }
    }

    private static Node section(PlanSection s) {
        Label title = new Label(s.title());
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title);
        box.getStyleClass().add("plan-section");
        box.setId("planStep" + s.step());
        if (!s.note().isEmpty()) {
            Label note = new Label(s.note());
            note.setWrapText(true);
            note.getStyleClass().add("message");
            box.getChildren().add(note);
        }
        for (PlanRow r : s.rows()) {
            box.getChildren().add(row(r));
        }
        return box;
    }

    static Node row(PlanRow r) {
        Label badge = new Label(r.badge().text());
        badge.getStyleClass().addAll("state-badge", r.badge().styleClass());
        badge.setMinWidth(104);
        badge.setAlignment(Pos.CENTER);
        Label title = new Label(r.title());
        title.getStyleClass().add("row-title");
        title.setWrapText(true);
        VBox text = new VBox(2, title);
        for (String line : r.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("row-line");
            if (line.startsWith(Words.get("plan.why", "")) || line.startsWith(Words.get("plan.whoCanFix", ""))) {
                l.getStyleClass().add("row-line-blocker");
            }
            text.getChildren().add(l);
        }
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox row = new HBox(12, badge, text);
        row.setAlignment(Pos.TOP_LEFT);
        row.getStyleClass().add("plan-row");
        row.setUserData(r);
        return row;
    }
}
