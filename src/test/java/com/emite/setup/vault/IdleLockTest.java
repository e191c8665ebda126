package com.emite.setup.vault;

import com.emite.setup.testing.ManualScheduler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.emite.setup.vault.VaultTestSupport.CHEAP;
import static com.emite.setup.vault.VaultTestSupport.createFilled;
import static com.emite.setup.vault.VaultTestSupport.pw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time is a {@link ManualScheduler}: exact "not before" and "just after" checks, no sleeps. */
class IdleLockTest {
    @TempDir
    Path dir;

    final ManualScheduler clock = new ManualScheduler();
    final AtomicInteger fired = new AtomicInteger();

    IdleLock idle(Duration timeout, Runnable onIdle) {
        return new IdleLock(timeout, onIdle, clock, () -> { }, clock::nanos);
    }

    @Test
    void firesOnceAtTheTimeoutAndNotBefore() {
        try (IdleLock idle = idle(Duration.ofMinutes(5), fired::incrementAndGet)) {
            assertFalse(idle.isArmed());
            idle.start();
            clock.advance(Duration.ofMinutes(5).minusMillis(1));
            assertEquals(0, fired.get(), "not before the timeout");
            assertEquals(Duration.ofMillis(1), idle.remaining());
            clock.advance(Duration.ofMillis(1));
            assertEquals(1, fired.get(), "at the timeout");
            clock.advance(Duration.ofHours(1));
            assertEquals(1, fired.get(), "fires once, then disarmed");
            assertFalse(idle.isArmed());
            assertEquals(Duration.ZERO, idle.remaining());
            assertEquals(0, clock.pending());
        }
    }

    @Test
    void activityPostponesItAndStopDisarms() {
        try (IdleLock idle = idle(Duration.ofSeconds(400), fired::incrementAndGet)) {
            idle.start();
            for (int i = 0; i < 10; i++) {            // activity every 100 s for 1000 s
                clock.advance(Duration.ofSeconds(100));
                idle.activity();
            }
            assertEquals(0, fired.get(), "kept unlocked while active");
            clock.advance(Duration.ofSeconds(399));
            assertEquals(0, fired.get(), "not before the last activity plus the timeout");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, fired.get(), "fired at the last activity plus the timeout");
        }

        AtomicInteger never = new AtomicInteger();
        try (IdleLock idle = idle(Duration.ofSeconds(200), never::incrementAndGet)) {
            idle.start();
            idle.stop();
            clock.advance(Duration.ofHours(1));
            assertEquals(0, never.get(), "stopped: never fires");
            idle.start();
            clock.advance(Duration.ofSeconds(200));
            assertEquals(1, never.get(), "started again: fires");
        }
        assertEquals(Duration.ofMinutes(5), IdleLock.DEFAULT_TIMEOUT);
    }

    @Test
    void aShorterTimeoutTakesEffectAtTheNextCheck() {
        try (IdleLock idle = idle(Duration.ofSeconds(100), fired::incrementAndGet)) {
            idle.start();
            idle.setTimeout(Duration.ofSeconds(30));
            clock.advance(Duration.ofSeconds(99));
            assertEquals(0, fired.get(), "the check already scheduled is at the old timeout");
            clock.advance(Duration.ofSeconds(1));
            assertEquals(1, fired.get());
        }
    }

    @Test
    void locksTheVaultAndClearsTheClipboard() throws Exception {
        Vault v = createFilled(dir.resolve("v" + Vault.EXTENSION), CHEAP);
        FakeClipboard board = new FakeClipboard();
        SecretClipboard clip = new SecretClipboard(board, Duration.ofSeconds(30), new ManualTicker());
        clip.copy(v.contents().orgs().get(0).client("eMite Analytics").orElseThrow().secret());
        try (IdleLock idle = idle(Duration.ofMinutes(5), () -> {
            try {
                v.lock();
            } catch (VaultException e) {
                throw new IllegalStateException(e);
            }
            clip.onLock();
        })) {
            idle.start();
            clock.advance(Duration.ofMinutes(5));
        }
        assertTrue(v.isLocked());
        assertNull(board.getText());
        v.unlock(pw());
        v.close();
    }

    @Test
    void theRealSchedulerFiresToo() throws Exception {
        // One check that the production wiring (own daemon thread, System.nanoTime) works; waits on a latch.
        CountDownLatch done = new CountDownLatch(1);
        try (IdleLock idle = new IdleLock(Duration.ofMillis(50), done::countDown)) {
            idle.start();
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
    }
}
