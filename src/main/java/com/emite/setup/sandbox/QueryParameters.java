package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters each API route takes: exactly those of the operation in the official SDK
 * ({@code platform-client-v2} 198.1.0, its {@code *Request} classes; a test checks this table against them). With
 * {@link ApiContract#REJECT_UNKNOWN_QUERY_PARAMETERS} a parameter outside the list is a 400, so a client that relies
 * on a parameter the real API does not have fails here instead of in a customer's org.
 */
final class QueryParameters {
    private static final String PAGING = "pageSize,pageNumber";
    private static final String CURSOR = PAGING + ",sortBy,expand,nextPage,previousPage";
    private static final Map<String, Set<String>> BY_ROUTE = new LinkedHashMap<>();

    static {
        // Organization, users, groups (reference §4–§6)
        put("GET /api/v2/organizations/me", "");
        put("GET /api/v2/users", PAGING + ",id,jabberId,sortOrder,expand,integrationPresenceSource,state");
        put("GET /api/v2/users/me", "expand,integrationPresenceSource");
        put("POST /api/v2/users/search", "");
        put("GET /api/v2/users/search", "q64,expand,integrationPresenceSource");
        put("GET /api/v2/users/{userId}", "expand,integrationPresenceSource,state");
        put("GET /api/v2/users/{userId}/roles", "");
        put("POST /api/v2/groups", "");
        put("GET /api/v2/groups", PAGING + ",id,jabberId,sortOrder");
        put("POST /api/v2/groups/search", "");
        put("GET /api/v2/groups/search", "q64,expand");
        put("GET /api/v2/groups/{groupId}", "");
        put("PUT /api/v2/groups/{groupId}", "");
        put("DELETE /api/v2/groups/{groupId}", "");
        put("POST /api/v2/groups/{groupId}/members", "");
        put("DELETE /api/v2/groups/{groupId}/members", "ids");
        put("GET /api/v2/groups/{groupId}/members", PAGING + ",sortOrder,expand");
        put("GET /api/v2/groups/{groupId}/individuals", "");
        // Roles, catalog, divisions, grants (§7–§9)
        put("GET /api/v2/authorization/roles", CURSOR + ",name,permission,defaultRoleId,userCount,id");
        put("POST /api/v2/authorization/roles", "");
        put("GET /api/v2/authorization/roles/{roleId}", "userCount,expand");
        put("PUT /api/v2/authorization/roles/{roleId}", "");
        put("DELETE /api/v2/authorization/roles/{roleId}", "");
        put("POST /api/v2/authorization/roles/{roleId}", "subjectType");
        put("PUT /api/v2/authorization/roles/{roleId}/users/add", "");
        put("PUT /api/v2/authorization/roles/{roleId}/users/remove", "");
        put("GET /api/v2/authorization/roles/{roleId}/users", PAGING);
        put("GET /api/v2/authorization/roles/{roleId}/subjectgrants", CURSOR);
        put("GET /api/v2/authorization/permissions", PAGING + ",queryType,query");
        put("GET /api/v2/authorization/divisions", CURSOR + ",objectCount,id,name");
        put("GET /api/v2/authorization/divisions/home", "");
        put("GET /api/v2/authorization/divisions/{divisionId}", "objectCount");
        put("GET /api/v2/authorization/divisions/{divisionId}/grants", PAGING);
        put("GET /api/v2/authorization/divisionspermitted/paged/me", PAGING + ",permission");
        put("GET /api/v2/authorization/subjects/me", "");
        put("GET /api/v2/authorization/subjects/{subjectId}", "");
        put("POST /api/v2/authorization/subjects/{subjectId}/bulkadd", "subjectType");
        put("POST /api/v2/authorization/subjects/{subjectId}/bulkremove", "");
        put("POST /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}", "subjectType");
        put("DELETE /api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}", "");
        // OAuth clients, scopes, tokens (§2.5, §10)
        put("GET /api/v2/oauth/clients", "");
        put("POST /api/v2/oauth/clients", "");
        put("GET /api/v2/oauth/clients/{clientId}", "");
        put("PUT /api/v2/oauth/clients/{clientId}", "");
        put("DELETE /api/v2/oauth/clients/{clientId}", "");
        put("POST /api/v2/oauth/clients/{clientId}/secret", "");
        put("GET /api/v2/oauth/scopes", "");
        put("GET /api/v2/oauth/scopes/{scopeId}", "");
        put("GET /api/v2/tokens/me", "preserveIdleTTL");
        put("HEAD /api/v2/tokens/me", "");
        put("DELETE /api/v2/tokens/me", "");
        // Integrations (§11)
        put("GET /api/v2/integrations/types", CURSOR);
        put("GET /api/v2/integrations/types/{typeId}", "");
        put("GET /api/v2/integrations", CURSOR);
        put("POST /api/v2/integrations", "");
        put("GET /api/v2/integrations/{integrationId}", CURSOR);
        put("PATCH /api/v2/integrations/{integrationId}", CURSOR);
        put("DELETE /api/v2/integrations/{integrationId}", "");
        put("GET /api/v2/integrations/{integrationId}/config/current", "");
        put("PUT /api/v2/integrations/{integrationId}/config/current", "");
    }

    private QueryParameters() {
    }

    private static void put(String route, String names) {
        Set<String> set = new TreeSet<>();
        for (String n : names.split(",")) {
            if (!n.isBlank()) {
                set.add(n.strip());
            }
        }
        BY_ROUTE.put(route, Set.copyOf(set));
    }

    /** The parameters of a route ({@code "GET /api/v2/groups"}), or null if the table has no entry. */
    static Set<String> of(String routeKey) {
        return BY_ROUTE.get(routeKey);
    }

    static Map<String, Set<String>> all() {
        return Map.copyOf(BY_ROUTE);
    }

    /** 400 for a parameter the route does not take (when the contract says so). */
    static void check(Router.Route route, HandlerRequest req) {
        if (!ApiContract.REJECT_UNKNOWN_QUERY_PARAMETERS) {
            return;
        }
        Set<String> allowed = BY_ROUTE.get(route.key());
        if (allowed == null) {
            throw new IllegalStateException("No query parameter list for " + route.key());
        }
        for (String name : List.copyOf(req.query.keySet())) {
            if (!allowed.contains(name)) {
                throw new ApiException(400, "invalid.query.param.value",
                        "Unrecognized query parameter {name}", ApiException.params("name", name))
                        .detail("invalid.query.param.value", name);
            }
        }
    }
}
