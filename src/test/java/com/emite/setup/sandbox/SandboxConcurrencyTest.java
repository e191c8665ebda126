package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Many clients at once: versioned writes stay consistent, reads never see a half-done change. */
@ConcurrentClass
class SandboxConcurrencyTest {

    @Test
    void parallelMemberBatchesWithVersionRetriesLoseNothing() throws Exception {
        try (Sandbox sb = Sandbox.start(Fixtures.fast().agents(400).build())) {
            Http admin = Http.admin(sb);
            String group = admin.post("/api/v2/groups", "{\"name\":\"Busy\",\"type\":\"official\",\"visibility\":"
                    + "\"public\",\"rulesVisible\":true}").json().get("id").getAsString();
            List<String> users = sb.inspect().activeUserIds().subList(1, 401);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            AtomicInteger conflicts = new AtomicInteger();
            List<Future<?>> jobs = new ArrayList<>();
            for (int b = 0; b < 8; b++) {
                List<String> batch = users.subList(b * 50, b * 50 + 50);
                jobs.add(pool.submit(() -> {
                    Http h = Http.admin(sb);
                    while (true) {
                        int version = h.get("/api/v2/groups/" + group).json().get("version").getAsInt();
                        Http.Res r = h.post("/api/v2/groups/" + group + "/members", "{\"memberIds\":"
                                + new com.google.gson.Gson().toJson(batch) + ",\"version\":" + version + "}");
                        if (r.status() == 202) {
                            return null;
                        }
                        assertEquals(409, r.status(), r.body());
                        conflicts.incrementAndGet();
                    }
                }));
                jobs.add(pool.submit(() -> {
                    Http h = Http.admin(sb);
                    for (int i = 0; i < 10; i++) {
                        assertEquals(200, h.get("/api/v2/users?pageSize=100&pageNumber=" + (i % 4 + 1)).status());
                    }
                    return null;
                }));
            }
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(400, sb.inspect().groupMemberIds(group).size());
            assertEquals(9, admin.get("/api/v2/groups/" + group).json().get("version").getAsInt());
            System.out.println("SANDBOX-CONCURRENCY version conflicts retried: " + conflicts.get());
            assertTrue(sb.stats().perStatus().getOrDefault("500", 0L) == 0);
        }
    }
}
