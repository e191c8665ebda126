package com.emite.setup.ui.groups;

import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Search the org's users as you type, pick one or several (double-click, Enter or "Add"), and see the chosen ones as
 * chips with a remove button. The result list and the message line keep their space while empty.
 */
public final class UserPicker extends VBox {
    /** How long after the last keystroke the search starts (one search per pause, not one per letter). */
    static final Duration TYPING_PAUSE = Duration.millis(250);

    public UserPicker(UserPickerModel model) {
        String g = model.group();
        setId("picker-" + g);
        setSpacing(6);
        getStyleClass().add("user-picker");

        TextField search = new TextField();
        search.setId("pickerSearch-" + g);
        search.setPromptText(Words.get("picker.prompt"));
        search.setAccessibleText(Words.get("picker.label", g));
        search.textProperty().bindBidirectional(model.queryProperty());
        PauseTransition pause = new PauseTransition(TYPING_PAUSE);
        pause.setOnFinished(e -> model.search());
        search.textProperty().addListener((obs, old, now) -> pause.playFromStart());

        ListView<Person> found = Ui.ownWheel(new ListView<>(model.found()));
        found.setId("pickerResults-" + g);
        found.setPrefHeight(150);
        found.setMinHeight(150);
        found.getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.MULTIPLE);
        found.setPlaceholder(new Label(Words.get("picker.placeholder")));
        // Name over e-mail, as wide as the card: a long address ends in "…" with the whole of it on hover, instead
        // of a sideways scroll bar that hides the last line and moves the names when used.
        found.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            {
                setPrefWidth(0);
                setTextOverrun(javafx.scene.control.OverrunStyle.ELLIPSIS);
            }

            @Override
            protected void updateItem(Person p, boolean empty) {
                super.updateItem(p, empty);
                String text = empty || p == null ? null : (p.name() == null || p.name().isBlank() ? p.email()
                        : p.name() + "\n" + p.email());
                setText(text);
                setTooltip(text == null ? null : new javafx.scene.control.Tooltip(text));
            }
        });
        Button add = new Button(Words.get("picker.add"));
        add.setId("pickerAdd-" + g);
        add.disableProperty().bind(found.getSelectionModel().selectedItemProperty().isNull());
        Runnable addSelected = () -> {
            found.getSelectionModel().getSelectedItems().forEach(model::choose);
            found.getSelectionModel().clearSelection();
        };
        add.setOnAction(e -> addSelected.run());
        found.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                addSelected.run();
            }
        });
        found.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelected.run();
            }
        });
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !model.found().isEmpty()) {
                found.requestFocus();
                found.getSelectionModel().selectFirst();
            }
        });
        Label message = Ui.reserved("pickerMessage-" + g, model.messageProperty(), "message");

        FlowPane chips = new FlowPane(6, 6);
        chips.setMinWidth(0);
        chips.setPrefWrapLength(200);
        chips.setId("pickerChosen-" + g);
        chips.getStyleClass().add("chips");
        chips.setMinHeight(30);
        Runnable fill = () -> {
            chips.getChildren().clear();
            if (model.chosen().isEmpty()) {
                chips.getChildren().add(Ui.hint(Words.get("picker.nobodyChosen")));
            }
            for (String email : model.chosen()) {
                Button remove = new Button("×");
                remove.setId("pickerRemove-" + g + "-" + email);
                remove.getStyleClass().add("chip-remove");
                remove.setAccessibleText(Words.get("picker.remove", email));
                remove.setOnAction(e -> model.remove(email));
                chips.getChildren().add(Chip.of(chips, email, email, remove));
            }
        };
        model.chosen().addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();

        FlowPane now = new FlowPane(6, 6);
        now.setMinWidth(0);
        now.setPrefWrapLength(200);
        now.setId("pickerCurrent-" + g);
        now.getStyleClass().add("chips");
        Runnable fillNow = () -> {
            now.getChildren().clear();
            if (model.current().isEmpty()) {
                now.getChildren().add(Ui.hint(Words.get("picker.nobodyNow")));
            }
            for (Person p : model.current()) {
                boolean out = p.email() != null && model.removals().contains(p.email());
                javafx.scene.control.ToggleButton remove = new javafx.scene.control.ToggleButton(
                        out ? Words.get("picker.keep") : Words.get("picker.takeOut"));
                remove.setId("pickerTakeOut-" + g + "-" + p.email());
                remove.setSelected(out);
                remove.setOnAction(e -> model.toggleRemoval(p));
                // The name only (name and e-mail in the tooltip), the address when there is no name.
                now.getChildren().add(Chip.of(now, p.name() == null || p.name().isBlank() ? p.email() : p.name(),
                        p.toString(), remove, out ? "chip-removed" : "chip-current"));
            }
        };
        model.current().addListener((ListChangeListener<Person>) c -> fillNow.run());
        model.removals().addListener((ListChangeListener<String>) c -> fillNow.run());
        fillNow.run();

        HBox searchRow = new HBox(8, search, add);
        HBox.setHgrow(search, javafx.scene.layout.Priority.ALWAYS);
        getChildren().addAll(Ui.label(null, Words.get("picker.now"), "field-label"), now, searchRow, message, found,
                Ui.label(null, Words.get("picker.chosen"), "field-label"), chips);
    }
}
