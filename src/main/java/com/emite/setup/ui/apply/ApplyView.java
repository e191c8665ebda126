package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.TextClipboard;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.EnumSet;
import java.util.Set;

/**
 * The Apply tab: the commit page (what will change, "Apply N changes", "Back to the plan"), the progress page
 * (progress bar, current step, finished steps, Cancel) and the summary (the change report). A thin view over
 * {@link ApplyViewModel}.
 */
public final class ApplyView {
    private final ApplyViewModel model;
    private final ObservableStringValue reason;
    private final VBox root;

    /**
     * @param startLabel the commit button's words when no apply is pending ("Apply 14 changes")
     * @param onStart    what "Apply" does (opens the vault if needed, then {@link ApplyViewModel#start()})
     * @param onOpenForm shows the Form tab
     */
    public ApplyView(ApplyViewModel model, ObservableStringValue startLabel, ObservableStringValue reason,
                     Runnable onStart, Runnable onOpenForm, TextClipboard clipboard) {
        this.model = model;
        this.reason = reason;
        this.root = build(startLabel, onStart, onOpenForm, clipboard);
    }

    public Node root() {
        return root;
    }

    private BooleanBinding in(ApplyPhase... phases) {
        Set<ApplyPhase> set = EnumSet.noneOf(ApplyPhase.class);
        set.addAll(java.util.List.of(phases));
        return Bindings.createBooleanBinding(() -> set.contains(model.phaseProperty().get()), model.phaseProperty());
    }

    private VBox build(ObservableStringValue startLabel, Runnable onStart, Runnable onOpenForm,
                             TextClipboard clipboard) {
        Label title = new Label(Words.get("apply.title"));
        title.getStyleClass().add("section-title");
        Label headline = new Label();
        headline.setId("applyHeadline");
        headline.setWrapText(true);
        headline.getStyleClass().add("headline");
        headline.textProperty().bind(model.headlineProperty());
        Label explanation = new Label();
        explanation.setId("applyExplanation");
        explanation.setWrapText(true);
        explanation.getStyleClass().add("page-intro");
        explanation.textProperty().bind(model.explanationProperty());

        // Start (or continue)
        Button start = new Button();
        start.setId("applyButton");
        start.setMnemonicParsing(true);
        // "Apply (nothing to change)" is not a primary action: only a real change gets the accent colour.
        Runnable accent = () -> {
            boolean primary = !start.getText().equals(Words.get("apply.button.nothing"));
            if (primary && !start.getStyleClass().contains("accent")) {
                start.getStyleClass().add("accent");
            } else if (!primary) {
                start.getStyleClass().remove("accent");
            }
        };
        // Alt+A presses Apply (the mnemonic is added here: the label itself is the admin's plain words).
        start.textProperty().bind(Bindings.when(in(ApplyPhase.CANCELLED, ApplyPhase.FAILED))
                .then(Words.get("apply.continue")).otherwise(Bindings.createStringBinding(
                        () -> mnemonic(startLabel.get()), startLabel)));
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> onStart.run());
        start.textProperty().addListener((obs, old, now) -> accent.run());
        accent.run();
        javafx.scene.layout.HBox startRow = com.emite.setup.ui.common.Ui.withReason(start, reason);
        show(startRow, in(ApplyPhase.IDLE, ApplyPhase.IN_PLACE, ApplyPhase.REFUSED, ApplyPhase.CANCELLED,
                ApplyPhase.FAILED, ApplyPhase.FINISHED));

        // Checking
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label checking = new Label();
        checking.getStyleClass().add("message");
        checking.textProperty().bind(model.detailProperty());
        HBox checkingRow = new HBox(8, spinner, checking);
        checkingRow.setAlignment(Pos.CENTER_LEFT);
        show(checkingRow, in(ApplyPhase.CHECKING));

        // Confirm: the changes in short (the Review page lists each one just above), then the buttons.
        VBox inShort = ConfirmationPanel.create(model.summaryProperty());
        Button confirm = new Button();
        confirm.setId("confirmApplyButton");
        confirm.getStyleClass().add("accent");
        confirm.setMnemonicParsing(true);
        confirm.textProperty().bind(Bindings.createStringBinding(() -> mnemonic(model.confirmLabelProperty().get()),
                model.confirmLabelProperty()));
        confirm.setOnAction(e -> model.confirm());
        confirm.disableProperty().bind(model.caution().holdsBackProperty());
        Button back = new Button(Words.get("apply.back"));
        back.setMnemonicParsing(true);
        back.setId("backToPlanButton");
        // The question folds away: the Apply section stays where it is, and the keyboard goes back to Apply.
        back.setOnAction(e -> QuestionInView.keep(title, () -> {
            model.back();
            start.requestFocus();
        }));
        HBox confirmButtons = new HBox(8, com.emite.setup.ui.common.Ui.withReason(confirm,
                model.caution().reasonProperty()), back);
        confirmButtons.setAlignment(Pos.CENTER_LEFT);
        VBox confirmBox = new VBox(8, OtherRunCautionPanel.create(model.caution()), inShort, confirmButtons);
        show(confirmBox, in(ApplyPhase.CONFIRM));

