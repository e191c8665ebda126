package com.emite.setup.vault;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Real time, short timeouts; assertions are about order and "not before", with generous upper bounds. */
class IdleLockTest {
    @TempDir
    Path dir;

    @Test
    void firesOnceAfterTheTimeoutAndNotBefore() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicInteger count = new AtomicInteger();
        AtomicLong firedAt = new AtomicLong();
        try (IdleLock idle = new IdleLock(Duration.ofMillis(300), () -> {
            firedAt.set(System.nanoTime());
            count.incrementAndGet();
            fired.countDown();
        })) {
            assertFalse(idle.isArmed());
            long t0 = System.nanoTime();
            idle.start();
            assertTrue(fired.await(10, TimeUnit.SECONDS));
            assertTrue(firedAt.get() - t0 >= Duration.ofMillis(300).toNanos(), "not before the timeout");
            Thread.sleep(500);
            assertEquals(1, count.get(), "fires once, then disarmed");
            assertFalse(idle.isArmed());
            assertEquals(Duration.ZERO, idle.remaining());
        }
    }

    @Test
    void activityPostponesItAndStopDisarms() throws Exception {
        AtomicLong firedAt = new AtomicLong();
        CountDownLatch fired = new CountDownLatch(1);
        try (IdleLock idle = new IdleLock(Duration.ofMillis(400), () -> {
            firedAt.set(System.nanoTime());
            fired.countDown();
        })) {
            idle.start();
            long lastActivity = 0;
            for (int i = 0; i < 10; i++) {            // ~1 s of activity every 100 ms
                Thread.sleep(100);
                lastActivity = System.nanoTime();
                idle.activity();
            }
            assertEquals(1, fired.getCount(), "kept unlocked while active");
            assertTrue(idle.remaining().toMillis() > 0);
            assertTrue(fired.await(10, TimeUnit.SECONDS));
            assertTrue(firedAt.get() - lastActivity >= Duration.ofMillis(400).toNanos(),
                    "fired only after the last activity plus the timeout");
        }

        CountDownLatch never = new CountDownLatch(1);
        try (IdleLock idle = new IdleLock(Duration.ofMillis(200), never::countDown)) {
            idle.start();
            idle.stop();
            assertFalse(never.await(600, TimeUnit.MILLISECONDS), "stopped: never fires");
            idle.start();
            assertTrue(never.await(10, TimeUnit.SECONDS), "started again: fires");
        }
        assertEquals(Duration.ofMinutes(5), IdleLock.DEFAULT_TIMEOUT);
    }

    @Test
    void locksTheVaultAndClearsTheClipboard() throws Exception {
        Vault v = createFilled(dir.resolve("v" + Vault.EXTENSION), CHEAP);
        FakeClipboard board = new FakeClipboard();
        SecretClipboard clip = new SecretClipboard(board, Duration.ofSeconds(30), new ManualTicker());
        clip.copy(v.contents().orgs().get(0).client("eMite Analytics").orElseThrow().secret());
        CountDownLatch done = new CountDownLatch(1);
        try (IdleLock idle = new IdleLock(Duration.ofMillis(200), () -> {
            try {
                v.lock();
            } catch (VaultException e) {
                throw new IllegalStateException(e);
            }
            clip.onLock();
            done.countDown();
        })) {
            idle.start();
            assertTrue(done.await(10, TimeUnit.SECONDS));
        }
        assertTrue(v.isLocked());
        assertNull(board.getText());
        v.unlock(pw());
        v.close();
    }
}
