package com.emite.setup.ui.tabs;

import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.ui.UiTestSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FX thread keeps drawing while a whole check and apply run on a large org, and while the picker searches its
 * users: the longest gap between two pulses is measured with an {@link AnimationTimer} (which asks for a pulse every
 * frame). The default run uses a 2,000-agent org; the slow run ({@code -Pslow}) uses 20,000 agents and also bounds
 * the wall-clock gap (an idle machine).
 *
 * <p>Both bound the FX thread's own CPU time between two pulses to 100 ms (issue #10: no stall over 100 ms), not the
 * wall-clock gap: on a 2-core machine shared with other builds the FX thread can wait seconds for a core with no
 * work of ours on it (this test saw a 3.2 s wall gap at load 22). CPU time is what our work on the FX thread costs;
 * the load stretches it a little (caches, other threads on the core): the longest was 229-288 ms before the tabs
 * were built lazily and taken out of the scene while hidden, and 47-89 ms after, at load 9-19, so the bound holds
 * under load and fails if a tab's first showing or a plan's display goes back to one long pulse. The wall gap is
 * printed.
 */
class FxResponsivenessUiTest extends TabUiTestBase {
    private int agents = 2_000;

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        dataDir = Files.createTempDirectory("emite-ui-large");
        stage = s;
        boolean slow = Boolean.getBoolean("emite.slowUi");
        agents = slow ? 20_000 : 2_000;
        SandboxConfig org = SandboxConfig.builder().divisions(20).agents(agents).unlimitedRate().searchLagMs(0)
                .grantLagMs(0).build();
        window = UiTestSupport.show(s, dataDir, org, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** Longest gap between two pulses, in ms, while it runs. */
    static final class PulseGaps extends AnimationTimer {
        private static final java.lang.management.ThreadMXBean THREADS =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private long last;
        private long lastCpu = -1;
        private final AtomicLong longestNs = new AtomicLong();
        private final AtomicLong longestCpuNs = new AtomicLong();

        @Override
        public void handle(long now) {
            long cpu = THREADS.getCurrentThreadCpuTime(); // this is the FX thread
            if (last != 0) {
                longestNs.accumulateAndGet(now - last, Math::max);
            }
            if (lastCpu >= 0 && cpu >= 0) {
                longestCpuNs.accumulateAndGet(cpu - lastCpu, Math::max);
            }
            last = now;
            lastCpu = cpu;
        }

        long longestMs() {
            return longestNs.get() / 1_000_000;
        }

        /** The most CPU time the FX thread spent between two pulses. */
        long longestCpuMs() {
            return longestCpuNs.get() / 1_000_000;
        }
    }

    @Test
    void checkApplyAndSearchNeverStallTheWindow(FxRobot robot) {
        run(robot, 100, false);
    }

    @Test
    @Tag("slow")
    void onTwentyThousandAgentsNoPulseGapOverOneHundredMs(FxRobot robot) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("emite.slowUi"),
                "run with -Demite.slowUi=true (20,000 agents)");
        run(robot, 100, true);
    }

    /** {@code wallClock}: bound the wall-clock gap (an idle machine) too, else only the FX thread's CPU between pulses. */
    private void run(FxRobot robot, long boundMs, boolean wallClock) {
        UiTestSupport.signInToSandbox(robot, window);
        PulseGaps gaps = new PulseGaps();
        robot.interact(gaps::start);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "groupsTab");
        robot.clickOn(UiTestSupport.inView(robot, "#pickerSearch-emite_Access")).write("an");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("users found", () -> !found.getItems().isEmpty());
        UiTestSupport.pressApplyAndOpenVault(robot, true);
        UiTestSupport.confirmAndWait(robot);
        robot.interact(gaps::stop);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        System.out.println("FX_LONGEST_PULSE_GAP agents=" + agents + " ms=" + gaps.longestMs() + " fx_cpu_ms="
                + gaps.longestCpuMs());
        long measured = wallClock ? Math.max(gaps.longestMs(), gaps.longestCpuMs()) : gaps.longestCpuMs();
        assertTrue(measured <= boundMs, "longest pulse gap " + gaps.longestMs() + " ms, FX thread CPU between two "
                + "pulses at most " + gaps.longestCpuMs() + " ms");
    }
}