        // Progress
        ProgressBar bar = new ProgressBar();
        bar.setId("applyProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        Label current = new Label();
        current.setId("currentStep");
        current.getStyleClass().add("row-title");
        current.textProperty().bind(model.currentStepProperty());
        show(current, model.currentStepProperty().isNotEmpty());
        Label detail = new Label();
        detail.setId("applyDetail");
        detail.setWrapText(true);
        detail.getStyleClass().add("message");
        detail.textProperty().bind(model.detailProperty());
        show(detail, model.detailProperty().isNotEmpty());
        Label doneTitle = new Label(Words.get("apply.finishedSteps"));
        doneTitle.getStyleClass().add("field-label");
        ListView<FinishedStep> finished = com.emite.setup.ui.common.Ui.ownWheel(new ListView<>(model.finished()));
        finished.setId("finishedSteps");
        finished.setPrefHeight(240);
        model.finished().addListener((javafx.collections.ListChangeListener<FinishedStep>) c ->
                finished.scrollTo(model.finished().size() - 1));
        Button cancel = new Button(Words.get("apply.cancel"));
        cancel.setId("cancelApplyButton");
        cancel.disableProperty().bind(in(ApplyPhase.CANCELLING));
        cancel.setOnAction(e -> model.cancel());
        cancel.setCancelButton(false);
        show(cancel, in(ApplyPhase.RUNNING, ApplyPhase.CANCELLING));
        VBox progressBox = new VBox(8, bar, current, detail, doneTitle, finished, cancel);
        show(progressBox, in(ApplyPhase.RUNNING, ApplyPhase.CANCELLING).or(
                Bindings.isNotEmpty(model.finished()).and(in(ApplyPhase.FINISHED, ApplyPhase.CANCELLED,
                        ApplyPhase.FAILED))));

        // Change report
        Label reportTitle = new Label(Words.get("apply.changeReport"));
        reportTitle.getStyleClass().add("section-title");
        ListView<String> report = com.emite.setup.ui.common.Ui.ownWheel(new ListView<>(model.changes()));
        report.setId("changeReport");
        report.setPrefHeight(220);
        Button openForm = new Button(Words.get("apply.openForm"));
        openForm.setId("openFormButton");
        openForm.getStyleClass().add("accent");
        openForm.setOnAction(e -> onOpenForm.run());
        show(openForm, in(ApplyPhase.FINISHED, ApplyPhase.IN_PLACE));
        VBox reportBox = new VBox(8, reportTitle, report);
        show(reportBox, Bindings.isNotEmpty(model.changes()));

        ErrorPanel error = new ErrorPanel("applyError", model.problemProperty(), clipboard);

        VBox page = new VBox(12, title, headline, explanation, error, startRow, checkingRow, confirmBox, progressBox,
                openForm, reportBox);
        page.setId("applyView");
        // The question comes with its summary and buttons below the plan's list: bring it into view (seen under
        // Xvfb: after Apply the confirm button was below the fold and the admin had to look for it), moving the page
        // no more than that takes. The keyboard goes to the caution's tick when there is one, else to "Back to the
        // plan": never to the confirm button, so a stray Space does not apply.
        model.phaseProperty().addListener((obs, old, now) -> {
            keepFocusOnThePage(page);
            if (now == ApplyPhase.CONFIRM) {
                javafx.application.Platform.runLater(() -> {
                    QuestionInView.show(title, confirmButtons);
                    Node tick = confirmBox.lookup("#otherRunSureCheck");
                    (tick != null && !model.caution().noteProperty().get().isEmpty() ? tick : back).requestFocus();
                });
            }
        });
        return page;
    }

    /**
     * The button with the keyboard focus has just been hidden (Apply when it starts checking, the confirm button when
     * apply runs): the focus goes to this section itself. Left to JavaFX, it moved on to the next control, further
     * down the page, and the page scrolled there: under Xvfb the Review page jumped to the form, away from the mouse
     * and the question.
     */
    private static void keepFocusOnThePage(VBox page) {
        javafx.scene.Scene scene = page.getScene();
        Node owner = scene == null ? null : scene.getFocusOwner();
        boolean hidden = false;
        for (Node n = owner; n != null; n = n.getParent()) {
            hidden |= !n.isVisible() || n.isDisabled();
            if (n == page) {
                if (hidden) {
                    page.requestFocus();
                }
                return;
            }
        }
    }

    /** "Apply 3 changes" → "_Apply 3 changes" (Alt+A); other words are shown as they are. */
    static String mnemonic(String label) {
        return label != null && label.startsWith(Words.get("apply.button")) && !label.equals(
                Words.get("apply.button.nothing")) ? "_" + label : label;
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
