package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.TextClipboard;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Plan tab: "Check my org", the plan grouped by step with state badges, the choices beside it, the permission
 * checklist, and the commit bar with "Apply N changes". A thin view over {@link PlanViewModel}.
 */
public final class PlanView {
    private final PlanViewModel model;
    private final BorderPane root;

    /**
     * @param onApply what the commit button does (open the vault if needed, then go to the Apply tab)
     */
    public PlanView(PlanViewModel model, TextClipboard clipboard, Runnable onApply) {
        this.model = model;
        this.root = build(clipboard, onApply);
    }

    public Node root() {
        return root;
    }

    private BorderPane build(TextClipboard clipboard, Runnable onApply) {
        Label title = new Label("Check your org, then choose");
        title.getStyleClass().add("page-title");
        Label intro = new Label("eMite Setup reads what your org has and compares it with what eMite needs. "
                + "Checking changes nothing.");
        intro.setWrapText(true);
        intro.getStyleClass().add("page-intro");

        Button check = new Button("Check my org");
        check.setId("checkOrgButton");
        check.getStyleClass().add("accent");
        check.disableProperty().bind(model.canCheckProperty().not());
        check.setOnAction(e -> model.checkOrg());
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        show(spinner, model.checkingProperty());
        Label progress = new Label();
        progress.setId("planProgress");
        progress.getStyleClass().add("message");
        progress.textProperty().bind(model.progressTextProperty());
        Label signInFirst = new Label("Sign in on the Connect tab first.");
        signInFirst.getStyleClass().add("message");
        show(signInFirst, model.session().signedIn().not());
        HBox checkRow = new HBox(10, check, spinner, progress, signInFirst);
        checkRow.setAlignment(Pos.CENTER_LEFT);

        ErrorPanel error = new ErrorPanel("planError", model.problemProperty(), clipboard);
        Label summary = wrap("planSummary", "summary");
        summary.textProperty().bind(model.summaryProperty());
        Label stale = wrap("planStale", "message", "warning");
        stale.setText("Your choices changed, or apply ran, since this check: press \"Check my org\" again to see "
                + "the org as it is now. Apply checks again anyway.");
        show(stale, model.staleProperty());
        Label note = wrap("planNote", "message");
        note.textProperty().bind(model.noteProperty());
        show(note, model.noteProperty().isNotEmpty());

        PlanSectionsView sections = new PlanSectionsView(model.sections());
        PermissionChecklistView checklist = new PermissionChecklistView(model.permissions());
        Label checklistNote = wrap(null, "message");
        checklistNote.setText("The role gets every permission of eMite's list that your org offers (ticked). eMite "
                + "needs all of them, so none can be left out here. Flagged rows are unconfirmed: the guide gives "
                + "no API name for them.");
        VBox checklistBox = new VBox(6, checklistNote, checklist);
        TitledPane checklistPane = new TitledPane("Permission checklist of the role \"eMite Data Integration\"",
                checklistBox);
        checklistPane.setId("permissionPane");
        checklistPane.setExpanded(false);
        show(checklistPane, model.planProperty().isNotNull());

        VBox left = new VBox(14, sections);
        HBox.setHgrow(left, Priority.ALWAYS);
        ChoicesView choices = new ChoicesView(model);
        choices.setPrefWidth(300);
        choices.setMinWidth(260);
        choices.setMaxHeight(Region.USE_PREF_SIZE);
        HBox body = new HBox(24, left, choices);

        VBox page = new VBox(12, title, intro, checkRow, error, summary, stale, note, body, checklistPane);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId("planView");

        // The commit bar: always in sight.
        Button apply = new Button();
        apply.setId("applyButton");
        apply.getStyleClass().add("accent");
        apply.textProperty().bind(model.applyLabelProperty());
        apply.disableProperty().bind(model.canApplyProperty().not());
        apply.setOnAction(e -> onApply.run());
        Label commitNote = new Label("Apply opens your vault first (it keeps the client secrets), checks once more "
                + "and asks before it changes anything.");
        commitNote.setWrapText(true);
        commitNote.getStyleClass().add("message");
        HBox.setHgrow(commitNote, Priority.ALWAYS);
        Region gap = new Region();
        HBox bar = new HBox(12, commitNote, gap, apply);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.getStyleClass().add("commit-bar");

        BorderPane pane = new BorderPane(scroll);
        pane.setBottom(bar);
        return pane;
    }

    private static Label wrap(String id, String... styles) {
        Label l = new Label();
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.getStyleClass().addAll(styles);
        return l;
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
