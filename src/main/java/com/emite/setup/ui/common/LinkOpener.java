package com.emite.setup.ui.common;

/** Opens an address in the system browser; the app passes {@code HostServices::showDocument}, tests record it. */
@FunctionalInterface
public interface LinkOpener {
    void open(String address);
}
