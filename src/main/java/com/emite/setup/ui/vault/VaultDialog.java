package com.emite.setup.ui.vault;

import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.common.ErrorPanel;
import com.emite.setup.ui.common.TextClipboard;
import com.emite.setup.vault.PasswordStrength;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * The vault window: "Create your vault" (new master password twice, a strength bar and hint) or "Open your vault". A thin view
 * over {@link VaultDialogViewModel}; closes itself once the vault is open and then runs the given action.
 */
public final class VaultDialog {
    private final VaultDialogViewModel model;
    private final Stage stage = new Stage();

    public VaultDialog(VaultDialogViewModel model, Window owner, List<String> stylesheets, TextClipboard clipboard) {
        this.model = model;
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Words.get("vault.windowTitle"));
        Scene scene = new Scene(build(clipboard), 560, 460);
        scene.getStylesheets().setAll(stylesheets);
        stage.setScene(scene);
    }

    /** Shows the window; {@code then} runs once the vault is open. */
    public void show(Runnable then) {
        model.doneProperty().addListener((obs, old, done) -> {
            if (done) {
                stage.close();
                then.run();
            }
        });
        stage.show();
        model.look();
    }

    public Stage stage() {
        return stage;
    }

    private VBox build(TextClipboard clipboard) {
        BooleanExpression creating = model.modeProperty().isEqualTo(VaultDialogViewModel.Mode.CREATE);
        BooleanExpression unlocking = model.modeProperty().isEqualTo(VaultDialogViewModel.Mode.UNLOCK);

        Label title = new Label();
        title.setId("vaultTitle");
        title.getStyleClass().add("page-title");
        title.textProperty().bind(Bindings.when(creating).then(Words.get("vault.createTitle"))
                .otherwise(Bindings.when(unlocking).then(Words.get("vault.openTitle")).otherwise(
                        Words.get("vault.title"))));
        Label intro = new Label();
        intro.setWrapText(true);
        intro.getStyleClass().add("page-intro");
        intro.textProperty().bind(Bindings.when(creating)
                .then(Words.get("vault.createIntro"))
                .otherwise(Words.get("vault.openIntro")));
        Label file = new Label(Words.get("vault.file", model.file()));
        file.setId("vaultFile");
        file.setWrapText(true);
        file.getStyleClass().add("message");

        PasswordField password = new PasswordField();
        password.setId("vaultPassword");
        password.setPromptText(Words.get("vault.passwordPrompt"));
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.disableProperty().bind(model.busyProperty());
        Label strength = new Label();
        strength.setId("vaultStrength");
        strength.getStyleClass().add("message");
        strength.setWrapText(true);
        // Two lines kept from the start: the hint appears with the first key typed, and the field under it must not
        // move then (a click aimed at "the same password again" landed in the first field again).
        strength.minHeightProperty().bind(Bindings.createDoubleBinding(() -> 2.8 * strength.getFont().getSize(),
                strength.fontProperty()));
        strength.textProperty().bind(Bindings.createStringBinding(() -> model.strengthProperty().get().hint(),
                model.strengthProperty()));
        ProgressBar bar = new ProgressBar(0);
        bar.setId("vaultStrengthBar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.setFocusTraversable(false);
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> model.strengthProperty().get().fill(),
                model.strengthProperty()));
        bar.accessibleTextProperty().bind(Bindings.createStringBinding(() -> Words.get("vault.strength",
                Words.get("vault.strength." + model.strengthProperty().get().name())),
                model.strengthProperty()));
        model.strengthProperty().addListener((obs, old, s) -> {
            style(strength, s);
            // The bar's colour inline: the shared stylesheet has no strength colours and belongs to the window.
            bar.setStyle(switch (s) {
                case STRONG -> "-fx-accent: #2e7d32;";
                case FAIR -> "-fx-accent: #f9a825;";
                case WEAK, TOO_SHORT -> "-fx-accent: #c62828;";
                default -> "";
            });
        });
        VBox strengthBox = new VBox(4, bar, strength);
        show(strengthBox, creating);

        PasswordField repeat = new PasswordField();
        repeat.setId("vaultPasswordRepeat");
        repeat.setPromptText(Words.get("vault.repeatPrompt"));
        repeat.textProperty().bindBidirectional(model.repeatProperty());
        repeat.disableProperty().bind(model.busyProperty());
        Label repeatHint = new Label();
        repeatHint.setId("vaultRepeatHint");
        repeatHint.getStyleClass().add("message");
        repeatHint.textProperty().bind(model.repeatHintProperty());
        // Every field has a label a screen reader names it by (the prompt text goes once the first key is typed).
        Label repeatLabel = com.emite.setup.ui.common.Ui.label("vaultRepeatLabel", Words.get("vault.repeatLabel"),
                "field-label");
        repeatLabel.setLabelFor(repeat);
        VBox repeatBox = new VBox(4, repeatLabel, repeat, repeatHint);
        show(repeatBox, creating);

        // Built when the key derivation first runs: a hidden spinner still costs the dialog's first frame its styling.
        Node busyRow = com.emite.setup.ui.startup.LazyNode.when(model.busyProperty(), () -> {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setPrefSize(18, 18);
            Label busy = new Label();
            busy.setId("vaultBusy");
            busy.getStyleClass().add("message");
            busy.setWrapText(true);
            busy.textProperty().bind(model.busyTextProperty());
            HBox row = new HBox(8, spinner, busy);
            row.setAlignment(Pos.CENTER_LEFT);
            return row;
        });

        ErrorPanel error = new ErrorPanel("vaultError", model.problemProperty(), clipboard);

        Button submit = new Button();
        submit.setId("vaultSubmitButton");
        submit.getStyleClass().add("accent");
        submit.setDefaultButton(true);
        submit.textProperty().bind(Bindings.when(creating).then(Words.get("vault.create")).otherwise(Words.get("vault.open")));
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(e -> model.submit());
        Button restore = new Button(Words.get("vault.restore"));
        restore.setId("vaultRestoreButton");
        restore.setOnAction(e -> model.restoreBackup());
        show(restore, model.backupOfferedProperty());
        Button cancel = new Button(Words.get("vault.notNow"));
        cancel.setId("vaultCancelButton");
        cancel.setCancelButton(true);
        cancel.disableProperty().bind(model.busyProperty());
        cancel.setOnAction(e -> stage.close());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, gap, restore, cancel, submit);

        Label passwordLabel = com.emite.setup.ui.common.Ui.label("vaultPasswordLabel", Words.get("vault.passwordLabel"),
                "field-label");
        passwordLabel.setLabelFor(password);
        VBox passwordBox = new VBox(4, passwordLabel, password);
        VBox page = new VBox(10, title, intro, file, passwordBox, strengthBox, repeatBox, busyRow, error, buttons);
        page.getStyleClass().add("page");
        page.setId("vaultDialog");
        return page;
    }

    private static void style(Label label, PasswordStrength s) {
        label.getStyleClass().removeAll("ok", "warning", "error");
        switch (s) {
            case STRONG -> label.getStyleClass().add("ok");
            case FAIR -> label.getStyleClass().add("warning");  // accepted, but could be stronger
            case WEAK, TOO_SHORT -> label.getStyleClass().add("error");
            default -> {
            }
        }
    }

    private static void show(Node node, BooleanExpression when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
