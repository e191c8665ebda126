package com.emite.setup.genesys.model;

import java.util.List;

/** Body of {@code PUT /api/v2/groups/{id}} (reference §6): {@code version} is required and must be current. */
public record GroupUpdate(Integer version, String name, String description, String state, String visibility,
                          Boolean rulesVisible, List<String> ownerIds) {
    /** This update with another version (for a retry after a version conflict). */
    public GroupUpdate withVersion(int newVersion) {
        return new GroupUpdate(newVersion, name, description, state, visibility, rulesVisible, ownerIds);
    }
}
