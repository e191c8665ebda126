package com.emite.setup.ui.tabs;

import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.ui.UiTestSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a long FX pulse gap is made of (issue #10, item 3): the same check, picker search and apply as
 * {@link FxResponsivenessUiTest}, but every gap over 50 ms is split into the CPU time the FX thread itself spent in it
 * (our work on the FX thread: layout, CSS, list resets, handlers), the collectors' pause time in it, and the rest
 * (the FX thread waiting for a CPU on a loaded machine, or for the render thread). Each gap is printed with its wall
 * clock, so it can be found in a JFR recording or a GC log of the same run.
 * <p>It asserts what does not depend on the machine's load: no gap holds more than 100 ms of FX-thread CPU time,
 * i.e. none of our work on the FX thread blocks drawing longer than that. The wall-clock gap is printed, not asserted
 * (on a shared 2-core machine it follows the load). Slow run only ({@code -Pslow -Demite.slowUi=true}: 20,000 agents).
 */
@Tag("slow")
class FxPulseGapCauseUiTest extends TabUiTestBase {
    private static final long REPORT_OVER_NS = 50_000_000L;
    private int agents = 2_000;

    @org.testfx.framework.junit5.Start
    void start(javafx.stage.Stage s) throws java.io.IOException {
        dataDir = Files.createTempDirectory("emite-ui-gap");
        stage = s;
        agents = Boolean.getBoolean("emite.slowUi") ? 20_000 : 2_000;
        SandboxConfig org = SandboxConfig.builder().divisions(20).agents(agents).unlimitedRate().searchLagMs(0)
                .grantLagMs(0).build();
        window = UiTestSupport.show(s, dataDir, org, new java.util.concurrent.atomic.AtomicReference<>());
    }

    /** One gap between two pulses and what filled it. */
    record Gap(Instant endedAt, long wallNs, long fxCpuNs, long gcMs) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "ended=%s wall_ms=%d fx_cpu_ms=%d gc_pause_ms=%d other_ms=%d",
                    endedAt, wallNs / 1_000_000, fxCpuNs / 1_000_000, gcMs,
                    Math.max(0, wallNs / 1_000_000 - fxCpuNs / 1_000_000 - gcMs));
        }
    }

    /** Runs on the FX thread every pulse: the gap since the last one, and the FX thread's CPU time and GC in it. */
    static final class GapRecorder extends AnimationTimer {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        private final List<Gap> gaps = new ArrayList<>();
        private long last;
        private long lastCpu;
        private long lastGc;

        @Override
        public synchronized void handle(long now) {
            long cpu = threads.getCurrentThreadCpuTime();
            long gc = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
            if (last != 0 && now - last > REPORT_OVER_NS) {
                gaps.add(new Gap(Instant.now(), now - last, cpu - lastCpu, gc - lastGc));
            }
            last = now;
            lastCpu = cpu;
            lastGc = gc;
        }

        synchronized List<Gap> longest(int n) {
            return gaps.stream().sorted(Comparator.comparingLong(Gap::wallNs).reversed()).limit(n).toList();
        }

        synchronized long mostFxCpuNs() {
            return gaps.stream().mapToLong(Gap::fxCpuNs).max().orElse(0);
        }
    }

    @Test
    void noGapHoldsMoreThanOneHundredMsOfFxThreadWork(FxRobot robot) {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("emite.slowUi"),
                "run with -Demite.slowUi=true (20,000 agents)");
        UiTestSupport.signInToSandbox(robot, window);
        GapRecorder gaps = new GapRecorder();
        robot.interact(gaps::start);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "groupsTab");
        robot.clickOn(UiTestSupport.inView(robot, "#pickerSearch-emite_Access")).write("an");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("users found", () -> !found.getItems().isEmpty());
        UiTestSupport.pressApplyAndOpenVault(robot, true);
        robot.clickOn(UiTestSupport.inView(robot, "#confirmApplyButton"));
        // Its own, longer wait: a 20,000-agent apply on a loaded 2-core machine can take minutes; the figure this
        // test asserts (FX-thread CPU time) does not depend on how long it takes.
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.MINUTES, () -> {
                String h = UiTestSupport.text(robot, "#applyHeadline");
                return h.startsWith("Done") || h.startsWith("Apply stopped");
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("apply did not end", e);
        }
        robot.interact(gaps::stop);
        List<Gap> top = gaps.longest(8);
        System.out.println("FX_PULSE_GAPS agents=" + agents + " (longest first; fx_cpu = the FX thread's own work)");
        top.forEach(g -> System.out.println("FX_PULSE_GAP " + g));
        long worst = gaps.mostFxCpuNs() / 1_000_000;
        System.out.println("FX_PULSE_GAP_MOST_FX_CPU_MS " + worst);
        assertTrue(worst <= 100, "a gap held " + worst + " ms of FX-thread work");
    }
}
