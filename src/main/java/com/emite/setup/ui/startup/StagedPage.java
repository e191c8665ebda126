package com.emite.setup.ui.startup;

import javafx.animation.AnimationTimer;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Shows a long page over a few pulses the first time it appears (issue #10: the FX thread never stalls over 100 ms).
 * JavaFX styles, skins and lays out every new node in the pulse after it joins the scene: the Review &amp; apply page
 * (500 nodes once skinned, its text fields and lists) took ~120 ms of FX-thread work in one pulse. Here the page
 * keeps its first parts, up to {@link #NODES_PER_PULSE}, and the rest is put back in its own order, about that much
 * per pulse (at least one part), so the page is complete a few frames after it was asked for, top first.
 * <p>Only plain layout boxes ({@code VBox}, {@code HBox}, {@code GridPane}, exactly those classes) are taken apart,
 * and a box whose children someone else changes meanwhile (a view rebuilding its rows for a new plan) is left as that
 * view made it: what was still waiting for it is dropped.
 */
public final class StagedPage {
    /**
     * About what the FX thread styles, skins and lays out in 30-60 ms on first showing (the Review &amp; apply page,
     * ~75 controls, took ~120 ms at once; measured with C1 at load ~10), counting a control as {@value #CONTROL_WEIGHT}.
     */
    public static final int NODES_PER_PULSE = 80;
    static final int CONTROL_WEIGHT = 5;
    private static final Object STAGING = new Object();

    private record Waiting(Pane parent, Node child) {
    }

    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Map<Pane, Boolean> changedByOthers = new IdentityHashMap<>();
    private final Map<Pane, ListChangeListener<Node>> watchers = new IdentityHashMap<>();
    private boolean adding;

    private StagedPage() {
    }

    /**
     * Stages {@code content} when it is a scroll pane over a box with more than {@link #NODES_PER_PULSE} nodes; else
     * leaves it whole. Call before it joins the scene.
     */
    public static void stage(Node content) {
        if (!(content instanceof ScrollPane scroll) || !(scroll.getContent() instanceof Pane page)
                || !takeApart(page) || count(page) <= NODES_PER_PULSE) {
            return;
        }
        StagedPage staged = new StagedPage();
        staged.queue(page);
        staged.addUpToBudget();
        if (staged.waiting.isEmpty()) {
            staged.unwatch();
            return;
        }
        content.getProperties().put(STAGING, Boolean.TRUE);
        new AnimationTimer() {
            @Override
            public void handle(long now) { // at the start of a pulse: what it adds is styled in this same pulse
                staged.addUpToBudget();
                if (staged.waiting.isEmpty()) {
                    stop();
                    staged.unwatch();
                    content.getProperties().remove(STAGING);
                }
            }
        }.start();
    }

    /** True unless {@code content} is still adding its parts (tests wait for the whole page, as a person's eye does). */
    public static boolean complete(Node content) {
        return content == null || !content.getProperties().containsKey(STAGING);
    }

    /** Empties {@code box} into the queue; a child too big for one pulse is itself emptied after it, recursively. */
    private void queue(Pane box) {
        var children = new java.util.ArrayList<>(box.getChildren());
        box.getChildren().clear();
        ListChangeListener<Node> watcher = c -> {
            if (!adding) {
                changedByOthers.put(box, Boolean.TRUE);
            }
        };
        box.getChildren().addListener(watcher);
        watchers.put(box, watcher);
        for (Node child : children) {
            if (child instanceof Pane inner && takeApart(inner) && count(inner) > NODES_PER_PULSE) {
                waiting.add(new Waiting(box, inner));
                queue(inner);
            } else {
                waiting.add(new Waiting(box, child));
            }
        }
    }

    private static boolean takeApart(Pane p) {
        Class<?> c = p.getClass();
        return c == VBox.class || c == HBox.class || c == GridPane.class;
    }

    private void addUpToBudget() {
        int budget = NODES_PER_PULSE;
        adding = true;
        try {
            do {
                Waiting next = waiting.poll();
                budget -= count(next.child());
                if (!changedByOthers.containsKey(next.parent()) && next.child().getParent() == null) {
                    next.parent().getChildren().add(next.child());
                }
            } while (!waiting.isEmpty() && count(waiting.peek().child()) <= budget);
        } finally {
            adding = false;
        }
    }

    private void unwatch() {
        watchers.forEach((box, watcher) -> box.getChildren().removeListener(watcher));
        watchers.clear();
    }

    /**
     * What a node costs its first pulse, roughly: a control (its skin's nodes are not there yet) as
     * {@value #CONTROL_WEIGHT} plain nodes.
     */
    private static int count(Node n) {
        int c = n instanceof Control ? CONTROL_WEIGHT : 1;
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                c += count(child);
            }
        }
        return c;
    }
}
