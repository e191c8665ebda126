package com.emite.setup.ui.connect;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;

/**
 * The Connect tab's content: a thin view over {@link ConnectViewModel}. Every control has an id so that tests and
 * screen readers can find it; every colour comes from the style sheet.
 */
public final class ConnectView {
    /** How long the Copy button says "Copied". */
    public static final Duration COPIED_FOR = Duration.seconds(2);

    private final ConnectViewModel model;
    private final Node signIn;
    private final Node below;
    private final ScrollPane root;

    public ConnectView(ConnectViewModel model) {
        this(model, null);
    }

    /** With the sign-in section (from {@link SignInView}) under the region. */
    public ConnectView(ConnectViewModel model, Node signIn) {
        this(model, signIn, null);
    }

    /**
     * With the sign-in section under the region, and {@code below} (the plan's step for the org) under the whole form:
     * it appears when a check ends, and at the end of the page it moves nothing the admin may be aiming at.
     */
    public ConnectView(ConnectViewModel model, Node signIn, Node below) {
        this.model = model;
        this.signIn = signIn;
        this.below = below;
        this.root = build();
    }

    public Node root() {
        return root;
    }

    private ScrollPane build() {
        Label title = new Label(Words.get("connect.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(Words.get("connect.intro"));
        intro.getStyleClass().add("page-intro");
        intro.setWrapText(true);

        // Address
        TextField addressField = new TextField();
        addressField.setId("addressField");
        addressField.setPromptText(Words.get("connect.addressPrompt"));
        addressField.textProperty().bindBidirectional(model.addressProperty());
        addressField.disableProperty().bind(model.targetLockedProperty());
        Label addressMessage = message("addressMessage", model.addressMessageProperty(),
                model.addressStatusProperty());

        // Region list
        ComboBox<ConnectTarget> regionCombo = new ComboBox<>(model.targets());
        regionCombo.setId("regionCombo");
        regionCombo.setPromptText(Words.get("connect.pickRegion"));
        regionCombo.setVisibleRowCount(16);
        regionCombo.setMaxWidth(Double.MAX_VALUE);
        regionCombo.setCellFactory(list -> new TargetCell(""));
        // The button cell shows the prompt itself: a custom button cell loses the ComboBox prompt once cleared.
        regionCombo.setButtonCell(new TargetCell(regionCombo.getPromptText()));
        regionCombo.valueProperty().bindBidirectional(model.selectedTargetProperty());
        regionCombo.disableProperty().bind(model.targetLockedProperty());

        Label summary = message("regionSummary", model.targetSummaryProperty(), model.targetStatusProperty());
        Label codeBadge = new Label();
        codeBadge.setId("emiteCodeBadge");
        codeBadge.getStyleClass().add("badge");
        codeBadge.textProperty().bind(Bindings.createStringBinding(() -> Words.get("connect.emiteCode",
                model.emiteCodeProperty().get()), model.emiteCodeProperty()));
        codeBadge.visibleProperty().bind(model.emiteCodeProperty().isNotEmpty());
        codeBadge.managedProperty().bind(codeBadge.visibleProperty());
        codeBadge.setTooltip(new Tooltip(Words.get("connect.emiteCodeTip")));
        // Never cut to "eMite…" in a narrow window: the summary beside it wraps instead.
        codeBadge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox summaryRow = new HBox(8, codeBadge, summary);
        summaryRow.setAlignment(Pos.CENTER_LEFT);

        // Short name
        TextField shortNameField = new TextField();
        shortNameField.setId("shortNameField");
        shortNameField.setPromptText(Words.get("connect.shortNamePrompt"));
        shortNameField.textProperty().bindBidirectional(model.shortNameProperty());
        // Once signed in, the short name is the org's own (read from Genesys Cloud).
        shortNameField.editableProperty().bind(model.targetLockedProperty().not());
        Label shortNameMessage = message("shortNameMessage", model.shortNameMessageProperty(),
                model.shortNameStatusProperty());

        // Redirect URL
        TextField urlField = Ui.readOnlyField("redirectUrlField");
        urlField.textProperty().bind(model.redirectUrlProperty());
        urlField.setPromptText(Words.get("connect.redirectUrlPrompt"));
        HBox.setHgrow(urlField, Priority.ALWAYS);
        Button copyButton = new Button(Words.get("copy"));
        copyButton.setId("copyButton");
        copyButton.getStyleClass().add("accent");
        copyButton.disableProperty().bind(model.canCopyProperty().not());
        copyButton.textProperty().bind(
                Bindings.when(model.copiedProperty()).then(Words.get("copied")).otherwise(Words.get("copy")));
        copyButton.setMinWidth(90);
        PauseTransition copiedTimer = new PauseTransition(COPIED_FOR);
        copiedTimer.setOnFinished(e -> model.clearCopied());
        copyButton.setOnAction(e -> {
            if (model.copyRedirectUrl()) {
                copiedTimer.playFromStart();
            }
        });
        HBox urlRow = new HBox(8, urlField, copyButton);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        Label urlMessage = message("redirectUrlMessage", model.redirectUrlMessageProperty(),
                model.redirectUrlStatusProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("form");
        form.setHgap(16);
        form.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setHalignment(HPos.RIGHT);
        labels.setMinWidth(190);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        form.getColumnConstraints().addAll(labels, fields);
        int row = 0;
        row = addRow(form, row, Words.get("connect.address"), addressField, addressField, addressMessage);
        row = addRow(form, row, Words.get("connect.orRegion"), regionCombo, regionCombo, summaryRow);
        if (signIn != null) {
            Label label = new Label(Words.get("connect.signIn"));
            label.getStyleClass().add("field-label");
            form.add(label, 0, row);
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            form.add(signIn, 1, row);
            GridPane.setMargin(signIn, new javafx.geometry.Insets(0, 0, 12, 0));
            row++;
        }
        row = addRow(form, row, Words.get("connect.shortName"), shortNameField, shortNameField, shortNameMessage);
        addRow(form, row, Words.get("connect.redirectUrl"), urlField, urlRow, urlMessage);

        VBox page = new VBox(14, title, intro, form);
        if (below != null) {
            page.getChildren().add(below);
        }
        page.getStyleClass().add("page");
        page.setFillWidth(true);
        // Once signed in, the keyboard goes to the next step ("Next: check my org"): the hidden Sign in button handed
        // it to the read-only short name field (seen under Xvfb).
        Node next = signIn == null ? null : signIn.lookup("#nextToPlanButton");
        if (next != null) {
            next.visibleProperty().addListener((obs, was, now) -> {
                if (now) {
                    javafx.application.Platform.runLater(next::requestFocus);
                }
            });
        }
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId("connectView");
        return scroll;
    }

    private static int addRow(GridPane form, int row, String text, Node labelFor, Node field, Node message) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(labelFor);
        form.add(label, 0, row);
        form.add(field, 1, row);
        form.add(message, 1, row + 1);
        GridPane.setMargin(message, new javafx.geometry.Insets(0, 0, 12, 0));
        return row + 2;
    }

    private static Label message(String id, ObservableValue<String> text,
                                 ObservableValue<ConnectViewModel.Status> status) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add("message");
        label.textProperty().bind(text);
        applyStatus(label, status.getValue());
        status.addListener((obs, old, now) -> applyStatus(label, now));
        return label;
    }

    private static void applyStatus(Label label, ConnectViewModel.Status status) {
        label.getStyleClass().removeAll(List.of("ok", "warning", "error"));
        switch (status) {
            case OK -> label.getStyleClass().add("ok");
            case WARNING -> label.getStyleClass().add("warning");
            case ERROR -> label.getStyleClass().add("error");
            default -> {
            }
        }
    }

    /** Shows a region's name and, in the list, its eMite code or that it has none. */
    private static final class TargetCell extends ListCell<ConnectTarget> {
        private final String emptyText;

        TargetCell(String emptyText) {
            this.emptyText = emptyText;
        }

        @Override
        protected void updateItem(ConnectTarget item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(emptyText);
                return;
            }
            setText(item.displayName());
        }
    }
}
