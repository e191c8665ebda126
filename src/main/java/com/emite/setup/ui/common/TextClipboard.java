package com.emite.setup.ui.common;

/** Puts plain text on the clipboard. The app uses the system clipboard; tests may use their own. */
@FunctionalInterface
public interface TextClipboard {
    void put(String text);
}
