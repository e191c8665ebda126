package com.emite.setup.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The desktop application: one window, a tab per step, starting on the built-in sandbox. */
public class EmiteSetupApp extends Application {
    public static final String TITLE = "eMite Setup for Genesys Cloud";
    static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        AppContext ctx = AppContext.standard(getHostServices());
        window = new MainWindow(ctx);
        stage.setTitle(TITLE);
        stage.setScene(window.scene());
        window.install(stage);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        startupProbe();
        // Decoding six icon sizes is decoration, and opening the launch log (a logging set-up, a folder and a file) is
        // work the first window need not wait for: both come just after the first frame rather than competing with it
        // for the two cores before it.
        Platform.runLater(() -> {
            com.emite.setup.ui.startup.Prewarm.launchLog(ctx.dataDir());
            stage.getIcons().setAll(icons());
        });
    }

    /**
     * Diagnostic for the cold-start benchmark ({@code -Demite.startupProbe=true}): once the first window is shown,
     * print {@code FIRST_WINDOW_SHOWN} and exit. Does nothing when the property is unset.
     */
    static void startupProbe() {
        if (Boolean.getBoolean("emite.startupProbe")) {
            System.out.println("FIRST_WINDOW_SHOWN");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }

    public static String stylesheet() {
        return EmiteSetupApp.class.getResource("app.css").toExternalForm();
    }

    /** The app icon in every size shipped; the window system picks the best. */
    public static List<Image> icons() {
        List<Image> images = new ArrayList<>();
        for (int size : ICON_SIZES) {
            try (InputStream in = EmiteSetupApp.class.getResourceAsStream("icons/icon-" + size + ".png")) {
                if (in != null) {
                    images.add(new Image(in));
                }
            } catch (java.io.IOException e) {
                // An icon is decoration: a missing one must not stop the app.
            }
        }
        return images;
    }
}
