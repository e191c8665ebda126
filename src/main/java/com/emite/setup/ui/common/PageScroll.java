package com.emite.setup.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

import java.util.Optional;

/**
 * The scrolling page around a node, in pixels of its content: how far it can scroll, where it is, and scrolling it
 * to a place. A ScrollPane speaks in a value between its min and max; the pages' own scrolling (a link to a part
 * further down, keeping a part where it was on the screen) speaks in pixels.
 */
public final class PageScroll {
    private final ScrollPane scroll;

    private PageScroll(ScrollPane scroll) {
        this.scroll = scroll;
    }

    /** The nearest scrolling page holding {@code n}; empty when there is none or it has no content. */
    public static Optional<PageScroll> around(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return p instanceof ScrollPane scroll && scroll.getContent() != null ? Optional.of(new PageScroll(scroll))
                : Optional.empty();
    }

    /** Lays the page out now, so that the sizes and places below are those of what it shows. */
    public void layout() {
        scroll.applyCss();
        scroll.layout();
    }

    /** How much taller the content is than the view: the farthest it scrolls (0 or less: it does not scroll). */
    public double extra() {
        return scroll.getContent().getLayoutBounds().getHeight() - view();
    }

    /** The height of the view. */
    public double view() {
        return scroll.getViewportBounds().getHeight();
    }

    /** How far down the content is scrolled, in pixels. */
    public double offset() {
        return extra() * (scroll.getVvalue() - scroll.getVmin()) / (scroll.getVmax() - scroll.getVmin());
    }

    /** Scrolls so that the content's pixel {@code y} is at the top of the view, as far as the content goes. */
    public void scrollTo(double y) {
        double extra = extra();
        if (extra > 0) {
            double at = Math.max(0, Math.min(extra, y));
            scroll.setVvalue(scroll.getVmin() + at / extra * (scroll.getVmax() - scroll.getVmin()));
        }
    }

    /** Where {@code n}'s top is in the content. */
    public double top(Node n) {
        return scroll.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
    }

    /** Where {@code n}'s bottom is in the content. */
    public double bottom(Node n) {
        return scroll.getContent().sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMaxY();
    }
}
