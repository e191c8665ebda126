package com.emite.setup.genesys.model;

import java.util.List;

/**
 * Result of {@code GET /api/v2/authorization/divisionspermitted/paged/me?permission=…} over all pages (reference §7):
 * the divisions where the signed-in user holds the permission, and whether they hold it in all divisions.
 */
public record DivisionsPermitted(boolean allDivsPermitted, List<AuthzDivision> divisions) {
}
