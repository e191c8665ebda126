package com.emite.setup.genesys.model;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** An integration instance (reference §11). {@code name} changes only through the config PUT. */
public record Integration(String id, String name, IntegrationType integrationType, String notes,
                          String intendedState, Config config, ReportedState reportedState, JsonObject attributes,
                          String selfUri) {
    public static final String ENABLED = "ENABLED";
    public static final String DISABLED = "DISABLED";
    public static final String DELETED = "DELETED";
    public static final String RESTORED = "RESTORED";

    public String typeId() {
        return integrationType == null ? null : integrationType.id();
    }

    /** {@code config:{current}}. */
    public record Config(IntegrationConfiguration current) {
    }

    /** {@code reportedState}: code is ACTIVE, ACTIVATING, INACTIVE, DEACTIVATING or ERROR. */
    public record ReportedState(String code, String effective, JsonElement detail, String lastUpdated) {
    }
}
