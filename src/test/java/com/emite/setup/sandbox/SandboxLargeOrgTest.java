package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 20-division, 20,000-agent org: the 10,000-result search ceiling, and paging through every user (tagged slow:
 * {@code -Pslow}; the default run pages through a 1,500-agent org instead). Prints its start-up time and heap growth
 * (a figure for the record, not an assertion).
 */
@ConcurrentClass
class SandboxLargeOrgTest {
    static Sandbox sb;
    static Http admin;

    @BeforeAll
    static void start() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        sb = Sandbox.start(SandboxConfig.builder().divisions(20).agents(20_000).unlimitedRate().searchLagMs(0)
                .grantLagMs(0).build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("SANDBOX-FOOTPRINT 20 divisions, 20000 agents: started in %d ms, heap +%.1f MB (%.1f MB "
                + "used)%n", ms, (heapAfter - heapBefore) / 1e6, heapAfter / 1e6);
        admin = Http.admin(sb);
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    /** Every page of {@code GET /api/v2/users}: each user once, the last page is the page count. */
    private static int pageThroughAllUsers(Http admin, Set<String> ids, Set<String> divisions) {
        String next = "/api/v2/users?pageSize=100";
        int pages = 0;
        while (next != null) {
            Http.Res r = admin.get(next);
            assertEquals(200, r.status(), r.body());
            JsonObject page = r.json();
            for (JsonElement e : page.getAsJsonArray("entities")) {
                JsonObject u = e.getAsJsonObject();
                assertTrue(ids.add(u.get("id").getAsString()), "no user twice");
                divisions.add(u.getAsJsonObject("division").get("id").getAsString());
            }
            pages++;
            next = page.has("nextUri") ? page.get("nextUri").getAsString() : null;
            if (next == null) {
                assertEquals(page.get("pageCount").getAsInt(), page.get("pageNumber").getAsInt());
            }
        }
        return pages;
    }

    /** The default run's sample of the paging check: a 1,500-agent org, 16 pages. */
    @Test
    void pagesThroughEveryUserOfASmallerOrg() {
        try (Sandbox small = Sandbox.start(SandboxConfig.builder().divisions(4).agents(1_500).unlimitedRate()
                .searchLagMs(0).grantLagMs(0).build())) {
            Set<String> ids = new HashSet<>();
            Set<String> divisions = new HashSet<>();
            assertEquals(16, pageThroughAllUsers(Http.admin(small), ids, divisions));
            assertEquals(1_501, ids.size(), "1,500 agents and the admin");
            assertEquals(5, divisions.size(), "agents spread over Home and 4 divisions");
        }
    }

    @Test
    @Tag("slow")
    void pagesThroughTwentyThousandUsers() {
        long t0 = System.nanoTime();
        Set<String> ids = new HashSet<>();
        Set<String> divisions = new HashSet<>();
        int pages = pageThroughAllUsers(admin, ids, divisions);
        System.out.printf("SANDBOX-PAGING %d users in %d pages in %d ms%n", ids.size(), pages,
                (System.nanoTime() - t0) / 1_000_000);
        assertEquals(20_001, ids.size(), "20,000 agents and the admin");
        assertEquals(21, divisions.size(), "agents spread over Home and 20 divisions");
    }

    @Test
    void searchStopsAtTenThousandResults() {
        String body = "{\"pageSize\":100,\"pageNumber\":%d,\"query\":[{\"type\":\"MATCH_ALL\"}]}";
        JsonObject p100 = admin.post("/api/v2/users/search", String.format(body, 100)).json();
        assertTrue(p100.get("total").getAsInt() > 10_000);
        assertFalse(p100.has("nextPage"), "no link beyond the 10,000th result");
        assertEquals(400, admin.post("/api/v2/users/search", String.format(body, 101)).status());
    }
}
