package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.PageScroll;
import javafx.scene.Node;

import java.util.Optional;

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
        Optional<PageScroll> found = PageScroll.around(anchor);
        if (found.isEmpty()) {
            change.run();
            return;
        }
        PageScroll page = found.get();
        double before = sceneTop(anchor);
        change.run();
        page.layout();
        if (page.extra() > 0) {
            page.scrollTo(page.offset() + sceneTop(anchor) - before);
        }
    }

    private static double sceneTop(Node n) {
        return n.localToScene(n.getBoundsInLocal()).getMinY();
    }

    /** @param top where the question starts; @param bottom its last row (the buttons) */
    static void show(Node top, Node bottom) {
        PageScroll.around(top).ifPresent(page -> {
            page.layout();
            double extra = page.extra();
            if (extra <= 0) {
                return;
            }
            double now = page.offset();
            double lowest = page.bottom(bottom) + MARGIN - page.view(); // the least scroll that shows the buttons
            double highest = page.top(top);                             // the most that still shows the question's top
            double at = lowest > highest ? lowest : Math.max(lowest, Math.min(highest, now));
            at = Math.max(0, Math.min(extra, at));
            if (Math.abs(at - now) >= 0.5) {
                page.scrollTo(at);
            }
        });
    }
}
