package com.emite.setup.genesys.model;

import java.util.List;

/** An entity of {@code GET /api/v2/authorization/roles/{roleId}/subjectgrants} (reference §9). */
public record SubjectDivisionGrants(String id, String name, String type, List<NamedEntity> divisions) {
}
