package com.emite.setup.ui.apply;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scrolls the page as little as it takes to show apply's question: its buttons in view first, then as much of the
 * question above them as fits. A page that already shows it does not move, and the list of changes above stays in
 * view as far as it can (the question no longer repeats it). Before, the page always put the Apply section at the
 * top of the view, moving everything under the mouse and the list out of sight.
 */
final class QuestionInView {
    /** Air under the buttons, so they do not touch the view's edge. */
    private static final double MARGIN = 12;

    private QuestionInView() {
    }

    /**
     * Runs {@code change} (which shows or hides parts of the page) and scrolls the page so that {@code anchor} stays
     * where it was on the screen: "Back to the plan" hides the question, and the page under the mouse jumped to its
     * end (the focused button vanished and the page scrolled to wherever the keyboard went next).
     */
    static void keep(Node anchor, Runnable change) {
        ScrollPane scroll = scrollOf(anchor);
        if (scroll == null) {
            change.run();
            return;
        }
        double before = anchor.localToScene(anchor.getBoundsInLocal()).getMinY();
        change.run();
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (extra <= 0) {
            return;
        }
        double range = scroll.getVmax() - scroll.getVmin();
        double now = extra * (scroll.getVvalue() - scroll.getVmin()) / range;
        double after = anchor.localToScene(anchor.getBoundsInLocal()).getMinY();
        double at = Math.max(0, Math.min(extra, now + after - before));
        scroll.setVvalue(scroll.getVmin() + at / extra * range);
    }

    private static ScrollPane scrollOf(Node n) {
        Node p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) {
            p = p.getParent();
        }
        return p instanceof ScrollPane scroll && scroll.getContent() != null ? scroll : null;
    }

    /** @param top where the question starts; @param bottom its last row (the buttons) */
    static void show(Node top, Node bottom) {
        ScrollPane scroll = scrollOf(top);
        if (scroll == null) {
            return;
        }
        scroll.applyCss();
        scroll.layout();
        Node content = scroll.getContent();
        double extra = content.getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
        if (extra <= 0) {
            return;
        }
        double view = scroll.getViewportBounds().getHeight();
        double range = scroll.getVmax() - scroll.getVmin();
        double now = extra * (scroll.getVvalue() - scroll.getVmin()) / range;
        double questionTop = content.sceneToLocal(top.localToScene(top.getBoundsInLocal())).getMinY();
        double buttonsBottom = content.sceneToLocal(bottom.localToScene(bottom.getBoundsInLocal())).getMaxY();
        double lowest = buttonsBottom + MARGIN - view; // the least scroll that shows the buttons
        double highest = questionTop;                   // the most scroll that still shows the question's top
        double at = lowest > highest ? lowest : Math.max(lowest, Math.min(highest, now));
        at = Math.max(0, Math.min(extra, at));
        if (Math.abs(at - now) >= 0.5) {
            scroll.setVvalue(scroll.getVmin() + at / extra * range);
        }
    }
}
