package com.emite.setup.ui.common;

import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.util.Duration;

import java.util.function.Supplier;

/** A "Copy" button that says "Copied" for two seconds after it put its text on the clipboard. Same width in both. */
public final class CopyButton extends Button {
    public static final Duration COPIED_FOR = Duration.seconds(2);

    public CopyButton(String id, TextClipboard clipboard, Supplier<String> text) {
        this(id, () -> {
            String t = text.get();
            if (t != null) {
                clipboard.put(t);
            }
        });
    }

    /** For copies that go through something else (the secret clipboard with its countdown). */
    public CopyButton(String id, Runnable copy) {
        super(Words.get("copy"));
        setId(id);
        setMinWidth(76);
        PauseTransition back = new PauseTransition(COPIED_FOR);
        back.setOnFinished(e -> setText(Words.get("copy")));
        setOnAction(e -> {
            copy.run();
            setText(Words.get("copied"));
            back.playFromStart();
        });
    }
}
