package com.emite.setup.vault;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Runs an action (lock the vault, clear the clipboard) after a period without activity; default 5 minutes.
 *
 * <p>The UI calls {@link #activity()} on user input (an event filter on the scene for key and mouse events is
 * enough; the call is a single volatile write, cheap enough for every mouse move) and during long background work
 * it wants to keep unlocked. {@link #start()} arms it (after unlock); it fires once and is then disarmed until started
 * again. {@link #stop()} disarms it.
 *
 * <p>The action runs on the scheduler's thread; a JavaFX caller hops to the FX thread itself.
 */
public final class IdleLock implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final System.Logger LOG = System.getLogger("com.emite.setup.vault");

    private final Runnable onIdle;
    private final Delayer delayer;
    private final Runnable shutdown;
    private final LongSupplier nanoClock;
    private volatile long lastActivity;
    private volatile long timeoutNanos;
    private boolean armed;
    private Ticker.Cancellable pending;

    /** Runs a task once after a delay: a real scheduler in the app, a hand-driven clock in tests. */
    @FunctionalInterface
    public interface Delayer {
        Ticker.Cancellable after(long delayNanos, Runnable task);

        static Delayer of(ScheduledExecutorService scheduler) {
            return (delayNanos, task) -> {
                ScheduledFuture<?> f = scheduler.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            };
        }
    }

    /** With its own daemon timer thread. */
    public IdleLock(Duration timeout, Runnable onIdle) {
        this(timeout, onIdle, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "idle-lock");
            t.setDaemon(true);
            return t;
        }), true);
    }

    /** With a shared scheduler (not shut down by {@link #close()}). */
    public IdleLock(Duration timeout, Runnable onIdle, ScheduledExecutorService scheduler) {
        this(timeout, onIdle, scheduler, false);
    }

    private IdleLock(Duration timeout, Runnable onIdle, ScheduledExecutorService scheduler, boolean own) {
        this(timeout, onIdle, Delayer.of(scheduler), own ? scheduler::shutdownNow : () -> { }, System::nanoTime);
    }

    /**
     * Test seam (public so that the UI's locker can be driven too): time and delays from the caller, see
     * {@code testing.ManualScheduler}; the app uses the constructors above.
     */
    public IdleLock(Duration timeout, Runnable onIdle, Delayer delayer, Runnable shutdown, LongSupplier nanoClock) {
        this.onIdle = Objects.requireNonNull(onIdle, "onIdle");
        this.delayer = Objects.requireNonNull(delayer, "delayer");
        this.shutdown = Objects.requireNonNull(shutdown, "shutdown");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        setTimeout(timeout);
        this.lastActivity = nanoClock.getAsLong();
    }

    /** Changes the idle time; takes effect from the next check (at most the old timeout away). */
    public void setTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
    }

    public Duration timeout() {
        return Duration.ofNanos(timeoutNanos);
    }

    /** Arms the timer, counting from now. Idempotent. */
    public synchronized void start() {
        lastActivity = nanoClock.getAsLong();
        if (!armed) {
            armed = true;
            schedule(timeoutNanos);
        }
    }

    /** Disarms the timer (e.g. while the vault is locked). */
    public synchronized void stop() {
        armed = false;
        if (pending != null) {
            pending.cancel();
            pending = null;
        }
    }

    public synchronized boolean isArmed() {
        return armed;
    }

    /** Resets the idle time. */
    public void activity() {
        lastActivity = nanoClock.getAsLong();
    }

    /** Time left before the action runs, or zero when disarmed. */
    public synchronized Duration remaining() {
        if (!armed) {
            return Duration.ZERO;
        }
        long left = timeoutNanos - (nanoClock.getAsLong() - lastActivity);
        return Duration.ofNanos(Math.max(0, left));
    }

    private void schedule(long delayNanos) {
        pending = delayer.after(Math.max(delayNanos, 1_000_000), this::check);
    }

    private void check() {
        synchronized (this) {
            if (!armed) {
                return;
            }
            long idle = nanoClock.getAsLong() - lastActivity;
            if (idle < timeoutNanos) {
                schedule(timeoutNanos - idle);
                return;
            }
            armed = false;
            pending = null;
        }
        try {
            onIdle.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Idle action failed: {0}", e.toString());
        }
    }

    @Override
    public void close() {
        stop();
        shutdown.run();
    }

    @Override
    public String toString() {
        return "IdleLock[timeout=" + timeout().toSeconds() + " s, " + (isArmed() ? "armed" : "disarmed") + "]";
    }
}
