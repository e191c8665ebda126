package com.emite.setup.sandbox;

import java.util.Map;

/**
 * Traffic the sandbox has served since start or the last reset. Control endpoints ({@code /__sandbox/...}) are not
 * counted.
 *
 * @param totalRequests    every API and login request
 * @param reads            GET/HEAD under /api/v2
 * @param writes           POST/PUT/PATCH/DELETE under /api/v2 (searches are POSTs and count here)
 * @param tokenCalls       requests to the login service (/oauth/token, /oauth/authorize)
 * @param tooManyRequests  429 answers sent
 * @param droppedConnections connections dropped by the fault switch
 * @param perRoute         count per route template, e.g. {@code "POST /api/v2/groups/{groupId}/members"}
 * @param perStatus        count per HTTP status
 */
public record SandboxStats(long totalRequests, long reads, long writes, long tokenCalls, long tooManyRequests,
                           long droppedConnections, Map<String, Long> perRoute, Map<String, Long> perStatus) {
    public SandboxStats {
        perRoute = Map.copyOf(perRoute);
        perStatus = Map.copyOf(perStatus);
    }

    /** Requests to one route template, 0 if none. */
    public long count(String routeKey) {
        return perRoute.getOrDefault(routeKey, 0L);
    }
}
