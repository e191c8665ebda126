package com.emite.setup.ui;

import javafx.application.Application;

/** Starts the JavaFX desktop app ({@link ProbedApp} instead when the installed-app test asks for its probe). */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void launch(String[] args) {
        OutOfMemoryDialog.install();
        // While the toolkit starts (a few hundred ms in which the FX thread cannot build anything yet).
        com.emite.setup.ui.startup.Prewarm.start();
        Application.launch(ProbedApp.requested() ? ProbedApp.class : EmiteSetupApp.class, args);
    }
}
