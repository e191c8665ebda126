package com.emite.setup.ui.startup;

import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LazyNodeTest {

    @Test
    void aHiddenPartIsBuiltTheFirstTimeItIsShownAndOnlyThen() {
        SimpleBooleanProperty shown = new SimpleBooleanProperty(false);
        AtomicInteger builds = new AtomicInteger();
        Region part = new Region();
        Node slot = LazyNode.when(shown, () -> {
            builds.incrementAndGet();
            return part;
        });
        assertEquals(0, builds.get(), "nothing is built while hidden");
        assertFalse(slot.isVisible());
        assertFalse(slot.isManaged(), "a hidden slot takes no room");

        shown.set(true);
        assertEquals(1, builds.get());
        assertTrue(slot.isVisible());
        assertSame(part, ((Pane) slot).getChildrenUnmodifiable().get(0));

        shown.set(false);
        shown.set(true);
        assertEquals(1, builds.get(), "built once, then only shown and hidden");
        assertEquals(1, ((Pane) slot).getChildrenUnmodifiable().size());
    }

    @Test
    void aPartShownFromTheStartIsBuiltAtOnce() {
        AtomicInteger builds = new AtomicInteger();
        Node slot = LazyNode.when(new SimpleBooleanProperty(true), () -> {
            builds.incrementAndGet();
            return new Region();
        });
        assertEquals(1, builds.get());
        assertTrue(slot.isVisible());
        assertEquals(1, ((Pane) slot).getChildrenUnmodifiable().size());
    }
}
