package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.emite.setup.sandbox.OrgRecords.SubjectType;
import com.emite.setup.sandbox.OrgRecords.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Role grants to users, groups and OAuth clients, and who holds a role (reference §9). */
final class GrantEndpoints {
    private static final Set<String> GRANTS_BODY = Set.of("grants");
    private static final Set<String> PAIR_BODY = Set.of("roleId", "divisionId");
    private static final Set<String> SUBJECT_DIVISIONS_BODY = Set.of("subjectIds", "divisionIds");
    private static final List<String> SUBJECT_TYPES = List.of("PC_USER", "PC_GROUP", "PC_OAUTH_CLIENT");

    private final OrgState s;
    private final Views v;
    private final EndpointContext ctx;

    GrantEndpoints(EndpointContext ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("POST", "/api/v2/authorization/roles/{roleId}", this::grantRoleToSubjects);
        r.api("PUT", "/api/v2/authorization/roles/{roleId}/users/add", req -> roleUsers(req, true));
        r.api("PUT", "/api/v2/authorization/roles/{roleId}/users/remove", req -> roleUsers(req, false));
        r.api("GET", "/api/v2/authorization/roles/{roleId}/users", this::roleUsersList);
        r.api("GET", "/api/v2/authorization/roles/{roleId}/subjectgrants", this::subjectGrants);
        r.api("GET", "/api/v2/authorization/subjects/me", this::subjectMe);
        r.api("GET", "/api/v2/authorization/subjects/{subjectId}", this::subject);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/bulkadd", this::bulkAdd);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/bulkremove", this::bulkRemove);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}",
                this::grantOne);
        r.api("DELETE", "/api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}",
                this::revokeOne);
    }

    private SubjectType subjectType(HandlerRequest r) {
        return SubjectType.valueOf(r.qEnum("subjectType", "PC_USER", SUBJECT_TYPES));
    }

    private String requireSubject(String id, SubjectType type) {
        String name = s.subjectName(id, type);
        if (name == null) {
            throw ApiException.notFound(switch (type) {
                case PC_USER -> "user";
                case PC_GROUP -> "group";
                case PC_OAUTH_CLIENT -> "OAuth client";
            }, id);
        }
        return name;
    }

    private void requireDivision(String id, String field) {
        if (!s.divisionExists(id)) {
            throw ApiException.invalidValue(field, "Unknown division id " + id).entity(id);
        }
    }

    private JsonObject subjectJson(String id, SubjectType type) {
        String name = requireSubject(id, type);
        return v.authzSubject(id, name, s.effectiveGrants(id, type, s.now()));
    }

    private HandlerResponse subject(HandlerRequest r) {
        String id = r.param("subjectId");
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            SubjectType type = s.subjectTypeOf(id);
            if (type == null) {
                throw ApiException.notFound("subject", id);
            }
            return subjectJson(id, type);
        }));
    }

    private HandlerResponse subjectMe(HandlerRequest r) {
        if (!r.caller.isUser() && !ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS) {
            throw ApiException.of(ApiContract.STATUS_USERS_ME_WITHOUT_USER, ApiContract.CODE_USERS_ME_WITHOUT_USER,
                    "This request requires a user context. Client credentials cannot be used for requests to this "
                            + "resource.");
        }
        return HandlerResponse.ok(s.read(() -> subjectJson(r.caller.subjectId(), r.caller.subjectType())));
    }

    private HandlerResponse grantOne(HandlerRequest r) {
        SubjectType type = subjectType(r);
        refuseClientGrant(type);
        String subjectId = r.param("subjectId");
        String divisionId = r.param("divisionId");
        String roleId = r.param("roleId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:add");
            requireSubject(subjectId, type);
            requireHoldsRole(r, RoleEndpoints.existingRole(s, roleId));
            if (!s.divisionExists(divisionId)) {
                throw ApiException.notFound("division", divisionId);
            }
            s.addGrant(subjectId, type, roleId, divisionId, s.now());
            return HandlerResponse.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    private HandlerResponse revokeOne(HandlerRequest r) {
        String subjectId = r.param("subjectId");
        String divisionId = r.param("divisionId");
        String roleId = r.param("roleId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:delete");
            if (s.subjectTypeOf(subjectId) == null) {
                throw ApiException.notFound("subject", subjectId);
            }
            RoleEndpoints.existingRole(s, roleId);
            s.removeGrant(subjectId, roleId, divisionId);
            return HandlerResponse.empty(ApiContract.STATUS_DELETED);
        });
    }

    private List<String[]> pairs(Body b) {
        b.only(GRANTS_BODY);
        List<Body> grants = b.objList("grants");
        if (grants == null) {
            throw ApiException.required("grants");
        }
        List<String[]> out = new ArrayList<>();
        for (Body g : grants) {
            g.only(PAIR_BODY);
            out.add(new String[]{g.reqStr("roleId"), g.reqStr("divisionId")});
        }
        return out;
    }

    private HandlerResponse bulkAdd(HandlerRequest r) {
        SubjectType type = subjectType(r);
        refuseClientGrant(type);
        List<String[]> pairs = pairs(r.json());
        String subjectId = r.param("subjectId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:add");
            requireSubject(subjectId, type);
            for (String[] p : pairs) {
                if (!s.roles.containsKey(p[0])) {
                    throw ApiException.invalidValue("grants.roleId", "Unknown role id " + p[0]).entity(p[0]);
                }
                requireDivision(p[1], "grants.divisionId");
                requireHoldsRole(r, s.roles.get(p[0]));
            }
            long now = s.now();
            for (String[] p : pairs) {
                s.addGrant(subjectId, type, p[0], p[1], now);
            }
            return HandlerResponse.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    private HandlerResponse bulkRemove(HandlerRequest r) {
        List<String[]> pairs = pairs(r.json());
        String subjectId = r.param("subjectId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:delete");
            if (s.subjectTypeOf(subjectId) == null) {
                throw ApiException.notFound("subject", subjectId);
            }
            for (String[] p : pairs) {
                s.removeGrant(subjectId, p[0], p[1]);
            }
            return HandlerResponse.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    /**
     * With {@link EndpointContext#grantNeedsGrantedPermissions}: the caller must hold every permission of the role it
     * grants, else 403 missing.permissions (the stricter reading of an unconfirmed rule; call under the lock).
     */
    private void requireHoldsRole(HandlerRequest r, OrgRecords.Role role) {
        if (!ctx.grantNeedsGrantedPermissions || role == null) {
            return;
        }
        List<String> permissions = new ArrayList<>();
        for (OrgRecords.Policy p : role.policies) {
            for (String a : p.actionSet()) {
                permissions.add(p.domain() + ":" + p.entityName() + ":" + a);
            }
        }
        r.caller.require(s, permissions.toArray(String[]::new));
    }

    /** An org that refuses role grants to OAuth clients through the subjects API (see Sandbox#refuseClientGrants). */
    private void refuseClientGrant(SubjectType type) {
        if (type == SubjectType.PC_OAUTH_CLIENT && ctx.refuseClientGrants) {
            throw ApiException.of(400, "bad.request", "Roles cannot be granted to an OAuth client here; add the "
                    + "role to the client's roleDivisions with PUT /api/v2/oauth/clients/{clientId}.");
        }
    }

    private HandlerResponse grantRoleToSubjects(HandlerRequest r) {
        SubjectType type = subjectType(r);
        refuseClientGrant(type);
        Body b = r.json().only(SUBJECT_DIVISIONS_BODY);
        List<String> subjects = b.strList("subjectIds");
        List<String> divisions = b.strList("divisionIds");
        if (subjects == null) {
            throw ApiException.required("subjectIds");
        }
        if (divisions == null) {
            throw ApiException.required("divisionIds");
        }
        if (subjects.size() > ctx.maxGrantBatch) {
            throw ApiException.invalidValue("subjectIds", "At most " + ctx.maxGrantBatch
                    + " subject ids per request");
        }
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:add");
            String roleId = RoleEndpoints.existingRole(s, r.param("roleId")).id;
            requireHoldsRole(r, s.roles.get(roleId));
            for (String id : subjects) {
                if (s.subjectName(id, type) == null) {
                    throw ApiException.invalidValue("subjectIds", "Unknown subject id " + id).entity(id);
                }
            }
            for (String d : divisions) {
                requireDivision(d, "divisionIds");
            }
            long now = s.now();
            for (String id : subjects) {
                for (String d : divisions) {
                    s.addGrant(id, type, roleId, d, now);
                }
            }
            return HandlerResponse.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    /** PUT …/users/add|remove: a bare array of user ids, granted in the home division (reference §9 [INF]). */
    private HandlerResponse roleUsers(HandlerRequest r, boolean add) {
        JsonElement e = Body.parseAny(r.body);
        if (!e.isJsonArray()) {
            throw ApiException.badRequest("The body must be a JSON array of user ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                throw ApiException.badRequest("The body must be a JSON array of user ids");
            }
            ids.add(x.getAsString());
        }
        if (ids.size() > ApiContract.MAX_SUBJECTS_PER_GRANT_CALL) {
            throw ApiException.badRequest("At most " + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL + " user ids");
        }
        return s.write(() -> {
            r.caller.require(s, add ? "authorization:grant:add" : "authorization:grant:delete");
            String roleId = RoleEndpoints.existingRole(s, r.param("roleId")).id;
            if (add) {
                requireHoldsRole(r, s.roles.get(roleId));
            }
            for (String id : ids) {
                if (s.liveUser(id) == null) {
                    throw ApiException.invalidValue("userIds", "Unknown user id " + id).entity(id);
                }
            }
            long now = s.now();
            for (String id : ids) {
                if (add) {
                    s.addGrant(id, SubjectType.PC_USER, roleId, s.home().id(), now);
                } else {
                    s.removeGrant(id, roleId, s.home().id());
                }
            }
            return HandlerResponse.ok(JsonTree.strings(ids));
        });
    }

    private HandlerResponse roleUsersList(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Role role = RoleEndpoints.existingRole(s, r.param("roleId"));
            long now = s.now();
            List<User> users = new ArrayList<>();
            for (User u : s.usersByName) {
                if (u.state == OrgRecords.UserState.DELETED) {
                    continue;
                }
                for (Grant g : s.allGrantsOf(u.id)) {
                    if (g.roleId().equals(role.id) && g.effectiveAt() <= now) {
                        users.add(u);
                        break;
                    }
                }
            }
            return Listing.of(r, page, users, u -> v.user(u, Set.of()));
        }));
    }

    private HandlerResponse subjectGrants(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Role role = RoleEndpoints.existingRole(s, r.param("roleId"));
            long now = s.now();
            Map<String, List<String>> divisionsBySubject = new LinkedHashMap<>();
            Map<String, SubjectType> types = new LinkedHashMap<>();
            for (List<Grant> list : s.grants.values()) {
                for (Grant g : list) {
                    if (g.roleId().equals(role.id) && g.effectiveAt() <= now
                            && s.subjectName(g.subjectId(), g.subjectType()) != null) {
                        divisionsBySubject.computeIfAbsent(g.subjectId(), k -> new ArrayList<>()).add(g.divisionId());
                        types.put(g.subjectId(), g.subjectType());
                    }
                }
            }
            List<String> subjects = new ArrayList<>(divisionsBySubject.keySet());
            return Listing.of(r, page, subjects, id -> {
                JsonArray divs = new JsonArray();
                divisionsBySubject.get(id).forEach(d -> divs.add(v.divisionRef(d)));
                return JsonTree.obj().put("id", id).put("name", s.subjectName(id, types.get(id)))
                        .put("divisions", divs).put("type", types.get(id).name()).build();
            });
        }));
    }
}
