package com.emite.setup.genesys.model;

import com.emite.setup.contract.ApiContract;

/** A role in a division: an OAuth client's {@code roleDivisions} entry and a bulk grant (reference §9, §10). */
public record RoleDivision(String roleId, String divisionId) {
    /** The role in every division, present and future ({@code "*"}). */
    public static RoleDivision inAllDivisions(String roleId) {
        return new RoleDivision(roleId, ApiContract.ALL_DIVISIONS);
    }
}
