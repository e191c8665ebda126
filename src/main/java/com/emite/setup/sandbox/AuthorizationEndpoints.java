package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.Rec.Division;
import com.emite.setup.sandbox.Rec.Grant;
import com.emite.setup.sandbox.Rec.Policy;
import com.emite.setup.sandbox.Rec.Role;
import com.emite.setup.sandbox.Rec.SubjectType;
import com.emite.setup.sandbox.Rec.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Roles, the permission catalog, divisions and role grants (reference §7, §8, §9). */
final class AuthorizationEndpoints {
    private static final Set<String> ROLE_BODY = Set.of("id", "name", "description", "defaultRoleId", "permissions",
            "unusedPermissions", "permissionPolicies", "userCount", "roleNeedsUpdate", "base", "default", "selfUri");
    private static final Set<String> POLICY_BODY = Set.of("domain", "entityName", "policyName", "policyDescription",
            "actionSet", "namedResources", "allowConditions", "resourceConditionNode");
    private static final Set<String> GRANTS_BODY = Set.of("grants");
    private static final Set<String> PAIR_BODY = Set.of("roleId", "divisionId");
    private static final Set<String> SUBJECT_DIVISIONS_BODY = Set.of("subjectIds", "divisionIds");
    private static final List<String> SUBJECT_TYPES = List.of("PC_USER", "PC_GROUP", "PC_OAUTH_CLIENT");

    private final OrgState s;
    private final Views v;

    private final Ctx ctx;

