package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * Apply's question, in short ({@link ConfirmationSummary}): how many changes of which kind, what reaches people, what
 * cannot be undone, where the new secrets go. Its lines are set while the question is hidden (the summary is set
 * before the phase turns to CONFIRM), so nothing in it moves once the admin sees it.
 */
final class ConfirmationPanel {
    private ConfirmationPanel() {
    }

    static VBox create(ObservableValue<ConfirmationSummary> summary) {
        VBox panel = new VBox(4);
        panel.setId("applySummary");
        panel.getStyleClass().add("plan-section");
        fill(panel, summary.getValue());
        summary.addListener((obs, old, now) -> fill(panel, now));
        return panel;
    }

    private static void fill(VBox panel, ConfirmationSummary s) {
        List<Node> rows = new ArrayList<>();
        rows.add(Ui.label("applySummaryTitle", Words.get("apply.summary.title"), "row-title"));
        lines(rows, "applySummaryChange", s.changes(), "summary-line");
        if (!s.people().isEmpty()) {
            rows.add(Ui.label("applySummaryPeopleTitle", Words.get("apply.summary.peopleTitle"), "row-title",
                    "summary-part"));
            lines(rows, "applySummaryPeople", s.people(), "summary-line");
        }
        if (!s.cannotUndo().isEmpty()) {
            rows.add(Ui.label("applySummaryCannotUndoTitle", Words.get("apply.summary.cannotUndoTitle"), "row-title",
                    "summary-part"));
            lines(rows, "applySummaryCannotUndo", s.cannotUndo(), "summary-line", "caution");
        }
        if (!s.secrets().isEmpty()) {
            rows.add(Ui.label("applySummarySecrets", s.secrets(), "summary-line", "summary-part"));
        }
        panel.getChildren().setAll(rows);
    }

    /** One label per line, ids {@code prefix0}, {@code prefix1}, … */
    private static void lines(List<Node> rows, String prefix, List<String> lines, String... styles) {
        for (int i = 0; i < lines.size(); i++) {
            Label l = Ui.label(prefix + i, lines.get(i), styles);
            l.setMinHeight(Label.USE_PREF_SIZE);
            rows.add(l);
        }
    }
}
