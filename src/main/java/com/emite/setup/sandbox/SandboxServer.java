package com.emite.setup.sandbox;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP side: one loopback port serving the login service (/oauth/*), the API (/api/v2/*) and the sandbox's own
 * control endpoints (/__sandbox/*). Every API request goes: fault switch → latency → route → bearer token → rate limit
 * → media type → handler; errors become the real ErrorBody with {@code contextId} = {@code ININ-Correlation-Id}.
 */
final class SandboxServer {
    static final String CORRELATION_HEADER = "ININ-Correlation-Id";

    static {
        // Without TCP_NODELAY the JDK server's split header/body writes meet the client's delayed ACK: ~40 ms a call.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final EndpointContext ctx;
    private final Router router = new Router();
    private final StatsCollector stats = new StatsCollector();
    private final AtomicReference<SandboxFaults> faults = new AtomicReference<>(SandboxFaults.NONE);
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private final AtomicInteger errorsLeft = new AtomicInteger();
    private final AtomicInteger skipLeft = new AtomicInteger();
    private final AtomicInteger lostLeft = new AtomicInteger();
    private final AtomicInteger lateLeft = new AtomicInteger();
    private final AtomicInteger latePending = new AtomicInteger();
    /** A latency that starts once a given request has been answered ({@link Sandbox#latencyAfter}); null: none. */
    private final AtomicReference<LatencyTrigger> latencyTrigger = new AtomicReference<>();

    record LatencyTrigger(String method, String path, int latencyMs) {
    }
    /** The collections whose POST creates an object (the late-create fault's targets). */
    private static final java.util.Set<String> CREATES = java.util.Set.of("/api/v2/groups",
            "/api/v2/authorization/roles", "/api/v2/oauth/clients", "/api/v2/integrations");
    private final ControlEndpoints control;
    private HttpServer http;
    private ExecutorService executor;

    SandboxServer(EndpointContext ctx, Sandbox owner) {
        this.ctx = ctx;
        new LoginEndpoints(ctx).register(router);
        new UserEndpoints(ctx).register(router);
        new GroupEndpoints(ctx).register(router);
        new RoleEndpoints(ctx).register(router);
        new DivisionEndpoints(ctx).register(router);
        new GrantEndpoints(ctx).register(router);
        new ClientEndpoints(ctx).register(router);
        new IntegrationEndpoints(ctx).register(router);
        this.control = new ControlEndpoints(ctx, owner);
    }

    void start(int port) throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/", this::handle);
        http.start();
    }

    int port() {
        return http.getAddress().getPort();
    }

    void stop() {
        if (http != null) {
            http.stop(0);
        }
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    StatsCollector stats() {
        return stats;
    }

    Router router() {
        return router;
    }

    int latePending() {
        return latePending.get();
    }

    SandboxFaults faults() {
        SandboxFaults f = faults.get();
        return new SandboxFaults(dropsLeft.get(), errorsLeft.get(), f.errorStatus(), f.slowMs(), skipLeft.get(),
                lostLeft.get(), lateLeft.get(), f.lateMs());
    }

    void faults(SandboxFaults f) {
        faults.set(f);
        dropsLeft.set(f.dropConnections());
        errorsLeft.set(f.errorBurst());
        skipLeft.set(f.skipRequests());
        lostLeft.set(f.loseAnswers());
        lateLeft.set(f.lateCreates());
    }

    private void handle(HttpExchange ex) {
        try {
            String path = ex.getRequestURI().getRawPath();
            if (path.startsWith("/__sandbox/") || path.equals("/__sandbox")) {
                control.handle(ex);
                return;
            }
            serve(ex, path);
        } catch (Throwable t) {
            ex.close();
        }
    }

    private void serve(HttpExchange ex, String path) throws IOException {
        String method = ex.getRequestMethod();
        String cid = UUID.randomUUID().toString();
        stats.request(method, path);
        SandboxFaults f = faults.get();
        sleep(ctx.latencyMs + f.slowMs());
        boolean armed = !take(skipLeft);
        if (armed && take(dropsLeft)) {
            stats.dropped();
            ex.getRequestBody().close();
            ex.close();
            return;
        }
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        HandlerRequest req = new HandlerRequest(method, path, ex.getRequestURI().getRawQuery(),
                ex.getRequestHeaders(), body, cid);
        req.pageLimit = ctx.maxPageSize;
        Router.Match m = router.match(method, path);
        stats.route(m == null ? "UNMATCHED" : m.route().key());
        // A late create: the client is left without an answer now, and the server goes on with it later.
        boolean late = armed && m != null && method.equals("POST") && CREATES.contains(path) && take(lateLeft);
        if (late) {
            latePending.incrementAndGet();
            stats.dropped();
            ex.close();
            sleep(f.lateMs());
        }
        HandlerResponse resp;
        try {
            if (armed && take(errorsLeft)) {
                int st = f.errorStatus();
                if (st == 429) {
                    throw EndpointContext.tooMany(300, 1, "fault.burst", "sandbox");
                }
                throw ApiException.of(st, st == 504 ? "request.timeout" : "service.unavailable",
                        st == 504 ? "The request timed out." : "The service is temporarily unavailable.");
            }
            if (m == null) {
                if (!path.startsWith("/api/v2/") && !path.startsWith("/oauth/")) {
                    resp = HandlerResponse.html(404, "<!doctype html><title>Not found</title><p>Not found</p>");
                    send(ex, method, cid, resp);
                    return;
                }
                throw ApiException.routeNotFound();
            }
            req.params = m.params();
            if (m.route().api()) {
                req.caller = ctx.authenticate(ex.getRequestHeaders().getFirst("Authorization"));
                ctx.rateLimit(req.caller);
                QueryParameters.check(m.route(), req);
                if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) && body.length > 0) {
                    String ct = ex.getRequestHeaders().getFirst("Content-Type");
                    if (ct == null || !ct.toLowerCase().startsWith("application/json")) {
                        throw ApiException.of(415, "unsupported.media.type",
                                "Unsupported Media Type: use Content-Type application/json.");
                    }
                }
            }
            resp = m.route().handler().handle(req);
            if (m.route().api() && resp.body != null && resp.body.length > ctx.maxResponseBytes) {
                throw ApiException.of(413, "response.entity.too.large", "The response is too large ("
                        + resp.body.length + " bytes). Lower pageSize or drop expand.");
            }
        } catch (ApiException e) {
            resp = HandlerResponse.json(e.status, e.toBody(cid));
            e.headers.forEach(resp::header);
        } catch (OAuthError e) {
            JsonObject o = new JsonObject();
            o.addProperty("error", e.error);
            o.addProperty("description", e.getMessage());
            resp = HandlerResponse.json(e.status, o);
        } catch (RuntimeException e) {
            ApiException ie = ApiException.of(500, "internal.server.error", "The server encountered an error.");
            resp = HandlerResponse.json(500, ie.toBody(cid));
            System.err.println("sandbox: " + method + " " + path + " failed: " + e);
        }
        if (late) {
            latePending.decrementAndGet();
            return; // done (or refused) with nobody listening
        }
        if (armed && m != null && m.route().api() && resp.status < 300 && !method.equals("GET")
                && !method.equals("HEAD") && take(lostLeft)) {
            stats.dropped(); // the change is made; the answer is lost
            ex.close();
            return;
        }
        send(ex, method, cid, resp);
        LatencyTrigger t = latencyTrigger.get();
        if (t != null && resp.status < 300 && t.method().equals(method) && t.path().equals(path)
                && latencyTrigger.compareAndSet(t, null)) {
            ctx.latencyMs = t.latencyMs();
        }
    }

    void latencyAfter(LatencyTrigger trigger) {
        latencyTrigger.set(trigger);
    }

    private void send(HttpExchange ex, String method, String cid, HandlerResponse resp) throws IOException {
        stats.status(resp.status);
        var h = ex.getResponseHeaders();
        h.set(CORRELATION_HEADER, cid);
        for (Map.Entry<String, String> e : resp.headers.entrySet()) {
            h.set(e.getKey(), e.getValue());
        }
        if (resp.body == null || method.equals("HEAD")) {
            if (resp.contentType != null) {
                h.set("Content-Type", resp.contentType);
            }
            ex.sendResponseHeaders(resp.status, -1);
        } else {
            h.set("Content-Type", resp.contentType.startsWith("application/json")
                    ? "application/json; charset=UTF-8" : resp.contentType);
            ex.sendResponseHeaders(resp.status, resp.body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(resp.body);
            }
        }
        ex.close();
    }

    private static boolean take(AtomicInteger counter) {
        return counter.getAndUpdate(x -> x > 0 ? x - 1 : 0) > 0;
    }

    private static void sleep(int ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
