package com.emite.setup.genesys.model;

import java.util.List;

/**
 * Body of {@code POST /api/v2/groups} (reference §6): name, type, visibility and rulesVisible are required. The API
 * ignores {@code description} on create; set it with a follow-up {@link GroupUpdate}.
 */
public record GroupCreate(String name, String description, String type, String visibility, Boolean rulesVisible,
                          List<String> ownerIds) {
    /** An official, public group with visible rules: what eMite's guide asks for. */
    public static GroupCreate officialPublic(String name) {
        return new GroupCreate(name, null, Group.TYPE_OFFICIAL, Group.VISIBILITY_PUBLIC, true, List.of());
    }
}
