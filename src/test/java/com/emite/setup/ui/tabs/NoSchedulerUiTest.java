package com.emite.setup.ui.tabs;

import com.emite.setup.testing.MemoryKeychain;

import com.emite.setup.schedule.EntryFile;
import com.emite.setup.schedule.OsScheduler;
import com.emite.setup.schedule.Schedule;
import com.emite.setup.schedule.ScheduleException;
import com.emite.setup.schedule.ScheduleStatus;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.licences.UpkeepPorts;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static com.emite.setup.ui.UiTestSupport.text;
import static com.emite.setup.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A computer with no scheduler we can use (no systemd user session, no cron — seen in a real window under Xvfb): the
 * Licences tab still counts the agents, says the scheduler's own words next to the disabled daily switch, and shows no
 * "something unexpected went wrong".
 */
@org.junit.jupiter.api.extension.ExtendWith(org.testfx.framework.junit5.ApplicationExtension.class)
class NoSchedulerUiTest {
    static final String NO_CRON = "crontab is not available (Cannot run program \"crontab\"). Install cron, or run "
            + "the command yourself each day.";

    final AtomicInteger asked = new AtomicInteger();
    com.emite.setup.ui.MainWindow window;

    /** Every question to the scheduler fails the way a machine without one answers. */
    final class NoScheduler implements OsScheduler {
        @Override
        public String kind() {
            return "cron";
        }

        @Override
        public List<EntryFile> entries(Schedule schedule) {
            return List.of();
        }

        @Override
        public void install(Schedule schedule) throws ScheduleException {
            throw new ScheduleException(NO_CRON);
        }

        @Override
        public ScheduleStatus status(String name) throws ScheduleException {
            asked.incrementAndGet();
            throw new ScheduleException(NO_CRON);
        }

        @Override
        public boolean remove(String name) throws ScheduleException {
            throw new ScheduleException(NO_CRON);
        }
    }

    @Start
    void start(Stage s) throws Exception {
        Path dataDir = ScratchDirs.create("emite-ui-nosched");
        window = UiTestSupport.show(s, dataDir, UiTestSupport.FAST_SANDBOX, new AtomicReference<>(),
                new UpkeepPorts(d -> new NoScheduler(), MemoryKeychain::new));
    }

    @org.junit.jupiter.api.AfterEach
    void stop() throws Exception {
        UiTestSupport.close(window);
    }

    @Test
    void theSwitchSaysWhyAndNothingUnexpectedIsShown(FxRobot robot) {
        UiTestSupport.signInToSandbox(robot, window);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "licencesTab");
        waitUntil("the switch gives the scheduler's own words as its reason",
                () -> NO_CRON.equals(text(robot, "#dailyUpkeepSwitchReason")));
        assertTrue(asked.get() > 0, "the scheduler was asked");
        assertTrue(robot.lookup("#dailyUpkeepSwitch").queryAs(ToggleSwitch.class).isDisabled());
        assertEquals("", text(robot, "#dailyUpkeepMessage"), "no error message beside the switch");
        assertTrue(text(robot, "#licenceAgentTotals").contains("agents in"), "the agents are still counted");
    }
}
