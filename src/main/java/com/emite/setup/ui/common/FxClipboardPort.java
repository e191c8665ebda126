package com.emite.setup.ui.common;

import com.emite.setup.vault.ClipboardPort;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JavaFX system clipboard as the vault's {@link ClipboardPort}: plain text, plus the "do not keep this" hints of
 * the platform we run on, each as a custom {@link DataFormat} holding its bytes. Call on the FX thread only.
 */
public final class FxClipboardPort implements ClipboardPort, TextClipboard {
    private static final Logger LOG = Logger.getLogger(FxClipboardPort.class.getName());
    private final String platform;

    public FxClipboardPort() {
        this(platformOf(System.getProperty("os.name", "")));
    }

    FxClipboardPort(String platform) {
        this.platform = platform;
    }

    static String platformOf(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return "windows";
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return "mac";
        }
        return "linux";
    }

    @Override
    public void putText(String text, List<Hint> hints) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        for (Hint h : hints) {
            if (h.platform().equals(platform)) {
                content.put(format(h.format()), ByteBuffer.wrap(h.data()));
            }
        }
        try {
            Clipboard.getSystemClipboard().setContent(content);
        } catch (RuntimeException e) {
            // A clipboard that refuses the extra formats still gets the text: copying must work.
            LOG.log(Level.FINE, "Clipboard refused the sensitive-content hints; putting text only", e);
            ClipboardContent plain = new ClipboardContent();
            plain.putString(text);
            Clipboard.getSystemClipboard().setContent(plain);
        }
    }

    @Override
    public void put(String text) {
        putText(text, List.of());
    }

    @Override
    public String getText() {
        Clipboard c = Clipboard.getSystemClipboard();
        return c.hasString() ? c.getString() : null;
    }

    @Override
    public void clear() {
        Clipboard.getSystemClipboard().clear();
    }

    /** A DataFormat may be made only once per id in a JVM. */
    private static synchronized DataFormat format(String id) {
        DataFormat existing = DataFormat.lookupMimeType(id);
        return existing != null ? existing : new DataFormat(id);
    }
}
