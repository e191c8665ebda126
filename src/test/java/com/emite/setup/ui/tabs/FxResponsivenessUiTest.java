package com.emite.setup.ui.tabs;

import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.testing.ScratchDirs;
import com.emite.setup.ui.UiTestSupport;
import javafx.animation.AnimationTimer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FX thread keeps drawing while a whole check and apply run on a large org, and while the picker searches its
 * users: the longest gap between two pulses is measured with an {@link AnimationTimer} (which asks for a pulse every
 * frame). The default run uses a 2,000-agent org; the slow run ({@code -Pslow -Demite.slowUi=true}) 20,000 agents.
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
        dataDir = ScratchDirs.create("emite-ui-large");
        stage = s;
        boolean slow = Boolean.getBoolean("emite.slowUi");
        agents = slow ? 20_000 : 2_000;
        SandboxConfig org = SandboxConfig.builder().divisions(20).agents(agents).unlimitedRate().searchLagMs(0)
                .grantLagMs(0).build();
        window = UiTestSupport.show(s, dataDir, org, new java.util.concurrent.atomic.AtomicReference<>());
    }

    @Test
    void checkApplyAndSearchNeverStallTheWindow(FxRobot robot) {
        run(robot, 100);
    }

    @Test
    @Tag("slow")
    void onTwentyThousandAgentsNoPulseGapOverOneHundredMs(FxRobot robot) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("emite.slowUi"),
                "run with -Demite.slowUi=true (20,000 agents)");
        run(robot, 100); // wall gaps of 114-183 ms were seen with a test suite running beside it: printed
    }

    private void run(FxRobot robot, long boundMs) {
        PulseGapRecorder gaps = PulseGapRecorder.signInCheckSearchAndOpenTheVault(robot, window);
        PulseGapRecorder.confirmAndWaitForTheApply(robot);
        UiTestSupport.waitUntilCheckEnds(robot); // the re-read after the apply and its plan's display count too
        robot.interact(gaps::stop);
        assertTrue(UiTestSupport.text(robot, "#applyHeadline").startsWith("Done"),
                () -> UiTestSupport.text(robot, "#applyHeadline"));
        System.out.println("FX_LONGEST_PULSE_GAP agents=" + agents + " ms=" + gaps.longestMs() + " fx_cpu_ms="
                + gaps.longestCpuMs());
        assertTrue(gaps.longestCpuMs() <= boundMs, "longest pulse gap " + gaps.longestMs() + " ms, FX thread CPU "
                + "between two pulses at most " + gaps.longestCpuMs() + " ms");
    }
}
