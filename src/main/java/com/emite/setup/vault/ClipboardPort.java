package com.emite.setup.vault;

import java.util.List;
import java.util.Objects;

/**
 * The system clipboard as {@link SecretClipboard} needs it; the desktop app adapts {@code javafx.scene.input.Clipboard}
 * (this package never imports JavaFX), tests use a fake. Calls arrive on the thread the {@link Ticker} delivers to
 * and on the caller's thread; for JavaFX both must be the FX application thread.
 */
public interface ClipboardPort {
    /**
     * Replaces the clipboard's content with {@code text}, plus each hint as an extra format/MIME type holding its
     * bytes (JavaFX: a {@code DataFormat} per hint, content a {@code ByteBuffer}). Hints a platform does not know are
     * ignored by it, so an adapter may put them all.
     */
    void putText(String text, List<Hint> hints);

    /** The clipboard's text, or null if it holds no text. */
    String getText();

    /** Empties the clipboard. */
    void clear();

    /**
     * An extra clipboard format that marks the content as sensitive for clipboard managers and history.
     *
     * @param format   the clipboard format name (Windows) or MIME type (X11/Wayland) or pasteboard type (macOS)
     * @param platform where the convention is honoured: "windows", "linux" or "mac" (documentation; adapters may
     *                 filter on it)
     * @param data     the bytes to put under that format
     */
    record Hint(String format, String platform, byte[] data) {
        public Hint {
            Objects.requireNonNull(format);
            Objects.requireNonNull(platform);
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hint h && h.format.equals(format) && h.platform.equals(platform)
                    && java.util.Arrays.equals(h.data, data);
        }

        @Override
        public int hashCode() {
            return format.hashCode() * 31 + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Hint[" + format + " (" + platform + "), " + data.length + " bytes]";
        }
    }
}
