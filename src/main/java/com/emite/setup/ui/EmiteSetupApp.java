package com.emite.setup.ui;

import com.emite.setup.ui.connect.ConnectView;
import com.emite.setup.ui.connect.ConnectViewModel;
import com.emite.setup.ui.connect.TextClipboard;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.image.Image;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** The desktop application: one window, a tab per step. Issue 2 builds the Connect tab; later issues add the rest. */
public class EmiteSetupApp extends Application {
    public static final String TITLE = "eMite Setup for Genesys Cloud";
    static final int[] ICON_SIZES = {16, 32, 48, 64, 128, 256};

    @Override
    public void start(Stage stage) {
        stage.setTitle(TITLE);
        stage.getIcons().setAll(icons());
        stage.setScene(createScene(ConnectViewModel.standard(systemClipboard())));
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        stage.show();
        startupProbe();
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

    /** The window's content for a given Connect model (tests build it with their own clipboard). */
    public static Scene createScene(ConnectViewModel connect) {
        Tab connectTab = new Tab("Connect", new ConnectView(connect).root());
        connectTab.setId("connectTab");
        connectTab.setClosable(false);
        TabPane tabs = new TabPane(connectTab);
        tabs.setId("mainTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        Scene scene = new Scene(tabs, 1000, 620);
        scene.getStylesheets().add(stylesheet());
        return scene;
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

    /** The system clipboard; must be used on the FX thread (Copy is a button action, so it is). */
    public static TextClipboard systemClipboard() {
        return text -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text);
            Clipboard.getSystemClipboard().setContent(content);
        };
    }
}
