package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.User;
import com.emite.setup.sandbox.OrgRecords.UserState;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The organization and its users (reference §4, §5), with user search (§3.3). */
final class UserEndpoints {
    static final Set<String> USER_FIELDS = new LinkedHashSet<>(List.of("id", "name", "email", "username",
            ApiContract.USER_SEARCH_DIVISION_FIELD, "department", "title", "state"));

    private final EndpointContext ctx;
    private final OrgState s;
    private final Views v;

    UserEndpoints(EndpointContext ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/organizations/me", req -> HandlerResponse.ok(s.read(v::organization)));
        r.api("GET", "/api/v2/users", this::listUsers);
        r.api("GET", "/api/v2/users/me", this::me);
        r.api("POST", "/api/v2/users/search", req -> searchUsers(req, req.json()));
        r.api("GET", "/api/v2/users/search", req -> searchUsers(req, Search.fromQ64(req)));
        r.api("GET", "/api/v2/users/{userId}", this::getUser);
        r.api("GET", "/api/v2/users/{userId}/roles", this::userRoles);
    }

    /** The {@code expand} values asked for (also read by the group member listings). */
    static Set<String> expand(HandlerRequest r) {
        return new HashSet<>(r.qAll("expand"));
    }

    private HandlerResponse listUsers(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        String state = r.qEnum("state", "active", List.of("active", "inactive", "deleted", "any"));
        String sortOrder = r.qEnum("sortOrder", "ascending", List.of("ascending", "descending"));
        if (!r.qAll("jabberId").isEmpty() && !r.qAll("id").isEmpty()) {
            throw ApiException.badRequest("id and jabberId cannot be combined");
        }
        Set<String> ids = new HashSet<>(r.qAll("id"));
        if (ids.size() > ApiContract.MAX_IDS_PER_USERS_CALL) {
            throw ApiException.invalidQueryParam("id", "(" + ids.size() + " values)");
        }
        Set<String> expand = expand(r);
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, ApiContract.PERMISSION_USERS_READ);
            List<User> all = new ArrayList<>();
            for (User u : s.usersByName) {
                if ((state.equals("any") || u.state.wire().equals(state)) && (ids.isEmpty() || ids.contains(u.id))) {
                    all.add(u);
                }
            }
            if (sortOrder.equals("descending")) {
                Collections.reverse(all);
            }
            return Listing.of(r, page, all, u -> v.user(u, expand));
        }));
    }

    private HandlerResponse me(HandlerRequest r) {
        if (!r.caller.isUser()) {
            throw ApiException.of(ApiContract.STATUS_USERS_ME_WITHOUT_USER, ApiContract.CODE_USERS_ME_WITHOUT_USER,
                    "This request requires a user context. Client credentials cannot be used for requests to this "
                            + "resource.");
        }
        Set<String> expand = expand(r);
        return HandlerResponse.ok(s.read(() -> {
            User u = s.usersById.get(r.caller.token().userId());
            JsonObject o = v.user(u, expand);
            if (expand.contains("organization")) {
                o.add("organization", v.organization());
            }
            return o;
        }));
    }

    private HandlerResponse getUser(HandlerRequest r) {
        String state = r.qEnum("state", "active", List.of("active", "deleted"));
        Set<String> expand = expand(r);
        String id = r.param("userId");
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, ApiContract.PERMISSION_USERS_READ);
            User u = s.usersById.get(id);
            boolean deleted = u != null && u.state == UserState.DELETED;
            if (u == null || deleted != state.equals("deleted")) {
                throw ApiException.notFound("user", id);
            }
            return v.user(u, expand);
        }));
    }

    private HandlerResponse userRoles(HandlerRequest r) {
        String id = r.param("userId");
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            if (s.liveUser(id) == null) {
                throw ApiException.notFound("user", id);
            }
            return v.userAuthorization(id);
        }));
    }

    private HandlerResponse searchUsers(HandlerRequest r, Body body) {
        Search.Request q = Search.parse(body, true, USER_FIELDS);
        Set<String> expand = new HashSet<>(q.expand());
        expand.addAll(r.qAll("expand"));
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "directory:user:view");
            q.types().forEach(t -> ctx.searchLimit(r, t));
            long now = s.now();
            boolean stateAsked = q.fieldsUsed().contains("state");
            List<User> hits = new ArrayList<>();
            for (User u : s.usersByName) {
                if (u.searchVisibleAt > now) {
                    continue;
                }
                if (!stateAsked && !u.state.wire().equals(ApiContract.USER_SEARCH_DEFAULT_STATE)) {
                    continue;
                }
                if (Search.matches(q.query(), f -> userField(u, f), USER_FIELDS)) {
                    hits.add(u);
                }
            }
            Search.sortHits(hits, q, this::userSortKey);
            return Search.response("/api/v2/users/search", q, hits, "users", u -> v.user(u, expand));
        }));
    }

    private List<String> userField(User u, String f) {
        return switch (f) {
            case "id" -> List.of(u.id);
            case "name" -> List.of(u.name);
            case "email", "username" -> List.of(u.email);
            case "department" -> List.of(u.department);
            case "title" -> List.of(u.title);
            case "state" -> List.of(u.state.wire());
            default -> f.equals(ApiContract.USER_SEARCH_DIVISION_FIELD)
                    ? List.of(s.divisions.get(u.division).id()) : null;
        };
    }

    private String userSortKey(User u, String field) {
        List<String> x = userField(u, field);
        return x == null || x.isEmpty() ? "" : x.get(0);
    }
}
