package com.emite.setup.testing;

import com.emite.setup.sandbox.Sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sandboxes a test has open, so that it can wait until their lags have passed (grants in force, users found by
 * search): a condition, never a sleep of the lag's length.
 * <p>Each sandbox belongs to the thread that opened it, and {@link #settle()} waits only for the calling thread's: in a
 * class whose methods run at the same time ({@link ConcurrentMethods}), a test never waits for another test's org,
 * which may be in the middle of an apply (and so never settled) for seconds.
 */
public final class SettlingSandboxes {
    private final Map<Sandbox, Thread> open = new ConcurrentHashMap<>();

    /** Counts {@code sandbox} as one of the calling thread's until {@link #closed}. */
    public void opened(Sandbox sandbox) {
        open.put(sandbox, Thread.currentThread());
    }

    public void closed(Sandbox sandbox) {
        open.remove(sandbox);
    }

    /** Waits (at most 10 s) until every sandbox this thread opened and has not closed is settled. */
    public void settle() throws InterruptedException {
        Thread me = Thread.currentThread();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!open.entrySet().stream().filter(e -> e.getValue() == me)
                .allMatch(e -> e.getKey().inspect().settled())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the sandbox did not settle within 10 s");
            }
            Thread.sleep(5);
        }
    }
}
