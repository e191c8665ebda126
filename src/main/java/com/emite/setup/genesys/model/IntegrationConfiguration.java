package com.emite.setup.genesys.model;

import com.google.gson.JsonObject;

/**
 * {@code GET/PUT /api/v2/integrations/{id}/config/current} (reference §11). A PUT must carry all of name, version,
 * properties, advanced, notes and credentials, with {@code version} equal to the current one.
 */
public record IntegrationConfiguration(String id, String name, Integer version, JsonObject properties,
                                       JsonObject advanced, String notes, JsonObject credentials, String selfUri) {
    /** A body for PUT: every required field present ({} and "" where empty). */
    public IntegrationConfiguration forPut() {
        return new IntegrationConfiguration(id, name, version, orEmpty(properties), orEmpty(advanced),
                notes == null ? "" : notes, orEmpty(credentials), null);
    }

    public IntegrationConfiguration withVersion(int newVersion) {
        return new IntegrationConfiguration(id, name, newVersion, properties, advanced, notes, credentials, selfUri);
    }

    public IntegrationConfiguration with(String newName, JsonObject newProperties, JsonObject newAdvanced,
                                         String newNotes) {
        return new IntegrationConfiguration(id, newName, version, newProperties, newAdvanced, newNotes, credentials,
                selfUri);
    }

    private static JsonObject orEmpty(JsonObject o) {
        return o == null ? new JsonObject() : o;
    }
}
