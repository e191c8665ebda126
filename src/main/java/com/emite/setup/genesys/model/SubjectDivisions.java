package com.emite.setup.genesys.model;

import java.util.List;

/** Body of {@code POST /api/v2/authorization/roles/{roleId}} (reference §9): both arrays required. */
public record SubjectDivisions(List<String> subjectIds, List<String> divisionIds) {
}
