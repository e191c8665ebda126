package com.emite.setup.sandbox;

import com.emite.setup.common.Secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * A simulated Genesys Cloud org on a loopback port: the login service ({@code /oauth/token}, {@code /oauth/authorize})
 * and the Platform API ({@code /api/v2/...}) on one base URL, as described in {@code docs/SANDBOX.md}.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxConfig.builder().agents(500).build())) {
 *     String base = sandbox.baseUrl();            // http://127.0.0.1:54321
 *     String id = sandbox.adminClientId();        // client credentials with Master Admin in all divisions
 *     Secret secret = sandbox.adminClientSecret();
 * }
 * }</pre>
 * Thread safe. Binds 127.0.0.1 only.
 */
public final class Sandbox implements AutoCloseable {
    private final OrgState state;
    private final EndpointContext ctx;
    private final SandboxServer server;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private Sandbox(OrgState state) {
        this.state = state;
        this.ctx = new EndpointContext(state);
        this.server = new SandboxServer(ctx, this);
    }

    /** Generates the org and starts serving; the port is {@code config.port()} or a free one when 0. */
    public static Sandbox start(SandboxConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * As {@link #start(SandboxConfig)}, with the org's clock: search and grant lags, token and sign-in code lifetimes
     * and rate-limit windows all read it. Tests pass a clock they move by hand instead of sleeping. Latency
     * ({@link SandboxConfig#latencyMs()}) is real waiting and does not use it.
     */
    public static Sandbox start(SandboxConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Sandbox sb = new Sandbox(OrgGenerator.generate(config, clock::millis));
        try {
            sb.server.start(config.port());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the sandbox on 127.0.0.1:" + config.port(), e);
        }
        sb.ctx.baseUrl = "http://127.0.0.1:" + sb.server.port();
        return sb;
    }

    /** The routes served (tests compare them with the SDK). */
    java.util.List<Router.Route> routes() {
        return server.router().routes();
    }

    /** {@code http://127.0.0.1:<port>}: API host and login host at once. */
    public String baseUrl() {
        return ctx.baseUrl;
    }

    public int port() {
        return server.port();
    }

    public SandboxConfig config() {
        return state.config;
    }

    /** Client-credentials client holding Master Admin in all divisions. */
    public String adminClientId() {
        return state.adminClientId;
    }

    /** The admin client's secret as created (a reset through the API does not change what this returns). */
    public Secret adminClientSecret() {
        return Secret.of(state.adminClientSecret);
    }

    /** Public client for Authorization Code with PKCE; any loopback redirect URI is accepted. */
    public String pkceClientId() {
        return state.pkceClientId;
    }

    /** The user who signs in through the authorize page; holds Master Admin in all divisions. */
    public String adminUserId() {
        return state.adminUserId;
    }

    public String orgId() {
        return state.orgId;
    }

    public String orgName() {
        return state.orgName;
    }

    /** {@code thirdPartyOrgName}: lower case, no spaces. */
    public String orgShortName() {
        return state.shortName;
    }

    public String homeDivisionId() {
        return state.read(() -> state.home().id());
    }

    /** Every division id, Home first. */
    public List<String> divisionIds() {
        return state.read(() -> state.divisions.stream().map(OrgRecords.Division::id).toList());
    }

    /** Users of every state (active, inactive, deleted). */
    public int userCount() {
        return state.read(state.users::size);
    }

    /** Adds {@code count} active agents spread over the divisions; search sees them after the search lag. */
    public List<String> addAgents(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
        return state.write(() -> OrgGenerator.addAgents(state, count,
                state.now() + state.config.searchLagMs(), false));
    }

    public SandboxStats stats() {
        return server.stats().snapshot();
    }

    public void resetStats() {
        server.stats().reset();
    }

    public SandboxFaults faults() {
        return server.faults();
    }

    /** Late creates taken but not yet done ({@link SandboxFaults#lateCreates}): wait for 0 before judging the org. */
    public int lateCreatesPending() {
        return server.latePending();
    }

    /** Sets the fault switch; {@link SandboxFaults#NONE} turns it off. */
    public void faults(SandboxFaults faults) {
        server.faults(Objects.requireNonNull(faults, "faults"));
    }

    /** Changes the per-token limit at run time; 0 or negative = unlimited. Windows are kept. */
    public void rateLimitPerMinute(int perMinute) {
        ctx.rateLimitPerMinute = perMinute;
    }

    /**
     * When true, role grants to OAuth clients through the authorization subjects API are refused (400), as an org may
     * refuse that inferred route; a client then gets a role through {@code PUT /api/v2/oauth/clients/{id}}
     * ({@code roleDivisions}), the way an admin does it by hand. Default false.
     */
    public void refuseClientGrants(boolean refuse) {
        ctx.refuseClientGrants = refuse;
    }

    /**
     * When true, a role grant (to users, groups or clients) is refused with 403 unless the caller holds every
     * permission of the role it grants: the stricter reading of an unconfirmed rule
     * ({@link com.emite.setup.contract.ApiContract#GRANT_NEEDS_GRANTED_PERMISSIONS}, the default).
     */
    public void grantNeedsGrantedPermissions(boolean strict) {
        ctx.grantNeedsGrantedPermissions = strict;
    }

    public void latencyMs(int ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        ctx.latencyMs = ms;
    }

    /**
     * From the moment a request {@code method path} (e.g. {@code POST /api/v2/oauth/clients}) has been answered with
     * success, every request takes {@code ms} longer: a test slows the org down at a chosen point of a run (so that a
     * cancel or a close lands while requests remain) without slowing everything before it. Replaces an earlier
     * trigger that has not fired.
     */
    public void latencyAfter(String method, String path, int ms) {
        if (ms < 0) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        server.latencyAfter(new SandboxServer.LatencyTrigger(method, path, ms));
    }

    /**
     * Answers larger than this many bytes become 413 {@code response.entity.too.large} (default
     * {@link com.emite.setup.contract.ApiContract#MAX_RESPONSE_BYTES}).
     */
    /**
     * Lowers the largest pageSize of ordinary listings and the largest bulk-grant batch below what
     * {@code ApiContract} assumes, as a real org might: above them the sandbox answers 400 naming the limit.
     */
    public void limits(int maxPageSize, int maxGrantBatch) {
        if (maxPageSize < 1 || maxGrantBatch < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        ctx.maxPageSize = maxPageSize;
        ctx.maxGrantBatch = maxGrantBatch;
    }

    public void maxResponseBytes(int bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        ctx.maxResponseBytes = bytes;
    }

    /** Read-only look at the org, for tests and demos. */
    public SandboxInspector inspect() {
        return new SandboxInspector(state);
    }

    OrgState state() {
        return state;
    }

    /** Stops serving; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop();
        }
    }
}
