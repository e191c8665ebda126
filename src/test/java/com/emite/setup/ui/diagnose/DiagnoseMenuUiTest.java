package com.emite.setup.ui.diagnose;

import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → Diagnose against the demo org over HTTP: the lines, nothing differs, nothing written, the JSON kept. */
@ExtendWith(ApplicationExtension.class)
class DiagnoseMenuUiTest {
    @TempDir
    static Path dir;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = UiTestSupport.show(stage, dir);
    }

    @AfterEach
    void stop(FxRobot robot) throws Exception {
        robot.lookup("#diagnoseDialog").tryQuery().ifPresent(pane -> robot.interact(() -> pane.getScene()
                .getWindow().hide()));
        UiTestSupport.close(window);
    }

    @Test
    void helpDiagnoseShowsALinePerChoiceAndKeepsTheJson(FxRobot robot) throws Exception {
        UiTestSupport.signInToSandbox(robot, window);
        long writes = UiTestSupport.sandbox(window).stats().writes();
        robot.clickOn("Help");
        robot.clickOn("#diagnoseMenu");
        UiTestSupport.waitUntil("the diagnosis", () -> UiTestSupport.shown(robot, "#diagnoseText"));

        String text = robot.lookup("#diagnoseText").queryAs(TextArea.class).getText();
        assertTrue(text.contains("held") && text.contains("USER_SEARCH_EMAIL_FIELD"), text);
        assertTrue(text.contains(" 0 differ"), text);
        long searches = UiTestSupport.sandbox(window).stats().perRoute().entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST ") && e.getKey().endsWith("/search"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        assertEquals(writes + searches, UiTestSupport.sandbox(window).stats().writes(), "reads only");
        try (Stream<Path> kept = Files.list(dir.resolve("diagnose"))) {
            assertEquals(1, kept.count());
        }
    }
}
