package com.emite.setup.ui.startup;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

import java.util.function.Supplier;

/**
 * A part of a view that is hidden when the window opens and built the first time it is to be shown. JavaFX styles and
 * skins every control in the scene, hidden ones included, before the first frame; a part the admin may never open
 * (the sign-in forms of a real region while the demo sandbox is chosen) then costs start-up time for nothing.
 * Once built, the part stays: later hiding and showing only toggle it, as {@code visible}/{@code managed} did before.
 */
public final class LazyNode {
    private LazyNode() {
    }

    /**
     * A slot that is visible (and takes room) while {@code shown} is true, holding {@code build}'s node from the first
     * time {@code shown} is true: at once if it already is.
     */
    public static Node when(ObservableBooleanValue shown, Supplier<? extends Node> build) {
        StackPane slot = new StackPane();
        slot.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        slot.visibleProperty().bind(shown);
        slot.managedProperty().bind(shown);
        onFirst(shown, () -> slot.getChildren().add(build.get()));
        return slot;
    }

    /**
     * Runs {@code action} once: at once if {@code shown} is already true, else the first time it becomes true (for a
     * part that keeps its room while hidden, where {@link #when} would give it up).
     */
    public static void onFirst(ObservableBooleanValue shown, Runnable action) {
        if (shown.get()) {
            action.run();
            return;
        }
        shown.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    obs.removeListener(this);
                    action.run();
                }
            }
        });
    }
}
