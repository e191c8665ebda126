package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ConcurrentClass
class GenesysRateLimiterTest {
    @Test
    void slidingWindowHoldsTheLimitPerWindowPlusMargin() throws Exception {
        GenesysTestSupport.FakeTime time = new GenesysTestSupport.FakeTime();
        RateLimiter l = RateLimiter.perMinute(5, Duration.ofSeconds(2), time);
        long t0 = time.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertEquals(0, l.acquire().windowNanos());
        }
        RateLimiter.Wait w = l.acquire();
        assertEquals(Duration.ofSeconds(62).toNanos(), w.windowNanos());
        assertEquals(Duration.ofSeconds(62).toNanos(), time.nanoTime() - t0);
        // never more than 5 starts in any 62 s
        for (int i = 0; i < 20; i++) {
            l.acquire();
        }
        assertTrue(time.nanoTime() - t0 >= Duration.ofSeconds(62 * 5).toNanos());
    }

    @Test
    void standardUsesTheContractLimit() {
        RateLimiter l = RateLimiter.standard(TimeSource.SYSTEM);
        assertEquals(300, l.permits());
        assertTrue(l.window().compareTo(Duration.ofSeconds(60)) > 0);
    }

    @Test
    void unlimitedNeverWaitsButHonoursA429Pause() throws Exception {
        GenesysTestSupport.FakeTime time = new GenesysTestSupport.FakeTime();
        RateLimiter l = RateLimiter.unlimited(time);
        for (int i = 0; i < 10_000; i++) {
            l.acquire();
        }
        assertEquals(0, time.slept.get());
        l.pauseFor(Duration.ofSeconds(7));
        RateLimiter.Wait w = l.acquire();
        assertEquals(Duration.ofSeconds(7).toNanos(), w.pauseNanos());
        assertEquals(0, l.acquire().pauseNanos());
    }
}
