package com.emite.setup.vault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A ticker driven by the test: {@link #advance(int)} runs each live task once per elapsed second. */
final class ManualTicker implements Ticker {
    private final List<Runnable[]> tasks = new ArrayList<>();

    @Override
    public synchronized Cancellable every(Duration period, Runnable task) {
        if (!period.equals(Duration.ofSeconds(1))) {
            throw new IllegalArgumentException("this fake ticks in seconds only");
        }
        Runnable[] slot = {task};
        tasks.add(slot);
        return () -> slot[0] = null;
    }

    void advance(int seconds) {
        for (int s = 0; s < seconds; s++) {
            List<Runnable[]> now;
            synchronized (this) {
                tasks.removeIf(t -> t[0] == null);
                now = new ArrayList<>(tasks);
            }
            for (Runnable[] t : now) {
                Runnable r = t[0];
                if (r != null) {
                    r.run();
                }
            }
        }
    }

    synchronized int live() {
        tasks.removeIf(t -> t[0] == null);
        return tasks.size();
    }
}
