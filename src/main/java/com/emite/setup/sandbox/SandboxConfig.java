package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a sandbox org is generated and how its API behaves. Build with {@link #builder()}; {@link #defaults()} is the
 * configuration of {@code emite-setup sandbox} without options.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param seed               seed of the generated org (same seed, same org ids and names)
 * @param divisions          divisions besides Home
 * @param agents             generated agents (active users), spread over all divisions
 * @param rateLimitPerMinute requests per token in any 60 s window; 0 or negative = unlimited
 * @param latencyMs          delay added to every API and login request
 * @param searchLagMs        how long a created/changed user or group stays invisible (or stale) to search
 * @param grantLagMs         how long a new role grant takes to be visible and in force
 * @param tokenTtlSeconds    lifetime of issued access tokens (capped by the client's accessTokenValiditySeconds)
 * @param wfm                whether the org has WFM (without it the whole {@code wfm} permission domain is absent)
 * @param emiteLicence       whether the org has the eMite premium-app licence ({@code integration:emiteApps:view})
 * @param omitPermissions    permission strings ({@code domain:entity:action}) left out of the catalog
 */
public record SandboxConfig(int port, long seed, int divisions, int agents, int rateLimitPerMinute, int latencyMs,
                            int searchLagMs, int grantLagMs, int tokenTtlSeconds, boolean wfm, boolean emiteLicence,
                            Set<String> omitPermissions) {

    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_DIVISIONS = 5;
    public static final int DEFAULT_AGENTS = 200;
    public static final int DEFAULT_SEARCH_LAG_MS = 2000;
    public static final int DEFAULT_GRANT_LAG_MS = 3000;
    public static final int DEFAULT_TOKEN_TTL_SECONDS = 86400;
    /** Upper bounds that keep a typo from eating the machine. */
    public static final int MAX_DIVISIONS = 1000;
    public static final int MAX_AGENTS = 1_000_000;

    public SandboxConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (divisions < 0 || divisions > MAX_DIVISIONS) {
            throw new IllegalArgumentException("divisions must be 0.." + MAX_DIVISIONS);
        }
        if (agents < 0 || agents > MAX_AGENTS) {
            throw new IllegalArgumentException("agents must be 0.." + MAX_AGENTS);
        }
        if (latencyMs < 0 || searchLagMs < 0 || grantLagMs < 0) {
            throw new IllegalArgumentException("latency and lags must not be negative");
        }
        if (tokenTtlSeconds < 1) {
            throw new IllegalArgumentException("token TTL must be at least 1 second");
        }
        omitPermissions = Set.copyOf(new TreeSet<>(Objects.requireNonNullElse(omitPermissions, Set.of())));
    }

    public static SandboxConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().port(port).seed(seed).divisions(divisions).agents(agents)
                .rateLimitPerMinute(rateLimitPerMinute).latencyMs(latencyMs).searchLagMs(searchLagMs)
                .grantLagMs(grantLagMs).tokenTtlSeconds(tokenTtlSeconds).wfm(wfm).emiteLicence(emiteLicence)
                .omitPermissions(omitPermissions);
    }

    /** True when requests are rate limited. */
    public boolean rateLimited() {
        return rateLimitPerMinute > 0;
    }

    public static final class Builder {
        private int port;
        private long seed = DEFAULT_SEED;
        private int divisions = DEFAULT_DIVISIONS;
        private int agents = DEFAULT_AGENTS;
        private int rateLimitPerMinute = ApiContract.RATE_LIMIT_PER_MINUTE;
        private int latencyMs;
        private int searchLagMs = DEFAULT_SEARCH_LAG_MS;
        private int grantLagMs = DEFAULT_GRANT_LAG_MS;
        private int tokenTtlSeconds = DEFAULT_TOKEN_TTL_SECONDS;
        private boolean wfm = true;
        private boolean emiteLicence = true;
        private Set<String> omitPermissions = Set.of();

        private Builder() {
        }

        public Builder port(int v) {
            port = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        public Builder divisions(int v) {
            divisions = v;
            return this;
        }

        public Builder agents(int v) {
            agents = v;
            return this;
        }

        /** 0 or negative: unlimited. */
        public Builder rateLimitPerMinute(int v) {
            rateLimitPerMinute = v;
            return this;
        }

        public Builder unlimitedRate() {
            return rateLimitPerMinute(0);
        }

        public Builder latencyMs(int v) {
            latencyMs = v;
            return this;
        }

        public Builder searchLagMs(int v) {
            searchLagMs = v;
            return this;
        }

        public Builder grantLagMs(int v) {
            grantLagMs = v;
            return this;
        }

        public Builder tokenTtlSeconds(int v) {
            tokenTtlSeconds = v;
            return this;
        }

        public Builder wfm(boolean v) {
            wfm = v;
            return this;
        }

        public Builder emiteLicence(boolean v) {
            emiteLicence = v;
            return this;
        }

        public Builder omitPermissions(Set<String> v) {
            omitPermissions = v;
            return this;
        }

        public SandboxConfig build() {
            return new SandboxConfig(port, seed, divisions, agents, rateLimitPerMinute, latencyMs, searchLagMs,
                    grantLagMs, tokenTtlSeconds, wfm, emiteLicence, omitPermissions);
        }
    }
}
