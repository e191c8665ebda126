package com.emite.setup.genesys.model;

import java.util.List;

/** A Genesys Cloud user (reference §5); {@code authorization} and {@code groups} only with the matching expand. */
public record User(String id, String name, String email, String username, String state, NamedEntity division,
                   String department, String title, Integer version, UserAuthorization authorization,
                   List<NamedEntity> groups, String selfUri) {
    public static final String STATE_ACTIVE = "active";
    public static final String STATE_INACTIVE = "inactive";
    public static final String STATE_DELETED = "deleted";
    public static final String STATE_ANY = "any";
}
