package com.emite.setup.ui.form;

import com.emite.setup.ui.common.Words;
import com.emite.setup.vault.SecretClipboard;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;

/**
 * The clipboard's line above the client ids and secrets: the countdown after a secret is copied ("Clipboard clears in
 * 28 s" and "Clear clipboard now"), "Clipboard cleared." after it, and before any copy what Copy will do (a copied
 * secret is cleared after 30 s). Its space is always kept, so the clients below never move when Copy is pressed, and
 * it is never a blank band: the line that reserves the space says something useful while idle.
 */
public final class ClipboardLine extends StackPane {
    /** As high as the Clear button, which appears in the line: the line's height never changes. */
    private static final double HEIGHT = 32;

    /**
     * @param countdownId the countdown's id (the idle words get {@code countdownId + "Idle"})
     * @param clearId     the Clear button's id
     */
    public ClipboardLine(FormViewModel model, String countdownId, String clearId) {
        ObservableStringValue countdown = model.countdownProperty();
        BooleanBinding idle = Bindings.createBooleanBinding(() -> countdown.get().isEmpty(), countdown);
        String seconds = String.valueOf(SecretClipboard.DEFAULT_CLEAR_AFTER.toSeconds());
        Label before = new Label(Words.get("form.clipboardIdle", seconds));
        before.setId(countdownId + "Idle");
        before.getStyleClass().add("message");
        before.visibleProperty().bind(idle);

        Label now = new Label();
        now.setId(countdownId);
        now.getStyleClass().addAll("badge", "countdown");
        now.textProperty().bind(countdown);
        now.setAlignment(Pos.CENTER);
        // As wide as its first (widest) count, so the Clear button beside it stays put as the seconds run down.
        String widest = Words.get("form.clipboardClears", seconds);
        now.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Text t = new Text(widest);
            t.setFont(now.getFont());
            return Math.ceil(t.getLayoutBounds().getWidth()) + now.getInsets().getLeft() + now.getInsets().getRight();
        }, now.fontProperty(), now.insetsProperty()));
        Button clear = new Button(Words.get("clients.clearClipboard"));
        clear.setId(clearId);
        clear.setOnAction(e -> model.clearClipboard());
        clear.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> countdown.get().startsWith(Words.get("form.clipboardClears.prefix")), countdown));
        HBox counting = new HBox(10, now, clear);
        counting.setAlignment(Pos.CENTER_LEFT);
        counting.visibleProperty().bind(idle.not());

        // One place for both: the countdown takes the idle words' place instead of appearing beside or under them.
        getChildren().addAll(before, counting);
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        setMinHeight(HEIGHT);
        getStyleClass().add("clipboard-line");
    }
}
