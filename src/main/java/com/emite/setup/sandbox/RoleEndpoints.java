package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Policy;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Roles and the permission catalog (reference §8). */
final class RoleEndpoints {
    private static final Set<String> ROLE_BODY = Set.of("id", "name", "description", "defaultRoleId", "permissions",
            "unusedPermissions", "permissionPolicies", "userCount", "roleNeedsUpdate", "base", "default", "selfUri");
    private static final Set<String> POLICY_BODY = Set.of("domain", "entityName", "policyName", "policyDescription",
            "actionSet", "namedResources", "allowConditions", "resourceConditionNode");

    private final OrgState s;
    private final Views v;

    RoleEndpoints(EndpointContext ctx) {
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/authorization/roles", this::listRoles);
        r.api("POST", "/api/v2/authorization/roles", this::createRole);
        r.api("GET", "/api/v2/authorization/roles/{roleId}", this::getRole);
        r.api("PUT", "/api/v2/authorization/roles/{roleId}", this::updateRole);
        r.api("DELETE", "/api/v2/authorization/roles/{roleId}", this::deleteRole);
        r.api("GET", "/api/v2/authorization/permissions", this::permissions);
    }

    /** The role with this id, or 404 (also used by the grant endpoints). Call under the org's lock. */
    static Role existingRole(OrgState s, String id) {
        Role r = s.roles.get(id);
        if (r == null) {
            throw ApiException.notFound("role", id);
        }
        return r;
    }

    private Role role(String id) {
        return existingRole(s, id);
    }

    private HandlerResponse listRoles(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        String name = r.q("name");
        List<String> ids = r.qAll("id");
        List<String> permissions = r.qAll("permission");
        List<String> defaultRoleIds = r.qAll("defaultRoleId");
        boolean userCount = r.qBool("userCount", true);
        String sortBy = r.qEnum("sortBy", "name", List.of("name", "description", "userCount", "id"));
        return HandlerResponse.ok(s.read(() -> {
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

    private HandlerResponse getRole(HandlerRequest r) {
        boolean userCount = r.qBool("userCount", true);
        boolean unused = r.qAll("expand").contains("unusedPermissions");
        return HandlerResponse.ok(s.read(() -> {
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

    private HandlerResponse createRole(HandlerRequest r) {
        RoleInput in = roleInput(r.json());
        return s.write(() -> {
            r.caller.require(s, "authorization:role:add");
            validate(in.policies);
            if (s.roleNamed(in.name) != null) {
                throw duplicateRole(in.name);
            }
            Role role = new Role(s.newId(), in.name, in.description, in.policies, null, false);
            s.roles.put(role.id, role);
            return HandlerResponse.json(ApiContract.STATUS_CREATED, v.role(role, 0, false));
        });
    }

    private HandlerResponse updateRole(HandlerRequest r) {
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
            return HandlerResponse.ok(v.role(role, v.userCounts().getOrDefault(role.id, 0), false));
        });
    }

    private HandlerResponse deleteRole(HandlerRequest r) {
        return s.write(() -> {
            r.caller.require(s, "authorization:role:delete");
            Role role = role(r.param("roleId"));
            if (role.isDefault) {
                throw ApiException.badRequest("A default role cannot be deleted");
            }
            s.roles.remove(role.id);
            s.grants.values().forEach(l -> l.removeIf(g -> g.roleId().equals(role.id)));
            return HandlerResponse.empty(ApiContract.STATUS_DELETED);
        });
    }

    // ---- the permission catalog ----

    private HandlerResponse permissions(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        String queryType = r.qEnum("queryType", null, List.of("domain", "permission"));
        List<String> query = r.qAll("query");
        if (queryType != null && query.isEmpty()) {
            throw ApiException.invalidQueryParam("query", "");
        }
        return HandlerResponse.ok(s.read(() -> {
            List<JsonObject> entities = new ArrayList<>();
            for (String domain : s.catalog.domainNames()) {
                Map<String, List<OrgPermissions.Perm>> entitiesOf = s.catalog.domain(domain);
                JsonObject map = new JsonObject();
                for (Map.Entry<String, List<OrgPermissions.Perm>> e : entitiesOf.entrySet()) {
                    JsonArray perms = new JsonArray();
                    for (OrgPermissions.Perm p : e.getValue()) {
                        if ("permission".equals(queryType) && !query.contains(p.string())) {
                            continue;
                        }
                        perms.add(JsonTree.obj().put("domain", p.domain()).put("entityType", p.entity())
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
                entities.add(JsonTree.obj().put("id", domain).put("name", domain).put("domain", domain)
                        .put("permissionMap", map).build());
            }
            return Listing.of(r, page, entities, e -> e);
        }));
    }

}
