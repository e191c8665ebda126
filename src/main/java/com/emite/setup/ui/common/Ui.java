package com.emite.setup.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The small view helpers every tab uses: labels by style, show/hide, reserved message space, a page. */
public final class Ui {
    private Ui() {
    }

    /** A wrapping label with an id (may be null) and style classes. */
    public static Label label(String id, String text, String... styles) {
        Label l = new Label(text);
        if (id != null) {
            l.setId(id);
        }
        l.setWrapText(true);
        l.getStyleClass().addAll(styles);
        return l;
    }

    public static Label title(String text) {
        return label(null, text, "page-title");
    }

    public static Label intro(String text) {
        return label(null, text, "page-intro");
    }

    public static Label section(String text) {
        return label(null, text, "section-title");
    }

    public static Label hint(String text) {
        return label(null, text, "message");
    }

    /** A field the admin can select and copy from but not change (ids, secrets, addresses). */
    public static TextField readOnlyField(String id) {
        TextField f = new TextField();
        f.setId(id);
        f.setEditable(false);
        f.getStyleClass().add("read-only-field");
        return f;
    }

    /** Shown and laid out only while {@code when} holds (for whole blocks that appear in a new place). */
    public static void show(Node node, ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }

    /**
     * A message line whose space is always kept, so nothing below it moves when it appears or changes. It is one
     * line high at least; longer text wraps into the space under it.
     */
    public static Label reserved(String id, ObservableValue<String> text, String... styles) {
        Label l = label(id, "", styles);
        l.textProperty().bind(text);
        l.setMinHeight(20);
        return l;
    }

    /** A button and, next to it, the reason it is disabled (empty when enabled): the reason never goes off-screen. */
    public static HBox withReason(Button button, ObservableValue<String> reason) {
        Label why = label(button.getId() == null ? null : button.getId() + "Reason", "", "message", "reason");
        why.textProperty().bind(reason);
        HBox row = new HBox(10, button, why);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A scrolling page with the standard padding. */
    public static ScrollPane page(String id, Node... children) {
        VBox page = new VBox(14, children);
        page.getStyleClass().add("page");
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("page-scroll");
        scroll.setId(id);
        return scroll;
    }

    /**
     * Scrolls the scrolling page around {@code target} so that its top is at the top of the view (as far as the page
     * goes), then puts the keyboard focus on its first control: what a link to a part further down the same page
     * does ("Open the Integration Details Form" after an apply).
     */
    public static void bringIntoView(Node target) {
        PageScroll.around(target).ifPresent(page -> {
            page.layout();
            page.scrollTo(page.top(target));
        });
        firstControl(target).ifPresent(Node::requestFocus);
    }

    private static java.util.Optional<Node> firstControl(Node n) {
        if (!n.isVisible() || n.isDisabled()) {
            return java.util.Optional.empty();
        }
        if (n.isFocusTraversable()) {
            return java.util.Optional.of(n);
        }
        if (n instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                java.util.Optional<Node> found = firstControl(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A list on a scrolling page keeps the mouse wheel to itself while it has more lines than it shows: at its first or
     * last line the wheel stops there instead of scrolling the page under it (which moved the list away from the mouse
     * and brought whatever came next under it). A list that shows all its lines lets the wheel scroll the page.
     */
    public static <T extends javafx.scene.control.Control> T ownWheel(T list) {
        list.addEventHandler(javafx.scene.input.ScrollEvent.SCROLL, e -> {
            if (scrollsVertically(list)) {
                e.consume();
            }
        });
        return list;
    }

    private static boolean scrollsVertically(Node control) {
        for (Node n : control.lookupAll(".scroll-bar")) {
            if (n instanceof javafx.scene.control.ScrollBar bar
                    && bar.getOrientation() == javafx.geometry.Orientation.VERTICAL && bar.isVisible()
                    && bar.getMax() > bar.getMin() && bar.getVisibleAmount() < bar.getMax() - bar.getMin()) {
                return true;
            }
        }
        return false;
    }
}
