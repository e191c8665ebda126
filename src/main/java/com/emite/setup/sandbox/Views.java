package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Division;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.Group;
import com.emite.setup.sandbox.OrgRecords.GroupDoc;
import com.emite.setup.sandbox.OrgRecords.Integration;
import com.emite.setup.sandbox.OrgRecords.IntegrationType;
import com.emite.setup.sandbox.OrgRecords.Policy;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.emite.setup.sandbox.OrgRecords.SubjectType;
import com.emite.setup.sandbox.OrgRecords.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** JSON of each record, built on demand with exactly the field names of the reference. Call under the read lock. */
final class Views {
    private final OrgState s;

    Views(OrgState s) {
        this.s = s;
    }

    static String userUri(String id) {
        return "/api/v2/users/" + id;
    }

    static String groupUri(String id) {
        return "/api/v2/groups/" + id;
    }

    static String roleUri(String id) {
        return "/api/v2/authorization/roles/" + id;
    }

    static String divisionUri(String id) {
        return "/api/v2/authorization/divisions/" + id;
    }

    static String clientUri(String id) {
        return "/api/v2/oauth/clients/" + id;
    }

    static String integrationUri(String id) {
        return "/api/v2/integrations/" + id;
    }

    JsonObject organization() {
        JsonObject features = new JsonObject();
        for (String f : List.of("realtimeCIC", "purecloud", "hipaa", "ucEnabled", "pci", "purecloudVoice",
                "xmppFederation", "chat", "informalPhotos", "directory", "contactCenter", "unifiedCommunications",
                "custserv")) {
            features.addProperty(f, !f.equals("realtimeCIC") && !f.equals("hipaa") && !f.equals("pci"));
        }
        features.addProperty("workforceManagement", s.config.wfm());
        return JsonTree.obj().put("id", s.orgId).put("name", s.orgName).put("defaultLanguage", "en-us")
                .put("defaultCountryCode", "US").put("thirdPartyOrgName", s.shortName).put("version", 1)
                .put("state", "active").put("voicemailEnabled", true).put("productPlatform", "GenesysCloud")
                .put("selfUri", "/api/v2/organizations/" + s.orgId).put("features", features).build();
    }

    JsonObject namedOrg() {
        return JsonTree.obj().put("id", s.orgId).put("name", s.orgName).build();
    }

    // ---- divisions ----

    JsonObject division(Division d) {
        return JsonTree.obj().put("id", d.id()).put("name", d.name()).put("description", d.description())
                .put("homeDivision", d.home()).put("selfUri", divisionUri(d.id())).build();
    }

    JsonObject divisionRef(String divisionId) {
        if (divisionId.equals(ApiContract.ALL_DIVISIONS)) {
            return JsonTree.obj().put("id", ApiContract.ALL_DIVISIONS).put("name", "All Divisions").build();
        }
        Division d = s.division(divisionId);
        return JsonTree.ref(divisionId, d == null ? null : d.name(), divisionUri(divisionId));
    }

    /** An AuthzDivision for a grant: full for a real division, a stub for "*". */
    JsonObject grantDivision(String divisionId) {
        Division d = s.division(divisionId);
        if (d == null) {
            return JsonTree.obj().put("id", divisionId).put("name", "All Divisions").put("homeDivision", false).build();
        }
        return division(d);
    }

    // ---- users ----

    JsonObject user(User u, Set<String> expand) {
        Division d = s.divisions.get(u.division);
        JsonTree o = JsonTree.obj().put("id", u.id).put("name", u.name).put("division", divisionRef(d.id()))
                .put("department", u.department).put("email", u.email).put("state", u.state.wire())
                .put("title", u.title).put("username", u.email).put("version", u.version);
        if (expand.contains("authorization")) {
            o.put("authorization", userAuthorization(u.id));
        }
        if (expand.contains("groups")) {
            JsonArray groups = new JsonArray();
            for (Group g : s.groups.values()) {
                if (!g.state.equals("deleted") && g.members().contains(u.id)) {
                    groups.add(JsonTree.obj().put("id", g.id).put("selfUri", groupUri(g.id)).build());
                }
            }
            o.put("groups", groups);
        }
        return o.put("selfUri", userUri(u.id)).build();
    }

