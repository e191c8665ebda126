package com.emite.setup.ui;

import javafx.application.Application;

/** Starts the JavaFX desktop app ({@link ProbedApp} instead when the installed-app test asks for its probe). */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void launch(String[] args) {
        OutOfMemoryDialog.install();
        Application.launch(ProbedApp.requested() ? ProbedApp.class : EmiteSetupApp.class, args);
    }
}
