package com.emite.setup.provision;

import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.NamedEntity;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.User;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;
import com.emite.setup.provision.OrgApi.UserInfo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The translation between the API client's wire models and the engine's {@link OrgApi} records, both ways: pure
 * functions, so that {@link GenesysOrgApi} holds only the calls.
 */
final class OrgApiMapping {
    private OrgApiMapping() {
    }

    static RoleInfo role(DomainOrganizationRole r) {
        List<RolePolicy> policies = new ArrayList<>();
        if (r.permissionPolicies() != null) {
            for (DomainPermissionPolicy p : r.permissionPolicies()) {
                policies.add(new RolePolicy(p.domain(), p.entityName(),
                        p.actionSet() == null ? List.of() : p.actionSet(), p));
            }
        } else if (r.permissions() != null) {
            for (String s : r.permissions()) {
                if (s.split(":").length == 3) {
                    policies.add(RolePolicy.of(s));
                }
            }
        }
        return new RoleInfo(r.id(), r.name(), r.description(), policies);
    }

    static GroupInfo group(Group g) {
        return new GroupInfo(g.id(), g.name(), g.type(), g.visibility(),
                g.rulesVisible() == null || g.rulesVisible(), g.version() == null ? 1 : g.version(), g.description(),
                g.ownerIds(), g.memberCount(), instant(g.dateModified()));
    }

    /** A date of the API (ISO-8601), or null when absent or unreadable: it only ever adds a notice. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    static ClientInfo clientInfo(OAuthClient c) {
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        if (c.roleDivisions() != null) {
            for (RoleDivision r : c.roleDivisions()) {
                rd.computeIfAbsent(r.roleId(), k -> new LinkedHashSet<>()).add(r.divisionId());
            }
        }
        return new ClientInfo(c.id(), c.name(), c.description(), c.authorizedGrantType(),
                c.accessTokenValiditySeconds() == null ? null : (int) (long) c.accessTokenValiditySeconds(),
                c.registeredRedirectUri() == null ? List.of() : c.registeredRedirectUri(),
                c.scope() == null ? List.of() : c.scope(), rd, c.state(), instant(c.dateCreated()));
    }

    static IntegrationInfo integration(Integration i) {
        String name = i.name() != null ? i.name()
                : i.config() != null && i.config().current() != null ? i.config().current().name() : null;
        return new IntegrationInfo(i.id(), name, i.typeId(), i.intendedState());
    }

    static UserInfo userInfo(User u) {
        Set<String> roles = new HashSet<>();
        if (u.authorization() != null && u.authorization().roles() != null) {
            for (NamedEntity r : u.authorization().roles()) {
                roles.add(r.id());
            }
        }
        return new UserInfo(u.id(), u.name(), u.email(), u.division() == null ? null : u.division().id(), roles);
    }

    /** The engine's policies as the API takes them, keeping what the engine does not manage of a policy it read. */
    static List<DomainPermissionPolicy> apiPolicies(List<RolePolicy> policies) {
        List<DomainPermissionPolicy> out = new ArrayList<>();
        for (RolePolicy p : policies) {
            if (p.original() instanceof DomainPermissionPolicy o) {
                out.add(new DomainPermissionPolicy(o.domain(), o.entityName(), p.actions(), o.allowConditions(),
                        o.resourceConditionNode(), o.policyName(), o.policyDescription(), o.namedResources()));
            } else {
                out.add(DomainPermissionPolicy.of(p.domain(), p.entityName(), p.actions()));
            }
        }
        return out;
    }

    /**
     * The whole client (POST, and PUT, which replaces every field, reference §10): redirect URIs and scopes for a
     * code client, role/division pairs for a client-credentials client (each ignored by the other grant type).
     */
    static OAuthClientRequest clientRequest(ClientSpec spec, Map<String, Set<String>> roleDivisions) {
        List<RoleDivision> rd = new ArrayList<>();
        roleDivisions.forEach((role, divisions) -> divisions.forEach(d -> rd.add(new RoleDivision(role, d))));
        if (spec.clientCredentials()) {
            return new OAuthClientRequest(spec.name(), spec.description(), (long) spec.tokenSeconds(),
                    spec.grantType(), spec.redirectUris().isEmpty() ? null : spec.redirectUris(),
                    spec.scopes().isEmpty() ? null : spec.scopes(), rd, OAuthClient.STATE_ACTIVE);
        }
        return new OAuthClientRequest(spec.name(), spec.description(), (long) spec.tokenSeconds(), spec.grantType(),
                spec.redirectUris(), spec.scopes(), rd.isEmpty() ? null : rd, OAuthClient.STATE_ACTIVE);
    }
}