    /** UserAuthorization: roles in force (direct and through groups) and their permissions. */
    JsonObject userAuthorization(String userId) {
        List<Grant> grants = s.effectiveGrants(userId, SubjectType.PC_USER, s.now());
        Map<String, Role> roles = new LinkedHashMap<>();
        for (Grant g : grants) {
            Role r = s.roles.get(g.roleId());
            if (r != null) {
                roles.putIfAbsent(r.id, r);
            }
        }
        JsonArray rs = new JsonArray();
        Set<String> perms = new TreeSet<>();
        for (Role r : roles.values()) {
            rs.add(JsonTree.obj().put("id", r.id).put("name", r.name).build());
            for (Policy p : r.policies) {
                for (String a : p.actionSet()) {
                    perms.add(p.domain() + ":" + p.entityName() + ":" + a);
                }
            }
        }
        return JsonTree.obj().put("roles", rs).put("unusedRoles", new JsonArray()).put("permissions",
                JsonTree.strings(perms))
                .build();
    }

    // ---- groups ----

    JsonObject group(Group g) {
        return group(g.doc());
    }

    JsonObject group(GroupDoc g) {
        JsonTree o = JsonTree.obj().put("id", g.id()).put("name", g.name()).put("description", g.description())
                .date("dateModified", g.dateModified()).put("memberCount", g.memberCount()).put("state", g.state())
                .put("version", g.version()).put("type", g.type()).put("rulesVisible", g.rulesVisible())
                .put("visibility", g.visibility());
        if (!g.ownerIds().isEmpty()) {
            JsonArray owners = new JsonArray();
            for (String id : g.ownerIds()) {
                owners.add(JsonTree.obj().put("id", id).put("selfUri", userUri(id)).build());
            }
            o.put("owners", owners);
        }
        return o.put("selfUri", groupUri(g.id())).build();
    }

    // ---- roles ----

    JsonObject role(Role r, Integer userCount, boolean unusedPermissions) {
        JsonTree o = JsonTree.obj().put("id", r.id).put("name", r.name).put("description", r.description)
                .put("defaultRoleId", r.defaultRoleId);
        if (unusedPermissions) {
            o.put("unusedPermissions", new JsonArray());
        }
        o.put("permissionPolicies", policies(r.policies)).put("userCount", userCount).put("roleNeedsUpdate", false)
                .put("base", r.base).put("default", r.isDefault).put("selfUri", roleUri(r.id));
        return o.build();
    }

    static JsonArray policies(List<Policy> policies) {
        JsonArray a = new JsonArray();
        for (Policy p : policies) {
            a.add(JsonTree.obj().put("domain", p.domain()).put("entityName", p.entityName())
                    .put("actionSet", JsonTree.strings(p.actionSet())).put("allowConditions",
                    p.allowConditions()).build());
        }
        return a;
    }

