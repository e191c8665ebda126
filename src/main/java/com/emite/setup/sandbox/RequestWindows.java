package com.emite.setup.sandbox;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Sliding 60-second windows per key (a token, or a token and a search type). */
final class RequestWindows {
    static final long WINDOW_MS = 60_000;
    private final Map<String, ArrayDeque<Long>> windows = new ConcurrentHashMap<>();

    /**
     * Counts one request for {@code key} at {@code now}. Returns 0 when allowed, otherwise the whole seconds until a
     * slot frees (at least 1); a refused request is not counted.
     */
    long acquire(String key, int limit, long now) {
        if (limit <= 0) {
            return 0;
        }
        ArrayDeque<Long> w = windows.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (w) {
            while (!w.isEmpty() && w.peekFirst() <= now - WINDOW_MS) {
                w.pollFirst();
            }
            if (w.size() >= limit) {
                long wait = w.peekFirst() + WINDOW_MS - now;
                return Math.max(1, (wait + 999) / 1000);
            }
            w.addLast(now);
            return 0;
        }
    }

    void clear() {
        windows.clear();
    }
}
