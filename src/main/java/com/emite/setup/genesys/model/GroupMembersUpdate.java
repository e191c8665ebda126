package com.emite.setup.genesys.model;

import java.util.List;

/** Body of {@code POST /api/v2/groups/{id}/members} (reference §6): both fields required. */
public record GroupMembersUpdate(List<String> memberIds, Integer version) {
}
