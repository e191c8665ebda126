package com.emite.setup.ui.tabs;

import com.emite.setup.ui.MainWindow;
import com.emite.setup.ui.UiTestSupport;
import javafx.animation.AnimationTimer;
import javafx.scene.control.ListView;
import org.testfx.api.FxRobot;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs on the FX thread every pulse (an {@link AnimationTimer} asks for one every frame) and records the gaps between
 * pulses: the longest wall-clock gap, the most CPU time the FX thread itself spent between two pulses, and every gap
 * over 50 ms split into FX-thread CPU, collector pauses and the rest. Used by {@link FxResponsivenessUiTest} (bounds)
 * and {@link FxPulseGapCauseUiTest} (what a long gap is made of).
 */
final class PulseGapRecorder extends AnimationTimer {
    private static final long REPORT_OVER_NS = 50_000_000L;

    /** One gap between two pulses and what filled it. */
    record Gap(Instant endedAt, long wallNs, long fxCpuNs, long gcMs) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "ended=%s wall_ms=%d fx_cpu_ms=%d gc_pause_ms=%d other_ms=%d",
                    endedAt, wallNs / 1_000_000, fxCpuNs / 1_000_000, gcMs,
                    Math.max(0, wallNs / 1_000_000 - fxCpuNs / 1_000_000 - gcMs));
        }
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    private final List<Gap> gaps = new ArrayList<>();
    private long last;
    private long lastCpu = -1;
    private long lastGc;
    private long longestNs;
    private long longestCpuNs;

    @Override
    public synchronized void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime(); // this is the FX thread
        long gc = gcs.stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
        if (last != 0) {
            longestNs = Math.max(longestNs, now - last);
            if (lastCpu >= 0 && cpu >= 0) {
                longestCpuNs = Math.max(longestCpuNs, cpu - lastCpu);
            }
            if (now - last > REPORT_OVER_NS) {
                gaps.add(new Gap(Instant.now(), now - last, cpu - lastCpu, gc - lastGc));
            }
        }
        last = now;
        lastCpu = cpu;
        lastGc = gc;
    }

    synchronized long longestMs() {
        return longestNs / 1_000_000;
    }

    /** The most CPU time the FX thread spent between two pulses. */
    synchronized long longestCpuMs() {
        return longestCpuNs / 1_000_000;
    }

    /** The {@code n} longest gaps over 50 ms, longest first. */
    synchronized List<Gap> longest(int n) {
        return gaps.stream().sorted(Comparator.comparingLong(Gap::wallNs).reversed()).limit(n).toList();
    }

    /**
     * The journey both pulse tests measure, up to the apply's confirmation: sign in, start recording, check the org,
     * search the Access group's picker, open (create) the vault. The caller confirms and waits in its own way.
     */
    static PulseGapRecorder signInCheckSearchAndOpenTheVault(FxRobot robot, MainWindow window) {
        UiTestSupport.signInToSandbox(robot, window);
        PulseGapRecorder gaps = new PulseGapRecorder();
        robot.interact(gaps::start);
        UiTestSupport.checkMyOrg(robot);
        UiTestSupport.tab(robot, "groupsTab");
        UiTestSupport.type(robot, "#pickerSearch-emite_Access", "an");
        ListView<?> found = robot.lookup("#pickerResults-emite_Access").queryAs(ListView.class);
        UiTestSupport.waitUntil("users found", () -> !found.getItems().isEmpty());
        UiTestSupport.pressApplyAndOpenVault(robot, true);
        return gaps;
    }

    /**
     * Confirms the apply and waits until it ends, for as long as a large org's apply may take on a loaded 2-core
     * machine (minutes for 20,000 agents); what the pulse tests assert does not depend on how long it takes.
     */
    static void confirmAndWaitForTheApply(FxRobot robot) {
        robot.clickOn(com.emite.setup.ui.UiTestSupport.inView(robot, "#confirmApplyButton"));
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(15, java.util.concurrent.TimeUnit.MINUTES, () -> {
                String h = com.emite.setup.ui.UiTestSupport.text(robot, "#applyHeadline");
                return h.startsWith("Done") || h.startsWith("Apply stopped");
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("apply did not end", e);
        }
    }
}
