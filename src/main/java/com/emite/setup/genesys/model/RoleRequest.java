package com.emite.setup.genesys.model;

import java.util.List;

/**
 * Body of {@code POST /api/v2/authorization/roles} and {@code PUT …/roles/{id}} (reference §8). A PUT replaces the
 * whole policy set: send the complete merged list.
 */
public record RoleRequest(String name, String description, List<DomainPermissionPolicy> permissionPolicies) {
}
