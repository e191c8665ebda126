package com.emite.setup.blueprint;

/** A role given to a client-credentials client in a division; {@code divisionId} {@code *} means all divisions. */
public record RoleDivisionSpec(String role, String divisionId) {
    public boolean allDivisions() {
        return "*".equals(divisionId);
    }
}
