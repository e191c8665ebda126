package com.emite.setup.sandbox;

import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Token;
import com.emite.setup.sandbox.OrgRecords.User;
import com.emite.setup.sandbox.OrgRecords.UserState;
import com.google.gson.JsonObject;

import java.util.Map;

/** What the endpoint classes share: the org, its views, the limiter and the runtime settings. */
final class EndpointContext {
    final OrgState s;
    final Views views;
    final RequestWindows limiter = new RequestWindows();
    volatile int rateLimitPerMinute;
    volatile int latencyMs;
    /** Refuse role grants to OAuth clients through the subjects API (the org then needs PUT /oauth/clients/{id}). */
    volatile boolean refuseClientGrants;
    /** Refuse a role grant unless the caller holds every permission of the role (§9 [UNCONFIRMED] for users). */
    volatile boolean grantNeedsGrantedPermissions = com.emite.setup.contract.ApiContract.GRANT_NEEDS_GRANTED_PERMISSIONS;
    volatile int maxResponseBytes = com.emite.setup.contract.ApiContract.MAX_RESPONSE_BYTES;
    /** Largest pageSize of ordinary listings (tests lower it to see the client correct itself). */
    volatile int maxPageSize = com.emite.setup.contract.ApiContract.MAX_PAGE_SIZE;
    /** Largest subjectIds batch of a bulk grant (tests lower it likewise). */
    volatile int maxGrantBatch = com.emite.setup.contract.ApiContract.MAX_SUBJECTS_PER_GRANT_CALL;
    volatile String baseUrl = "";

    EndpointContext(OrgState s) {
        this.s = s;
        this.views = new Views(s);
        this.rateLimitPerMinute = s.config.rateLimitPerMinute();
        this.latencyMs = s.config.latencyMs();
    }

    /** Search limits per type per 60 s (reference §3.3, [DOC "Search Limits"]). */
    static final Map<String, Integer> SEARCH_LIMITS = Map.of("EXACT", 4000, "CONTAINS", 100, "STARTS_WITH", 240,
            "TERM", 300, "TERMS", 300, "QUERY_STRING", 300, "REQUIRED_FIELDS", 300, "REGEX", 120);

    /** Counts one search of {@code type} for the caller's token; 429 once the type's limit is reached. */
    void searchLimit(HandlerRequest r, String type) {
        if (rateLimitPerMinute <= 0) {
            return;
        }
        Integer limit = SEARCH_LIMITS.get(type);
        if (limit == null) {
            return;
        }
        long wait = limiter.acquire(r.caller.token().value() + "|search|" + type, limit, s.now());
        if (wait > 0) {
            throw tooMany(limit, wait, "search." + type.toLowerCase() + ".rate.per.minute", "search");
        }
    }

    static ApiException tooMany(int limit, long retryAfter, String key, String namespace) {
        ApiException e = new ApiException(429, "too.many.requests",
                "Rate limit exceeded the maximum [{limit}] requests within [{duration}] seconds",
                ApiException.params("limit", String.valueOf(limit), "duration", "60"));
        JsonObject l = new JsonObject();
        l.addProperty("key", key);
        l.addProperty("namespace", namespace);
        l.addProperty("value", limit);
        e.limit = l;
        e.header("Retry-After", String.valueOf(retryAfter));
        return e;
    }

    /** The token's caller, or 401 (reference §3.4: authentication.required, bad.credentials, credentials.expired). */
    Caller authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.substring(7).isBlank()) {
            throw ApiException.of(401, "authentication.required",
                    "No authentication bearer token specified in authorization header.");
        }
        Token t = s.tokens.get(authorization.substring(7).strip());
        if (t == null) {
            throw badCredentials();
        }
        if (s.now() >= t.expiresAt()) {
            throw ApiException.of(401, "credentials.expired", "The access token has expired.");
        }
        boolean valid = s.read(() -> {
            Client c = s.clients.get(t.clientId());
            if (c == null || !c.state.equals("active")) {
                return false;
            }
            if (t.userId() != null) {
                User u = s.usersById.get(t.userId());
                return u != null && u.state == UserState.ACTIVE;
            }
            return true;
        });
        if (!valid) {
            throw badCredentials();
        }
        return new Caller(t);
    }

    static ApiException badCredentials() {
        return ApiException.of(401, "bad.credentials", "Invalid login credentials.");
    }

    /** The per-token rate limit (reference §3.5). */
    void rateLimit(Caller c) {
        int limit = rateLimitPerMinute;
        if (limit <= 0) {
            return;
        }
        long wait = limiter.acquire(c.token().value(), limit, s.now());
        if (wait > 0) {
            String key = c.isUser() ? "org.app.user.rate.per.minute" : "client.credentials.token.rate.per.minute";
            throw tooMany(limit, wait, key, "platform.api");
        }
    }
}