    /** Distinct users holding each role directly, counting only grants in force. */
    Map<String, Integer> userCounts() {
        long now = s.now();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<Grant> list : s.grants.values()) {
            Set<String> seen = new java.util.HashSet<>(4);
            for (Grant g : list) {
                if (g.subjectType() == SubjectType.PC_USER && g.effectiveAt() <= now && seen.add(g.roleId())
                        && s.liveUser(g.subjectId()) != null) {
                    counts.merge(g.roleId(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    // ---- grants ----

    JsonObject authzGrant(Grant g) {
        Role r = s.roles.get(g.roleId());
        JsonArray policies = new JsonArray();
        for (Policy p : r.policies) {
            policies.add(JsonTree.obj().put("actions", JsonTree.strings(p.actionSet())).put("domain", p.domain())
                    .put("entityName", p.entityName()).build());
        }
        JsonObject role = JsonTree.obj().put("id", r.id).put("name", r.name).put("description", r.description)
                .put("policies", policies).put("default", r.isDefault).put("selfUri", roleUri(r.id)).build();
        return JsonTree.obj().put("subjectId", g.subjectId()).put("division", grantDivision(g.divisionId()))
                .put("role", role).date("grantMadeAt", g.madeAt()).build();
    }

    JsonObject authzSubject(String id, String name, List<Grant> grants) {
        JsonArray a = new JsonArray();
        grants.forEach(g -> a.add(authzGrant(g)));
        return JsonTree.obj().put("id", id).put("name", name).put("grants", a).put("version", s.subjectVersion(id))
                .put("selfUri", "/api/v2/authorization/subjects/" + id).build();
    }

    // ---- OAuth clients ----

    /** roleDivisions of a client: its client-credentials grants (pending ones included) or the stored inert list. */
    List<String[]> roleDivisions(Client c) {
        if (!c.grantType.equals("CLIENT-CREDENTIALS")) {
            return c.inertRoleDivisions;
        }
        List<String[]> out = new ArrayList<>();
        for (Grant g : s.allGrantsOf(c.id)) {
            out.add(new String[]{g.roleId(), g.divisionId()});
        }
        return out;
    }

    JsonArray roleDivisionsJson(Client c) {
        JsonArray a = new JsonArray();
        for (String[] rd : roleDivisions(c)) {
            a.add(JsonTree.obj().put("roleId", rd[0]).put("divisionId", rd[1]).build());
        }
        return a;
    }

    /** OAuthClient (or OAuthClientListing without authorizedGrantType); the secret only when asked. */
    JsonObject client(Client c, boolean listing, boolean withSecret) {
        JsonTree o = JsonTree.obj().put("id", c.id).put("name", c.name).put("accessTokenValiditySeconds",
                c.validitySeconds)
                .put("description", c.description).put("registeredRedirectUri", JsonTree.strings(c.redirectUris));
        if (withSecret && c.secret != null) {
            o.put("secret", c.secret);
        }
        o.put("roleIds", JsonTree.strings(roleDivisions(c).stream().map(rd -> rd[0]).distinct().toList()))
                .date("dateCreated", c.dateCreated).date("dateModified", c.dateModified)
                .put("createdBy", JsonTree.obj().put("id", c.createdBy).put("selfUri", userUri(c.createdBy)))
                .put("modifiedBy", JsonTree.obj().put("id", c.modifiedBy).put("selfUri", userUri(c.modifiedBy)));
        if (!listing) {
            o.put("authorizedGrantType", c.grantType);
        }
        return o.put("scope", JsonTree.strings(c.scope)).put("roleDivisions", roleDivisionsJson(c)).put("state",
                c.state)
                .put("selfUri", clientUri(c.id)).build();
    }

    /** OrgOAuthClient inside TokenInfo. */
    JsonObject orgClient(Client c) {
        return JsonTree.obj().put("id", c.id).put("name", c.name).date("dateCreated", c.dateCreated)
                .date("dateModified", c.dateModified)
                .put("createdBy", JsonTree.obj().put("id", c.createdBy).put("selfUri", userUri(c.createdBy)))
                .put("authorizedGrantType", c.grantType).put("scope", JsonTree.strings(c.scope))
                .put("roleDivisions", roleDivisionsJson(c)).put("state", c.state).put("organization", namedOrg())
                .build();
    }

    // ---- integrations ----

    JsonObject integrationType(IntegrationType t) {
        String uri = "/api/v2/integrations/types/" + t.id();
        return JsonTree.obj().put("id", t.id()).put("name", t.name()).put("description", t.description())
                .put("provider", t.provider()).put("category", t.category())
                .put("configPropertiesSchemaUri", uri + "/configschemas/properties")
                .put("configAdvancedSchemaUri", uri + "/configschemas/advanced").put("nonInstallable", false)
                .put("maxInstances", t.maxInstances()).put("userPermissions", JsonTree.strings(t.userPermissions()))
                .put("vendorOAuthClientIds", new JsonArray()).put("selfUri", uri).build();
    }

    JsonObject config(Integration i) {
        return JsonTree.obj().put("id", i.id).put("name", i.name).put("version", i.configVersion)
                .put("properties", i.properties.deepCopy()).put("advanced", i.advanced.deepCopy())
                .put("notes", i.configNotes).put("credentials", i.credentials.deepCopy())
                .put("selfUri", integrationUri(i.id) + "/config/current").build();
    }

    JsonObject integration(Integration i) {
        IntegrationType t = s.integrationTypes.get(i.typeId);
        String code = switch (i.intendedState) {
            case "ENABLED" -> "ACTIVE";
            default -> "INACTIVE";
        };
        JsonObject reported = JsonTree.obj().put("code", code).put("effective",
                code.equals("ACTIVE") ? "Active" : "Inactive")
                .date("lastUpdated", i.lastUpdated).build();
        return JsonTree.obj().put("id", i.id).put("name", i.name).put("integrationType", integrationType(t))
                .put("notes", i.notes).put("intendedState", i.intendedState)
                .put("config", JsonTree.obj().put("current", config(i))).put("reportedState", reported)
                .put("attributes", new JsonObject()).put("selfUri", integrationUri(i.id)).build();
    }
}
