package com.emite.setup.ui;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import javafx.util.Duration;

/**
 * The app with a probe for the installed-app test and the packaged cold-start benchmark, started only when
 * {@code -Demite.probe} is set ({@link DesktopMain}); the normal app never loads it.
 * <ul>
 *   <li>{@code -Demite.probe=window}: prints {@value #FIRST_WINDOW} once the first window is shown, and exits.</li>
 *   <li>{@code -Demite.probe=demo}: the same line, then presses Sign in on the demo sandbox (as the admin would),
 *   prints {@value #SIGNED_IN} once the org's name shows, and exits 0; on an error or after
 *   {@link #SIGN_IN_TIMEOUT} it prints {@value #FAILED} with the reason and exits 1.</li>
 * </ul>
 * It exits with {@code System.exit}, not a halt, so that {@code -XX:DumpLoadedClassList} (the AppCDS training run
 * of {@code packaging/build.sh}) completes.
 */
public final class ProbedApp extends EmiteSetupApp {
    static final String PROPERTY = "emite.probe";
    /** The same line as the benchmark's bare window ({@code BareFxApp}) and {@code -Demite.startupProbe}. */
    public static final String FIRST_WINDOW = "FIRST_WINDOW_SHOWN";
    public static final String SIGNED_IN = "EMITE_PROBE demo-signed-in";
    public static final String FAILED = "EMITE_PROBE failed:";
    static final Duration SIGN_IN_TIMEOUT = Duration.seconds(90);

    private boolean shown;

    static boolean requested() {
        String p = System.getProperty(PROPERTY);
        return p != null && !p.isBlank();
    }

    @Override
    public void start(Stage stage) {
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> {
            if (!shown) {
                shown = true;
                firstWindow(stage.getScene());
            }
        });
        super.start(stage);
    }

    private void firstWindow(Scene scene) {
        say(FIRST_WINDOW);
        if (!"demo".equals(System.getProperty(PROPERTY))) {
            exit(0);
            return;
        }
        // After this pulse, so that the window has laid out its controls.
        Platform.runLater(() -> signInToDemo(scene));
    }

    private void signInToDemo(Scene scene) {
        Node button = scene.lookup("#signInButton");
        Node org = scene.lookup("#orgNameLabel");
        if (!(button instanceof ButtonBase signIn) || !(org instanceof Labeled orgName)) {
            fail("the Connect tab has no #signInButton or #orgNameLabel");
            return;
        }
        if (signIn.isDisabled()) {
            fail("Sign in is disabled on the demo sandbox");
            return;
        }
        orgName.textProperty().addListener((ObservableValue<? extends String> obs, String old, String name) -> {
            if (name != null && !name.isBlank()) {
                say(SIGNED_IN + " org=" + name);
                exit(0);
            }
        });
        Node error = scene.lookup("#signInError");
        if (error != null) {
            error.visibleProperty().addListener((obs, was, visible) -> {
                if (visible) {
                    Node status = scene.lookup("#signInStatus");
                    fail("sign-in showed an error" + (status instanceof Labeled l ? ": " + l.getText() : ""));
                }
            });
        }
        PauseTransition timeout = new PauseTransition(SIGN_IN_TIMEOUT);
        timeout.setOnFinished(e -> fail("no org name within " + SIGN_IN_TIMEOUT.toSeconds() + " s"));
        timeout.play();
        signIn.fire();
    }

    private static void fail(String why) {
        say(FAILED + " " + why);
        exit(1);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void exit(int code) {
        // Off the FX thread: System.exit waits for shutdown hooks, and the toolkit's own hook needs the FX thread.
        Thread t = new Thread(() -> System.exit(code), "emite-probe-exit");
        t.start();
    }
}
