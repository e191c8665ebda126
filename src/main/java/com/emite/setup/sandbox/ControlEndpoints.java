package com.emite.setup.sandbox;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's own endpoints under {@code /__sandbox/} (not Genesys paths; not rate limited, not counted):
 * <pre>
 * GET    /__sandbox/info              org, admin user, client ids, home division, user count (no secrets)
 * GET    /__sandbox/stats             traffic counters (see SandboxStats)
 * POST   /__sandbox/stats/reset       zero the counters
 * POST   /__sandbox/agents?count=N    add N active agents spread over the divisions
 * GET    /__sandbox/faults            the fault switch
 * POST   /__sandbox/faults            {"dropConnections":N,"errorBurst":N,"errorStatus":503,"slowMs":M}
 * DELETE /__sandbox/faults            switch faults off
 * GET    /__sandbox/settings          {"rateLimitPerMinute":R,"latencyMs":L}
 * POST   /__sandbox/settings          change either (absent fields keep their value)
 * </pre>
 */
final class ControlEndpoints {
    static final int MAX_AGENTS_PER_CALL = 100_000;
    private final EndpointContext ctx;
    private final Sandbox sandbox;

    ControlEndpoints(EndpointContext ctx, Sandbox sandbox) {
        this.ctx = ctx;
        this.sandbox = sandbox;
    }

    void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Map<String, List<String>> query = HandlerRequest.parseQuery(ex.getRequestURI().getRawQuery());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        int status = 200;
        JsonElement out;
        try {
            out = switch (method + " " + path) {
                case "GET /__sandbox/info" -> info();
                case "GET /__sandbox/stats" -> stats(sandbox.stats());
                case "POST /__sandbox/stats/reset" -> {
                    sandbox.resetStats();
                    yield stats(sandbox.stats());
                }
                case "POST /__sandbox/agents" -> {
                    int n = parseCount(query);
                    List<String> ids = sandbox.addAgents(n);
                    yield JsonTree.obj().put("added", ids.size()).put("totalUsers", sandbox.userCount()).build();
                }
                case "GET /__sandbox/faults" -> faults(sandbox.faults());
                case "POST /__sandbox/faults" -> {
                    JsonObject o = body.length == 0 ? new JsonObject()
                            : JsonTree.GSON.fromJson(new String(body, StandardCharsets.UTF_8), JsonObject.class);
                    sandbox.faults(new SandboxFaults(intOf(o, "dropConnections", 0), intOf(o, "errorBurst", 0),
                            intOf(o, "errorStatus", 503), intOf(o, "slowMs", 0)));
                    yield faults(sandbox.faults());
                }
                case "DELETE /__sandbox/faults" -> {
                    sandbox.faults(SandboxFaults.NONE);
                    yield faults(sandbox.faults());
                }
                case "GET /__sandbox/settings" -> settings();
                case "POST /__sandbox/settings" -> {
                    JsonObject o = body.length == 0 ? new JsonObject()
                            : JsonTree.GSON.fromJson(new String(body, StandardCharsets.UTF_8), JsonObject.class);
                    if (o.has("rateLimitPerMinute")) {
                        sandbox.rateLimitPerMinute(o.get("rateLimitPerMinute").getAsInt());
                    }
                    if (o.has("latencyMs")) {
                        sandbox.latencyMs(o.get("latencyMs").getAsInt());
                    }
                    yield settings();
                }
                default -> {
                    status = 404;
                    yield JsonTree.obj().put("error",
                            "Unknown sandbox control endpoint " + method + " " + path).build();
                }
            };
        } catch (RuntimeException e) {
            status = 400;
            out = JsonTree.obj().put("error", e.getMessage() == null ? e.toString() : e.getMessage()).build();
        }
        byte[] bytes = JsonTree.GSON.toJson(out).getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(bytes);
        }
        ex.close();
    }

    private static int parseCount(Map<String, List<String>> query) {
        List<String> v = query.get("count");
        int n;
        try {
            n = Integer.parseInt(v == null || v.isEmpty() ? "" : v.get(0));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("count must be an integer");
        }
        if (n < 1 || n > MAX_AGENTS_PER_CALL) {
            throw new IllegalArgumentException("count must be 1.." + MAX_AGENTS_PER_CALL);
        }
        return n;
    }

    private static int intOf(JsonObject o, String k, int def) {
        return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsInt() : def;
    }

    private JsonObject info() {
        OrgState s = ctx.s;
        return s.read(() -> JsonTree.obj().put("baseUrl", ctx.baseUrl).put("orgId", s.orgId).put("orgName", s.orgName)
                .put("thirdPartyOrgName", s.shortName).put("adminUserId", s.adminUserId)
                .put("adminClientId", s.adminClientId).put("pkceClientId", s.pkceClientId)
                .put("homeDivisionId", s.home().id()).put("divisions", s.divisions.size())
                .put("users", s.users.size()).put("permissions", s.catalog.size()).build());
    }

    private JsonObject settings() {
        return JsonTree.obj().put("rateLimitPerMinute", ctx.rateLimitPerMinute).put("latencyMs", ctx.latencyMs).build();
    }

    static JsonObject stats(SandboxStats st) {
        JsonObject routes = new JsonObject();
        st.perRoute().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> routes.addProperty(e.getKey(), e.getValue()));
        JsonObject statuses = new JsonObject();
        st.perStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> statuses.addProperty(e.getKey(), e.getValue()));
        return JsonTree.obj().put("totalRequests", st.totalRequests()).put("reads", st.reads()).put("writes",
                st.writes())
                .put("tokenCalls", st.tokenCalls()).put("tooManyRequests", st.tooManyRequests())
                .put("droppedConnections", st.droppedConnections()).put("perRoute", routes)
                .put("perStatus", statuses).build();
    }

    static JsonObject faults(SandboxFaults f) {
        return JsonTree.obj().put("dropConnections", f.dropConnections()).put("errorBurst", f.errorBurst())
                .put("errorStatus", f.errorStatus()).put("slowMs", f.slowMs()).build();
    }
}
