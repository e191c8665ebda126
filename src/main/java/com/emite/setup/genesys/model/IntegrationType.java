package com.emite.setup.genesys.model;

import com.google.gson.JsonElement;

import java.util.List;

/** An integration type, e.g. {@code embedded-client-app} (reference §11). */
public record IntegrationType(String id, String name, String description, String provider, String category,
                              String configPropertiesSchemaUri, String configAdvancedSchemaUri,
                              JsonElement credentials, Boolean nonInstallable, Integer maxInstances,
                              List<String> userPermissions, List<String> vendorOAuthClientIds, String selfUri) {
}
