package com.emite.setup.bench;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The cold-start yardstick: the smallest JavaFX window (one label, same size as ours). Started as its own JVM by
 * {@link SetupBenchmarkTest}; it prints {@code FIRST_WINDOW_SHOWN} once the stage is shown and exits, exactly as the
 * app does with {@code -Demite.startupProbe=true}.
 */
public class BareFxApp extends Application {

    @Override
    public void start(Stage stage) {
        stage.setTitle("bare");
        stage.setScene(new Scene(new StackPane(new Label("bare")), 1000, 620));
        stage.show();
        System.out.println("FIRST_WINDOW_SHOWN");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }

    /** Main class that does not extend Application (like our Launcher), so the class path launch works. */
    public static final class Main {
        private Main() {
        }

        public static void main(String[] args) {
            Application.launch(BareFxApp.class, args);
        }
    }
}
