package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionCollection;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SubjectDivisions;
import com.emite.setup.genesys.model.SubjectType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Authorization: roles and the permission catalog (§8), divisions (§7), grants and subjects (§9). */
final class AuthorizationCalls {
    private final ApiRequests r;

    AuthorizationCalls(ApiRequests r) {
        this.r = r;
    }

    /** {@code GET /api/v2/authorization/roles?userCount=false}, all pages, lazily. */
    Stream<DomainOrganizationRole> listRoles() {
        return r.pages(() -> r.api("authorization", "roles").addQueryParameter("userCount", "false"),
                DomainOrganizationRole.class, "list roles");
    }

    /**
     * {@code POST /api/v2/authorization/roles}. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look in {@link #listRoles} first
     */
    DomainOrganizationRole createRole(RoleRequest role) {
        return r.write("POST", r.api("authorization", "roles"), role, Transport.Repeat.CREATE,
                DomainOrganizationRole.class, "create the role '" + role.name() + "'");
    }

    /** {@code PUT /api/v2/authorization/roles/{id}}: replaces name, description and all policies. 1 call. */
    DomainOrganizationRole updateRole(String roleId, RoleRequest role) {
        return r.write("PUT", r.api("authorization", "roles", roleId), role, Transport.Repeat.SAFE,
                DomainOrganizationRole.class, "update the role '" + role.name() + "'");
    }

    /**
     * The permission catalog of the given domains ({@code ?queryType=domain&query=d1,d2,…&pageSize=100}, all pages,
     * permission maps merged). Empty {@code domains}: the whole catalog. 1 call in the common case.
     */
    PermissionCatalog getPermissionCatalog(Collection<String> domains) {
        String query = domains == null ? "" : domains.stream().distinct().sorted().collect(Collectors.joining(","));
        List<DomainPermissionCollection> all = r.pages(() -> {
            var u = r.api("authorization", "permissions");
            return query.isEmpty() ? u : u.addQueryParameter("queryType", "domain").addQueryParameter("query", query);
        }, DomainPermissionCollection.class, "read the permission catalog").collect(Collectors.toList());
        return new PermissionCatalog(all);
    }

    /** {@code GET /api/v2/authorization/divisions}, all pages, lazily. */
    Stream<AuthzDivision> listDivisions() {
        return r.pages(() -> r.api("authorization", "divisions"), AuthzDivision.class, "list divisions");
    }

    /**
     * One role in one division: {@code POST /api/v2/authorization/subjects/{s}/divisions/{d}/roles/{r}?subjectType=}.
     * Granting an existing grant succeeds, so it is safe to repeat. 1 call.
     */
    void grantRole(String subjectId, SubjectType type, String divisionId, String roleId) {
        r.write("POST", r.api("authorization", "subjects", subjectId, "divisions", divisionId, "roles", roleId)
                        .addQueryParameter("subjectType", type.name()), null, Transport.Repeat.SAFE, null,
                "grant the role " + roleId + " to " + subjectId);
    }

    /**
     * One role to many subjects in many divisions: {@code POST /api/v2/authorization/roles/{roleId}?subjectType=}
     * with {@code {subjectIds, divisionIds}}, in batches of {@link ApiContract#MAX_SUBJECTS_PER_GRANT_CALL}
     * subjects, or fewer once the org refused that many. ⌈subjects/50⌉ calls.
     */
    void grantRoleToSubjects(String roleId, SubjectType type, Collection<String> subjectIds,
                             Collection<String> divisionIds) {
        List<String> divisions = List.copyOf(new LinkedHashSet<>(divisionIds));
        List<String> subjects = new ArrayList<>(new LinkedHashSet<>(subjectIds));
        int from = 0;
        while (from < subjects.size()) {
            List<String> batch = subjects.subList(from, Math.min(subjects.size(), from + r.limits.grantBatch()));
            try {
                r.write("POST", r.api("authorization", "roles", roleId).addQueryParameter("subjectType",
                        type.name()), new SubjectDivisions(List.copyOf(batch), divisions), Transport.Repeat.SAFE,
                        null, "grant the role " + roleId + " to " + batch.size() + " subjects");
                from += batch.size();
            } catch (GenesysApiException e) {
                // A batch the org calls too large is refused whole (granting is safe to repeat): halve and go on.
                if (batch.size() <= 1 || !SizeLimits.refusesSize(e)) {
                    throw e;
                }
                int half = batch.size() / 2;
                r.limits.lowerGrantBatch(half);
                Transport.LOG.info(() -> batch.size() + " subjects per grant refused; sending " + half);
            }
        }
    }

    /** {@code GET /api/v2/authorization/subjects/{id}}: the subject's grants. 1 call. */
    AuthzSubject getSubject(String subjectId) {
        return r.get(r.api("authorization", "subjects", subjectId), AuthzSubject.class,
                "read the grants of " + subjectId);
    }

    /** {@code GET /api/v2/authorization/subjects/me}: the signed-in identity's grants. 1 call. */
    AuthzSubject getMySubject() {
        return r.get(r.api("authorization", "subjects", "me"), AuthzSubject.class, "read your own grants");
    }
}
