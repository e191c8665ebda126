package com.emite.setup.genesys.model;

import java.util.List;

/** {@code GET /api/v2/authorization/subjects/{id}} and {@code …/subjects/me} (reference §9). */
public record AuthzSubject(String id, String name, Integer version, List<AuthzGrant> grants) {
    /** True when the subject holds the role in the division, or in all divisions ({@code "*"}). */
    public boolean holds(String roleId, String divisionId) {
        if (grants == null) {
            return false;
        }
        for (AuthzGrant g : grants) {
            if (g.role() != null && roleId.equals(g.role().id()) && g.division() != null
                    && (divisionId.equals(g.division().id()) || "*".equals(g.division().id()))) {
                return true;
            }
        }
        return false;
    }
}
