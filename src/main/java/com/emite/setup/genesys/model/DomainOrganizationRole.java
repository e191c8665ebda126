package com.emite.setup.genesys.model;

import com.google.gson.annotations.SerializedName;

import java.util.List;

/** A role (reference §8). Roles have no {@code version}. */
public record DomainOrganizationRole(String id, String name, String description, String defaultRoleId,
                                     List<String> permissions, List<String> unusedPermissions,
                                     List<DomainPermissionPolicy> permissionPolicies, Integer userCount,
                                     Boolean roleNeedsUpdate, Boolean base,
                                     @SerializedName("default") Boolean isDefault, String selfUri) {
}
