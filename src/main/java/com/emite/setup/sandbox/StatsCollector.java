package com.emite.setup.sandbox;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts API traffic (control endpoints excluded). */
final class StatsCollector {
    private final LongAdder total = new LongAdder();
    private final LongAdder reads = new LongAdder();
    private final LongAdder writes = new LongAdder();
    private final LongAdder login = new LongAdder();
    private final LongAdder tooMany = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final Map<String, LongAdder> routes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();

    void request(String method, String path) {
        total.increment();
        if (path.startsWith("/oauth/")) {
            login.increment();
        } else if (method.equals("GET") || method.equals("HEAD")) {
            reads.increment();
        } else {
            writes.increment();
        }
    }

    void route(String key) {
        routes.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void status(int status) {
        statuses.computeIfAbsent(String.valueOf(status), k -> new LongAdder()).increment();
        if (status == 429) {
            tooMany.increment();
        }
    }

    void dropped() {
        dropped.increment();
    }

    SandboxStats snapshot() {
        Map<String, Long> r = new TreeMap<>();
        routes.forEach((k, v) -> r.put(k, v.sum()));
        Map<String, Long> s = new TreeMap<>();
        statuses.forEach((k, v) -> s.put(k, v.sum()));
        return new SandboxStats(total.sum(), reads.sum(), writes.sum(), login.sum(), tooMany.sum(), dropped.sum(),
                r, s);
    }

    void reset() {
        total.reset();
        reads.reset();
        writes.reset();
        login.reset();
        tooMany.reset();
        dropped.reset();
        routes.clear();
        statuses.clear();
    }
}
