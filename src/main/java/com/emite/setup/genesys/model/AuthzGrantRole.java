package com.emite.setup.genesys.model;

import com.google.gson.annotations.SerializedName;

import java.util.List;

/** The role of an {@link AuthzGrant} (reference §9). */
public record AuthzGrantRole(String id, String name, String description, @SerializedName("default") Boolean isDefault,
                             List<AuthzGrantPolicy> policies) {
}
