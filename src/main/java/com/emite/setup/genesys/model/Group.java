package com.emite.setup.genesys.model;

import java.util.List;
import java.util.Objects;

/** A group (reference §6). {@code version} is needed for PUT and for member adds. */
public record Group(String id, String name, String description, String dateModified, Long memberCount,
                   String state, Integer version, String type, Boolean rulesVisible, String visibility,
                   List<User> owners, String selfUri) {
    public static final String TYPE_OFFICIAL = "official";
    public static final String TYPE_SOCIAL = "social";
    public static final String VISIBILITY_PUBLIC = "public";
    public static final String VISIBILITY_MEMBERS = "members";

    /** The ids of the owners, for a PUT that keeps them (§6; whether PUT clears omitted fields is [INF]). */
    public List<String> ownerIds() {
        return owners == null ? List.of() : owners.stream().map(User::id).filter(Objects::nonNull).toList();
    }
}
