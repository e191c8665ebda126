package com.emite.setup.ui.licences;

import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.ui.common.Ui;
import com.emite.setup.ui.common.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.ToggleSwitch;

/**
 * "Keep licences up to date every day": the switch with the time next to it and, next to the switch, why it cannot be
 * turned on; what the daily run still needs (a sign-in kept in the vault, the vault password in the keychain) under
 * it, and the last run's result. Messages have reserved space, so nothing moves under the mouse.
 */
public final class UpkeepScheduleView {
    private final VBox root;
    private boolean showing;

    public UpkeepScheduleView(LicenceUpkeepModel model) {
        ToggleSwitch daily = new ToggleSwitch(Words.get("upkeep.switch"));
        daily.setId("dailyUpkeepSwitch");
        TextField at = new TextField();
        at.setId("dailyUpkeepTime");
        at.setPrefColumnCount(5);
        at.setPromptText(Words.get("upkeep.timePrompt"));
        at.textProperty().bindBidirectional(model.timeProperty());
        at.disableProperty().bind(model.scheduledProperty().or(model.busyProperty()));
        Label atLabel = new Label(Words.get("upkeep.at"));
        atLabel.setLabelFor(at);
        StringBinding onReason = model.turnOnReason();
        // Off and not ready: the switch is disabled, and the reason stands next to it.
        daily.disableProperty().bind(model.busyProperty().or(model.scheduledProperty().not()
                .and(onReason.isNotEmpty())));
        Label why = Ui.label("dailyUpkeepSwitchReason", "", "message", "reason");
        why.textProperty().bind(Bindings.when(model.scheduledProperty()).then("").otherwise(onReason));
        model.scheduledProperty().addListener((obs, old, on) -> {
            showing = true;
            daily.setSelected(on);
            showing = false;
        });
        daily.selectedProperty().addListener((obs, old, on) -> {
            if (showing || on == model.scheduledProperty().get()) {
                return;
            }
            if (on) {
                model.turnOn();
            } else {
                model.turnOff();
            }
        });
        HBox switchRow = new HBox(10, daily, atLabel, at, why);
        switchRow.setAlignment(Pos.CENTER_LEFT);
        // A long reason (a scheduler's own words) wraps in its own space; the controls keep their full width.
        daily.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        atLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        at.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        why.setWrapText(true);
        why.setMinWidth(0);
        HBox.setHgrow(why, javafx.scene.layout.Priority.ALWAYS);

        Button create = new Button(Words.get("upkeep.create"));
        create.setId("createUpkeepSignInButton");
        StringBinding createReason = model.createReason();
        create.disableProperty().bind(createReason.isNotEmpty());
        create.setOnAction(e -> model.createUpkeepSignIn());
        Label rights = Ui.hint(Words.get("upkeep.createHint", model.upkeepRights()));
        rights.setId("upkeepRights");
        VBox createBox = new VBox(4, Ui.withReason(create, createReason), rights, rotateBox(model));

        Label status = Ui.reserved("dailyUpkeepStatus", model.scheduleTextProperty(), "message");
        Label message = Ui.reserved("dailyUpkeepMessage", model.messageProperty(), "message");
        Label last = Ui.reserved("dailyUpkeepLastRun", model.lastRunProperty(), "message");

        TextField clientId = new TextField();
        clientId.setId("upkeepClientId");
        clientId.setPromptText(Words.get("upkeep.clientIdPrompt"));
        PasswordField secret = new PasswordField();
        secret.setId("upkeepClientSecret");
        secret.setPromptText(Words.get("upkeep.clientSecretPrompt"));
        Button keepSignIn = new Button(Words.get("upkeep.keepSignIn"));
        keepSignIn.setId("keepSignInButton");
        keepSignIn.disableProperty().bind(clientId.textProperty().isEmpty().or(secret.textProperty().isEmpty())
                .or(model.busyProperty()));
        keepSignIn.setOnAction(e -> {
            model.rememberSignIn(clientId.getText(), secret.getText());
            secret.clear();
        });
        Label signInHint = Ui.hint(Words.get("upkeep.signInHintOr"));
        HBox signInRow = new HBox(8, clientId, secret, Ui.withReason(keepSignIn, Bindings.when(
                clientId.textProperty().isEmpty().or(secret.textProperty().isEmpty()))
                .then(Words.get("upkeep.why.typeClient")).otherwise("")));
        signInRow.setAlignment(Pos.CENTER_LEFT);
        VBox signIn = new VBox(4, signInHint, signInRow);
        BooleanBinding vaultOpen = model.vaultOpen();
        Ui.show(signIn, vaultOpen.and(model.signInRememberedProperty().not()));

        PasswordField password = new PasswordField();
        password.setId("upkeepVaultPassword");
        password.setPromptText(Words.get("upkeep.passwordPrompt"));
        Button keepPassword = new Button(Words.get("upkeep.keepPassword"));
        keepPassword.setId("keepPasswordButton");
        keepPassword.disableProperty().bind(password.textProperty().isEmpty().or(model.busyProperty()));
        keepPassword.setOnAction(e -> {
            model.keepPassword(password.getText());
            password.clear();
        });
        HBox passwordRow = new HBox(8, password, Ui.withReason(keepPassword, Bindings.when(
                password.textProperty().isEmpty()).then(Words.get("upkeep.why.typePassword")).otherwise("")));
        passwordRow.setAlignment(Pos.CENTER_LEFT);
        VBox keep = new VBox(4, Ui.hint(Words.get("upkeep.passwordHint")), passwordRow);
        Ui.show(keep, vaultOpen.and(model.passwordKeptProperty().not()));

        root = new VBox(8, Ui.section(Words.get("upkeep.title")), Ui.hint(Words.get("upkeep.intro")), switchRow,
                status, message, last, createBox, signIn, keep);
        root.setId("dailyUpkeep");
    }

    /** "New secret for the upkeep sign-in", once it exists: asks first, then rotates as rotate-secrets does. */
    private Node rotateBox(LicenceUpkeepModel model) {
        UpkeepSecretRotation rotation = model.secretRotation();
        Button rotate = new Button(Words.get("upkeep.rotate"));
        rotate.setId("rotateUpkeepSecretButton");
        StringBinding reason = rotation.reason();
        rotate.disableProperty().bind(reason.isNotEmpty());
        rotate.setOnAction(e -> {
            if (confirmRotation(rotate)) {
                rotation.rotate();
            }
        });
        Label issued = Ui.label("upkeepSecretIssued", "", "hint");
        issued.textProperty().bind(rotation.issuedProperty());
        HBox row = new HBox(8, Ui.withReason(rotate, reason), issued);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, row, Ui.hint(Words.get("upkeep.rotateHint")));
        Ui.show(box, model.upkeepSignInProperty());
        return box;
    }

    private static boolean confirmRotation(Node owner) {
        ButtonType go = new ButtonType(Words.get("upkeep.rotateConfirm"), ButtonBar.ButtonData.OK_DONE);
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Words.get("upkeep.rotateText", UpkeepNeed.CLIENT_NAME),
                go, ButtonType.CANCEL);
        ask.setHeaderText(Words.get("upkeep.rotateHeader"));
        ask.getDialogPane().setId("rotateUpkeepDialog");
        if (owner.getScene() != null) {
            ask.initOwner(owner.getScene().getWindow());
        }
        return ask.showAndWait().filter(b -> b == go).isPresent();
    }

    public Node root() {
        return root;
    }
}
