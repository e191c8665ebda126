package com.emite.setup.ui.common;

import com.emite.setup.provision.ProgressListener;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wait is shown with its reason and a countdown that ends with the wait or with the next message. */
class EngineProgressTest {
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final Tasks.Progress task = new Tasks.Progress() {
        @Override
        public void message(String text) {
            messages.add(text);
        }

        @Override
        public void progress(double done, double total) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    @Test
    void aWaitCountsDownThenStops() throws Exception {
        EngineProgress p = EngineProgress.messages(task, () -> { });
        p.waiting(ProgressListener.Wait.RATE_LIMIT, Duration.ofMillis(2_100));
        assertTrue(messages.get(0).startsWith("Waiting: "), messages::toString);
        assertTrue(messages.get(0).endsWith("Going on in 3 s."), messages::toString);
        org.testfx.util.WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> messages.stream().anyMatch(m -> m.endsWith("in 1 s.")));
    }

    @Test
    void countsSayHowFar() {
        EngineProgress p = EngineProgress.messages(task, () -> { });
        p.counted("agents granted", 850, 962);
        assertEquals("850 of 962 agents granted", messages.get(0));
    }
}
