package com.emite.setup.ui.about;

import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → About in the main window: the pom's version, the app's licence and the shipped libraries' notices. */
@ExtendWith(ApplicationExtension.class)
class AboutDialogTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.show(stage, dir);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.lookup("#aboutDialog").tryQuery().ifPresent(pane -> robot.interact(() -> pane.getScene().getWindow()
                .hide()));
        UiTestSupport.close(window);
    }

    @Test
    void helpAboutShowsThePomVersionTheLicenceAndEveryShippedLibrarysNotice(FxRobot robot) throws IOException {
        robot.clickOn("Help");
        robot.clickOn("#aboutMenuItem");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("Version " + pomVersion(), robot.lookup("#aboutVersion").queryAs(Label.class).getText());
        @SuppressWarnings("unchecked")
        List<String> notices = robot.lookup("#aboutNotices").queryAs(ListView.class).getItems();
        for (String library : List.of("javafx-controls", "controlsfx", "okhttp-jvm", "okio-jvm", "kotlin-stdlib",
                "gson", "bcprov-jdk18on", "java-keyring")) {
            assertTrue(notices.stream().anyMatch(n -> n.contains(":" + library + ":")), library + " in " + notices);
        }
        assertTrue(notices.stream().anyMatch(n -> n.startsWith("(GPLv2+CE) javafx controls")), notices.toString());
        assertTrue(notices.stream().noneMatch(n -> n.contains("junit") || n.contains("testfx")),
                "test-only libraries are not shipped: " + notices);
        String licence = robot.lookup("#aboutLicence").queryAs(TextArea.class).getText();
        assertEquals(Files.readString(projectDir().resolve("LICENSE")), licence);
    }

    /** Everything in the notices tab reads without scrolling sideways: the hint wraps, each notice wraps. */
    @Test
    void theNoticesWrapInsteadOfScrollingSideways(FxRobot robot) {
        robot.clickOn("Help");
        robot.clickOn("#aboutMenuItem");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#aboutNotices").queryAs(ListView.class);
        boolean sideways = robot.lookup(n -> n instanceof javafx.scene.control.ScrollBar bar
                && bar.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && bar.isVisible()
                && isInside(bar, list)).tryQuery().isPresent();
        assertTrue(!sideways, "the notices scroll sideways");
        javafx.scene.control.Labeled hint = robot.lookup(n -> n instanceof Label l
                && l.getText().startsWith("eMite Setup ships these libraries")).queryAs(Label.class);
        javafx.scene.text.Text shown = (javafx.scene.text.Text) hint.lookup(".text");
        assertEquals(hint.getText(), shown.getText(), "the hint is cut off");
    }

    private static boolean isInside(javafx.scene.Node node, javafx.scene.Node parent) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n == parent) {
                return true;
            }
        }
        return false;
    }

    private static String pomVersion() throws IOException {
        Matcher m = Pattern.compile("<artifactId>emite-setup</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(projectDir().resolve("pom.xml")));
        assertTrue(m.find(), "the pom's version");
        return m.group(1);
    }

    private static Path projectDir() {
        return Path.of(System.getProperty("emite.project.dir", "."));
    }
}