    AuthorizationEndpoints(Ctx ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/authorization/roles", this::listRoles);
        r.api("POST", "/api/v2/authorization/roles", this::createRole);
        r.api("GET", "/api/v2/authorization/roles/{roleId}", this::getRole);
        r.api("PUT", "/api/v2/authorization/roles/{roleId}", this::updateRole);
        r.api("DELETE", "/api/v2/authorization/roles/{roleId}", this::deleteRole);
        r.api("POST", "/api/v2/authorization/roles/{roleId}", this::grantRoleToSubjects);
        r.api("PUT", "/api/v2/authorization/roles/{roleId}/users/add", req -> roleUsers(req, true));
        r.api("PUT", "/api/v2/authorization/roles/{roleId}/users/remove", req -> roleUsers(req, false));
        r.api("GET", "/api/v2/authorization/roles/{roleId}/users", this::roleUsersList);
        r.api("GET", "/api/v2/authorization/roles/{roleId}/subjectgrants", this::subjectGrants);
        r.api("GET", "/api/v2/authorization/permissions", this::permissions);
        r.api("GET", "/api/v2/authorization/divisions", this::listDivisions);
        r.api("GET", "/api/v2/authorization/divisions/home", req -> Resp.ok(s.read(() -> v.division(s.home()))));
        r.api("GET", "/api/v2/authorization/divisions/{divisionId}", this::getDivision);
        r.api("GET", "/api/v2/authorization/divisions/{divisionId}/grants", this::divisionGrants);
        r.api("GET", "/api/v2/authorization/divisionspermitted/paged/me", this::divisionsPermitted);
        r.api("GET", "/api/v2/authorization/subjects/me", this::subjectMe);
        r.api("GET", "/api/v2/authorization/subjects/{subjectId}", this::subject);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/bulkadd", this::bulkAdd);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/bulkremove", this::bulkRemove);
        r.api("POST", "/api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}",
                this::grantOne);
        r.api("DELETE", "/api/v2/authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}",
                this::revokeOne);
    }

    // ---- roles ----

    private Role role(String id) {
        Role r = s.roles.get(id);
        if (r == null) {
            throw ApiException.notFound("role", id);
        }
        return r;
    }

    private Resp listRoles(Req r) {
        Req.Page page = r.page();
        String name = r.q("name");
        List<String> ids = r.qAll("id");
        List<String> permissions = r.qAll("permission");
        List<String> defaultRoleIds = r.qAll("defaultRoleId");
        boolean userCount = r.qBool("userCount", true);
        String sortBy = r.qEnum("sortBy", "name", List.of("name", "description", "userCount", "id"));
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:role:view");
            Map<String, Integer> counts = userCount ? v.userCounts() : Map.of();
            List<Role> all = new ArrayList<>();
            for (Role role : s.roles.values()) {
                if (name != null && !(ApiContract.ROLE_NAME_FILTER_EXACT ? role.name.equals(name)
                        : role.name.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
                    continue;
                }
                if (!ids.isEmpty() && !ids.contains(role.id)) {
                    continue;
                }
                if (!defaultRoleIds.isEmpty() && !defaultRoleIds.contains(role.defaultRoleId)) {
                    continue;
                }
                if (!permissions.isEmpty() && permissions.stream().noneMatch(role::grants)) {
                    continue;
                }
                all.add(role);
            }
            Comparator<Role> c = switch (sortBy) {
                case "description" -> Comparator.comparing(x -> x.description == null ? "" : x.description);
                case "userCount" -> Comparator.comparing(x -> counts.getOrDefault(x.id, 0));
                case "id" -> Comparator.comparing(x -> x.id);
                default -> Comparator.comparing(x -> x.name.toLowerCase(Locale.ROOT));
            };
            all.sort(c);
            return Listing.of(r, page, all, x -> v.role(x, userCount ? counts.getOrDefault(x.id, 0) : null, false));
        }));
    }

    private Resp getRole(Req r) {
        boolean userCount = r.qBool("userCount", true);
        boolean unused = r.qAll("expand").contains("unusedPermissions");
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:role:view");
            Role role = role(r.param("roleId"));
            return v.role(role, userCount ? v.userCounts().getOrDefault(role.id, 0) : null, unused);
        }));
    }

    /** name, description and policies of a role body, validated against the catalog (reference §8, §14). */
    private record RoleInput(String name, String description, List<Policy> policies) {
    }

    private RoleInput roleInput(Body b) {
        b.only(ROLE_BODY);
        String name = b.reqStr("name");
        String description = b.str("description");
        List<Policy> policies = new ArrayList<>();
        List<Body> pols = b.objList("permissionPolicies");
        if (pols != null) {
            for (Body p : pols) {
                p.only(POLICY_BODY);
                String domain = p.reqStr("domain");
                String entity = p.reqStr("entityName");
                List<String> actions = p.strList("actionSet");
                if (actions == null || actions.isEmpty()) {
                    throw ApiException.required(p.path("actionSet"));
                }
                Boolean conditions = p.bool("allowConditions");
                p.str("policyName");
                p.str("policyDescription");
                policies.add(new Policy(domain, entity, List.copyOf(new LinkedHashSet<>(actions)),
                        conditions != null && conditions));
            }
        }
        List<String> legacy = b.strList("permissions");
        if (legacy != null) {
            for (String perm : legacy) {
                String[] x = perm.split(":", -1);
                if (x.length != 3) {
                    throw unknownPermissions(List.of(perm));
                }
                policies.add(new Policy(x[0], x[1], List.of(x[2]), false));
            }
        }
        return new RoleInput(name, description, merge(policies));
    }

    /** Policies sharing domain and entity become one, with the union of actions. */
    private static List<Policy> merge(List<Policy> in) {
        Map<String, Policy> out = new LinkedHashMap<>();
        for (Policy p : in) {
            String k = p.domain() + ":" + p.entityName();
            Policy prev = out.get(k);
            if (prev == null) {
                out.put(k, p);
            } else {
                Set<String> a = new LinkedHashSet<>(prev.actionSet());
                a.addAll(p.actionSet());
                out.put(k, new Policy(p.domain(), p.entityName(), List.copyOf(a),
                        prev.allowConditions() || p.allowConditions()));
            }
        }
        return new ArrayList<>(out.values());
    }

    private void validate(List<Policy> policies) {
        List<String> unknown = new ArrayList<>();
        for (Policy p : policies) {
            for (String a : p.actionSet()) {
                if (!s.catalog.accepts(p.domain(), p.entityName(), a)) {
                    unknown.add(p.domain() + ":" + p.entityName() + ":" + a);
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw unknownPermissions(unknown);
        }
    }

    private static ApiException unknownPermissions(List<String> unknown) {
        return new ApiException(400, ApiContract.CODE_UNKNOWN_PERMISSION,
                "The following permissions are not valid for this organization: {permissions}",
                java.util.Map.of("permissions", unknown.toString())).detail(ApiContract.CODE_UNKNOWN_PERMISSION,
                "permissionPolicies");
    }

    private ApiException duplicateRole(String name) {
        return new ApiException(ApiContract.STATUS_DUPLICATE_ROLE_NAME, ApiContract.CODE_DUPLICATE_ROLE_NAME,
                "A role with the name {name} already exists", java.util.Map.of("name", name));
    }

    private Resp createRole(Req r) {
        RoleInput in = roleInput(r.json());
        return s.write(() -> {
            r.caller.require(s, "authorization:role:add");
            validate(in.policies);
            if (s.roleNamed(in.name) != null) {
                throw duplicateRole(in.name);
            }
            Role role = new Role(s.newId(), in.name, in.description, in.policies, null, false);
            s.roles.put(role.id, role);
            return Resp.json(ApiContract.STATUS_CREATED, v.role(role, 0, false));
        });
    }

    private Resp updateRole(Req r) {
        RoleInput in = roleInput(r.json());
        return s.write(() -> {
            r.caller.require(s, "authorization:role:edit");
            Role role = role(r.param("roleId"));
            validate(in.policies);
            Role other = s.roleNamed(in.name);
            if (other != null && other != role) {
                throw duplicateRole(in.name);
            }
            role.name = in.name;
            role.description = in.description;
            role.policies = in.policies; // the whole policy set is replaced (reference §8 [INF])
            return Resp.ok(v.role(role, v.userCounts().getOrDefault(role.id, 0), false));
        });
    }

    private Resp deleteRole(Req r) {
        return s.write(() -> {
            r.caller.require(s, "authorization:role:delete");
            Role role = role(r.param("roleId"));
            if (role.isDefault) {
                throw ApiException.badRequest("A default role cannot be deleted");
            }
            s.roles.remove(role.id);
            s.grants.values().forEach(l -> l.removeIf(g -> g.roleId().equals(role.id)));
            return Resp.empty(ApiContract.STATUS_DELETED);
        });
    }

    // ---- permission catalog ----

    private Resp permissions(Req r) {
        Req.Page page = r.page();
        String queryType = r.qEnum("queryType", null, List.of("domain", "permission"));
        List<String> query = r.qAll("query");
        if (queryType != null && query.isEmpty()) {
            throw ApiException.invalidQueryParam("query", "");
        }
        return Resp.ok(s.read(() -> {
            List<JsonObject> entities = new ArrayList<>();
            for (String domain : s.catalog.domainNames()) {
                Map<String, List<PermissionCatalog.Perm>> entitiesOf = s.catalog.domain(domain);
                JsonObject map = new JsonObject();
                for (Map.Entry<String, List<PermissionCatalog.Perm>> e : entitiesOf.entrySet()) {
                    JsonArray perms = new JsonArray();
                    for (PermissionCatalog.Perm p : e.getValue()) {
                        if ("permission".equals(queryType) && !query.contains(p.string())) {
                            continue;
                        }
                        perms.add(Js.obj().put("domain", p.domain()).put("entityType", p.entity())
                                .put("action", p.action()).put("label", p.label())
                                .put("allowsConditions", p.allowsConditions())
                                .put("divisionAware", p.divisionAware()).build());
                    }
                    if (perms.size() > 0) {
                        map.add(e.getKey(), perms);
                    }
                }
                if ("domain".equals(queryType) && !query.contains(domain) || map.size() == 0) {
                    continue;
                }
                entities.add(Js.obj().put("id", domain).put("name", domain).put("domain", domain)
                        .put("permissionMap", map).build());
            }
            return Listing.of(r, page, entities, e -> e);
        }));
    }

    // ---- divisions ----

    private Division division(String id) {
        Division d = s.division(id);
        if (d == null) {
            throw ApiException.notFound("division", id);
        }
        return d;
    }

    private Resp listDivisions(Req r) {
        Req.Page page = r.page();
        List<String> ids = r.qAll("id");
        String name = r.q("name");
        r.qBool("objectCount", false);
        return Resp.ok(s.read(() -> {
            List<Division> all = new ArrayList<>();
            for (Division d : s.divisions) {
                if ((ids.isEmpty() || ids.contains(d.id())) && (name == null || d.name().equals(name))) {
                    all.add(d);
                }
            }
            all.sort(Comparator.comparing((Division d) -> d.name().toLowerCase(Locale.ROOT)));
            return Listing.of(r, page, all, v::division);
        }));
    }

    private Resp getDivision(Req r) {
        r.qBool("objectCount", false);
        return Resp.ok(s.read(() -> v.division(division(r.param("divisionId")))));
    }

    private Resp divisionGrants(Req r) {
        Req.Page page = r.page(ApiContract.MAX_PAGE_SIZE_DIVISION_GRANTS);
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Division d = division(r.param("divisionId"));
            long now = s.now();
            List<Grant> all = new ArrayList<>();
            for (List<Grant> list : s.grants.values()) {
                for (Grant g : list) {
                    if (g.divisionId().equals(d.id()) && g.effectiveAt() <= now && s.roles.containsKey(g.roleId())) {
                        all.add(g);
                    }
                }
            }
            return Listing.thin(page, all, v::authzGrant);
        }));
    }

    private Resp divisionsPermitted(Req r) {
        String permission = r.q("permission");
        if (permission == null || permission.split(":").length != 3) {
            throw ApiException.invalidQueryParam("permission", permission == null ? "" : permission);
        }
        Req.Page page = r.page();
        return Resp.ok(s.read(() -> {
            boolean all = false;
            Set<String> ids = new HashSet<>();
            for (Grant g : r.caller.grants(s)) {
                Role role = s.roles.get(g.roleId());
                if (role != null && role.grants(permission)) {
                    if (g.divisionId().equals(ApiContract.ALL_DIVISIONS)) {
                        all = true;
                    } else {
                        ids.add(g.divisionId());
                    }
                }
            }
            List<Division> divs = new ArrayList<>();
            for (Division d : s.divisions) {
                if (all || ids.contains(d.id())) {
                    divs.add(d);
                }
            }
            JsonObject o = Listing.of(r, page, divs, v::division);
            o.addProperty("allDivsPermitted", all);
            return o;
        }));
    }

    // ---- subjects and grants ----

    private SubjectType subjectType(Req r) {
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

    private Resp subject(Req r) {
        String id = r.param("subjectId");
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            SubjectType type = s.subjectTypeOf(id);
            if (type == null) {
                throw ApiException.notFound("subject", id);
            }
            return subjectJson(id, type);
        }));
    }

    private Resp subjectMe(Req r) {
        if (!r.caller.isUser() && !ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS) {
            throw ApiException.of(ApiContract.STATUS_USERS_ME_WITHOUT_USER, ApiContract.CODE_USERS_ME_WITHOUT_USER,
                    "This request requires a user context. Client credentials cannot be used for requests to this "
                            + "resource.");
        }
        return Resp.ok(s.read(() -> subjectJson(r.caller.subjectId(), r.caller.subjectType())));
    }

    private Resp grantOne(Req r) {
        SubjectType type = subjectType(r);
        refuseClientGrant(type);
        String subjectId = r.param("subjectId");
        String divisionId = r.param("divisionId");
        String roleId = r.param("roleId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:add");
            requireSubject(subjectId, type);
            role(roleId);
            if (!s.divisionExists(divisionId)) {
                throw ApiException.notFound("division", divisionId);
            }
            s.addGrant(subjectId, type, roleId, divisionId, s.now());
            return Resp.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    private Resp revokeOne(Req r) {
        String subjectId = r.param("subjectId");
        String divisionId = r.param("divisionId");
        String roleId = r.param("roleId");
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:delete");
            if (s.subjectTypeOf(subjectId) == null) {
                throw ApiException.notFound("subject", subjectId);
            }
            role(roleId);
            s.removeGrant(subjectId, roleId, divisionId);
            return Resp.empty(ApiContract.STATUS_DELETED);
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

    private Resp bulkAdd(Req r) {
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
            }
            long now = s.now();
            for (String[] p : pairs) {
                s.addGrant(subjectId, type, p[0], p[1], now);
            }
            return Resp.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    private Resp bulkRemove(Req r) {
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
            return Resp.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    /** An org that refuses role grants to OAuth clients through the subjects API (see Sandbox#refuseClientGrants). */
    private void refuseClientGrant(SubjectType type) {
        if (type == SubjectType.PC_OAUTH_CLIENT && ctx.refuseClientGrants) {
            throw ApiException.of(400, "bad.request", "Roles cannot be granted to an OAuth client here; add the "
                    + "role to the client's roleDivisions with PUT /api/v2/oauth/clients/{clientId}.");
        }
    }

    private Resp grantRoleToSubjects(Req r) {
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
        if (subjects.size() > ApiContract.MAX_SUBJECTS_PER_GRANT_CALL) {
            throw ApiException.invalidValue("subjectIds", "At most " + ApiContract.MAX_SUBJECTS_PER_GRANT_CALL
                    + " subject ids per request");
        }
        return s.write(() -> {
            r.caller.require(s, "authorization:grant:add");
            String roleId = role(r.param("roleId")).id;
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
            return Resp.empty(ApiContract.STATUS_GRANT_ADDED);
        });
    }

    /** PUT …/users/add|remove: a bare array of user ids, granted in the home division (reference §9 [INF]). */
    private Resp roleUsers(Req r, boolean add) {
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
            String roleId = role(r.param("roleId")).id;
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
            return Resp.ok(Js.strings(ids));
        });
    }

    private Resp roleUsersList(Req r) {
        Req.Page page = r.page();
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Role role = role(r.param("roleId"));
            long now = s.now();
            List<User> users = new ArrayList<>();
            for (User u : s.usersByName) {
                if (u.state == Rec.UserState.DELETED) {
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

    private Resp subjectGrants(Req r) {
        Req.Page page = r.page();
        return Resp.ok(s.read(() -> {
            r.caller.require(s, "authorization:grant:view");
            Role role = role(r.param("roleId"));
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
                return Js.obj().put("id", id).put("name", s.subjectName(id, types.get(id)))
                        .put("divisions", divs).put("type", types.get(id).name()).build();
            });
        }));
    }
}
