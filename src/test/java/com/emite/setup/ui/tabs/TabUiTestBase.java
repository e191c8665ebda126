package com.emite.setup.ui.tabs;

import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/** A fresh window per test over the lag-free demo org, with its own data folder. */
@ExtendWith(ApplicationExtension.class)
abstract class TabUiTestBase {
    Path dataDir;
    MainWindow window;
    Stage stage;

    /** Call from the test class's own {@code @Start} method (TestFX looks only at the class's declared methods). */
    void open(Stage s) throws java.io.IOException {
        // Made here, not by @TempDir: the window is built before JUnit injects fields into the test instance.
        dataDir = ScratchDirs.create("emite-ui-tab");
        stage = s;
        window = UiTestSupport.show(s, dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    /** The prepared start of every tab test: signed in to the demo org and checked. */
    void signedInAndChecked(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
    }
}
