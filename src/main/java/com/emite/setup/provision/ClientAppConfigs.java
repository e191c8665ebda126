package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.provision.OrgApi.AppConfigInfo;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static com.emite.setup.provision.OrgApiCalls.call;
import static com.emite.setup.provision.OrgApiCalls.versioned;

/**
 * The custom client app's configuration: read it, and write it back with the engine's fields changed. The last
 * configuration read per integration is kept so that a PUT keeps the properties the engine does not manage.
 */
final class ClientAppConfigs {
    private final GenesysClient client;
    private final Map<String, IntegrationConfiguration> lastRead = new ConcurrentHashMap<>();

    ClientAppConfigs(GenesysClient client) {
        this.client = client;
    }

    AppConfigInfo read(String integrationId) {
        IntegrationConfiguration c = call(() -> client.getIntegrationConfig(integrationId));
        lastRead.put(integrationId, c);
        JsonObject p = c.properties() == null ? new JsonObject() : c.properties();
        List<String> groups = new ArrayList<>();
        JsonElement g = p.get(ApiContract.CLIENT_APP_GROUPS_PROPERTY);
        if (g != null && g.isJsonArray()) {
            g.getAsJsonArray().forEach(e -> {
                if (e.isJsonPrimitive()) {
                    groups.add(e.getAsString());
                } else if (e.isJsonObject() && e.getAsJsonObject().has("id")) {
                    groups.add(e.getAsJsonObject().get("id").getAsString());
                }
            });
        } else if (g != null && g.isJsonPrimitive() && !g.getAsString().isBlank()) {
            for (String s : g.getAsString().split(",")) {
                groups.add(s.trim());
            }
        }
        return new AppConfigInfo(c.version() == null ? 1 : c.version(), c.name(), text(p, "url"),
                text(p, "displayType"), text(p, "featureCategory"), text(p, "sandbox"), groups);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    /** Writes the configuration and answers its new version. */
    int write(String integrationId, int version, AppConfig config, List<String> groupIds) {
        IntegrationConfiguration previous = lastRead.get(integrationId);
        JsonObject properties = previous != null && previous.properties() != null
                ? previous.properties().deepCopy() : new JsonObject();
        properties.addProperty("url", config.url());
        properties.addProperty("displayType", config.displayType());
        properties.addProperty("featureCategory", config.featureCategory() == null ? "" : config.featureCategory());
        properties.addProperty("sandbox", config.sandbox());
        JsonArray groups = new JsonArray();
        groupIds.forEach(groups::add);
        properties.add(ApiContract.CLIENT_APP_GROUPS_PROPERTY, groups);
        IntegrationConfiguration body = new IntegrationConfiguration(null, config.name(), version, properties,
                previous != null && previous.advanced() != null ? previous.advanced() : new JsonObject(),
                previous != null && previous.notes() != null ? previous.notes() : "",
                previous != null && previous.credentials() != null ? previous.credentials() : new JsonObject(), null);
        IntegrationConfiguration saved = versioned(() -> client.putIntegrationConfig(integrationId, body));
        if (saved != null) {
            lastRead.put(integrationId, saved);
        }
        return saved != null && saved.version() != null ? saved.version() : version + 1;
    }
}
