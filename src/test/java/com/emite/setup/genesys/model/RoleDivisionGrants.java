package com.emite.setup.genesys.model;

import java.util.List;

/** Body of {@code POST /api/v2/authorization/subjects/{id}/bulkadd} (reference §9). */
public record RoleDivisionGrants(List<RoleDivision> grants) {
}
