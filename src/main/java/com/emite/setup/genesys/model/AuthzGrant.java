package com.emite.setup.genesys.model;

/** One grant of an {@link AuthzSubject} (reference §9). */
public record AuthzGrant(String subjectId, AuthzDivision division, AuthzGrantRole role, String grantMadeAt) {
}
