package com.emite.setup.genesys.model;

import java.util.List;
import java.util.Map;

/** One entity of {@code GET /api/v2/authorization/permissions}: a domain's {@code permissionMap} (reference §8). */
public record DomainPermissionCollection(String id, String name, String domain,
                                         Map<String, List<DomainPermission>> permissionMap) {
}
