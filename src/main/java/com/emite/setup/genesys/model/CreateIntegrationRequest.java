package com.emite.setup.genesys.model;

/** Body of {@code POST /api/v2/integrations}: {@code {"name":…,"integrationType":{"id":…}}} (reference §11). */
public record CreateIntegrationRequest(String name, IdRef integrationType) {
    public static CreateIntegrationRequest of(String name, String typeId) {
        return new CreateIntegrationRequest(name, new IdRef(typeId));
    }

    /** {@code {"id":…}}. */
    public record IdRef(String id) {
    }
}
