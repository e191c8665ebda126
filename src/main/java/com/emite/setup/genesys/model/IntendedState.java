package com.emite.setup.genesys.model;

/** Body of {@code PATCH /api/v2/integrations/{id}}: only {@code intendedState} is writable (reference §11). */
public record IntendedState(String intendedState) {
}
