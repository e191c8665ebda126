package com.emite.setup.ui.groups;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A person in a row of chips: their label and one button. A FlowPane gives each chip its preferred width however
 * narrow the row is, so a long e-mail address ran past the group's card (about 13 px at 1024×700); the chip is held to
 * the row's width instead, its label ends in "…" and the whole text is one hover away. The button keeps its size and
 * the chip its height, so nothing moves under the mouse.
 */
final class Chip {
    private Chip() {
    }

    /** A chip in {@code row} showing {@code text} (whole in the tooltip {@code hover}) with {@code button}. */
    static HBox of(FlowPane row, String text, String hover, Control button, String... styles) {
        Label name = new Label(text);
        name.setMinWidth(0);
        name.setTextOverrun(OverrunStyle.ELLIPSIS);
        name.setTooltip(new Tooltip(hover));
        button.setMinWidth(Region.USE_PREF_SIZE);
        HBox chip = new HBox(4, name, button);
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.setMinWidth(0);
        chip.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            Insets in = row.getInsets();
            // Before the row's first layout its width is 0: no cap then, the first layout sets the real one.
            return row.getWidth() <= 0 ? Double.MAX_VALUE : row.getWidth() - in.getLeft() - in.getRight();
        }, row.widthProperty(), row.insetsProperty()));
        chip.getStyleClass().add("chip");
        chip.getStyleClass().addAll(styles);
        return chip;
    }
}
