package com.emite.setup.ui.plan;

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

    private void rebuild(ObservableList<PlanSection> sections) {
        getChildren().clear();
        for (PlanSection s : sections) {
            getChildren().add(section(s));
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
            if (line.startsWith("Why: ") || line.startsWith("Who can fix it: ")) {
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
