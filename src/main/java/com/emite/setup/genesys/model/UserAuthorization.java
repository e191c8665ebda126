package com.emite.setup.genesys.model;

import java.util.List;

/** {@code User.authorization} with {@code expand=authorization}, and {@code GET /users/{id}/roles} (reference §5, §9). */
public record UserAuthorization(List<NamedEntity> roles, List<NamedEntity> unusedRoles, List<String> permissions,
                                List<DomainPermissionPolicy> permissionPolicies) {
}
