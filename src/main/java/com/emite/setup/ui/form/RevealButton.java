package com.emite.setup.ui.form;

import com.emite.setup.ui.common.Words;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ToggleButton;

/**
 * Reveal / Hide for one client's secret, on the form and on the client cards alike: revealing a secret the window does
 * not hold yet opens the vault first (then shows it); the button follows the row when something else hides it.
 */
public final class RevealButton extends ToggleButton {

    public RevealButton(String id, ClientRow row, FormViewModel model, FormView.Actions actions) {
        setId(id);
        textProperty().bind(Bindings.when(row.revealedProperty()).then(Words.get("hide"))
                .otherwise(Words.get("reveal")));
        setSelected(row.revealedProperty().get());
        setDisable(row.clientId() == null);
        setOnAction(e -> {
            boolean on = isSelected();
            if (on && row.secretProperty().get() == null && !model.vaultOpenProperty().get()) {
                setSelected(false);
                actions.withVault(() -> row.revealedProperty().set(true));
            } else {
                row.revealedProperty().set(on);
            }
        });
        row.revealedProperty().addListener((obs, old, now) -> setSelected(now));
    }
}
