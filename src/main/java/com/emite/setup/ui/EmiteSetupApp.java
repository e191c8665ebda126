package com.emite.setup.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The desktop application (issue 2 builds the real window). */
public class EmiteSetupApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("eMite Setup for Genesys Cloud");
        stage.setScene(new Scene(new Label("eMite Setup"), 900, 640));
        stage.show();
    }
}
