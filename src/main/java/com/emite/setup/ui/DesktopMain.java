package com.emite.setup.ui;

import javafx.application.Application;

/** Starts the JavaFX desktop app. */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void launch(String[] args) {
        Application.launch(EmiteSetupApp.class, args);
    }
}
