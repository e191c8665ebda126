package com.emite.setup.testing;

import com.emite.setup.vault.IdleLock;
import com.emite.setup.vault.Ticker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time that moves only when the test says so: a nano clock and an {@link IdleLock.Delayer} whose tasks run, on the
 * test's thread, when {@link #advance(Duration)} passes their due time (in due order; a task may schedule another).
 */
public final class ManualScheduler implements IdleLock.Delayer {
    private record Task(long due, long seq, Runnable run, boolean[] cancelled) {
    }

    private final List<Task> tasks = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long seq;

    public synchronized long nanos() {
        return now;
    }

    @Override
    public synchronized Ticker.Cancellable after(long delayNanos, Runnable task) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + delayNanos, seq++, task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Moves time forward, running every task that falls due on the way at its due time. */
    public void advance(Duration d) {
        long end;
        synchronized (this) {
            end = now + d.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                tasks.removeIf(t -> t.cancelled()[0]);
                next = tasks.stream().filter(t -> t.due() <= end)
                        .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::seq)).orElse(null);
                if (next == null) {
                    now = end;
                    return;
                }
                tasks.remove(next);
                now = Math.max(now, next.due());
            }
            next.run().run();
        }
    }

    public synchronized int pending() {
        tasks.removeIf(t -> t.cancelled()[0]);
        return tasks.size();
    }
}
