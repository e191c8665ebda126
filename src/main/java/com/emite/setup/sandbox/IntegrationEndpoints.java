package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Integration;
import com.emite.setup.sandbox.OrgRecords.IntegrationType;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Integration types, integrations and their current configuration (reference §11). */
final class IntegrationEndpoints {
    private static final Set<String> CREATE_BODY = Set.of("id", "name", "integrationType", "selfUri");
    private static final Set<String> TYPE_REF_BODY = Set.of("id", "name", "description", "provider", "category",
            "images", "configPropertiesSchemaUri", "configAdvancedSchemaUri", "helpUri", "termsOfServiceUri",
            "vendorName", "vendorWebsiteUri", "marketplaceUri", "faqUri", "privacyPolicyUri", "supportContactUri",
            "salesContactUri", "helpLinks", "credentials", "nonInstallable", "maxInstances", "userPermissions",
            "vendorOAuthClientIds", "selfUri");
    private static final Set<String> PATCH_BODY = Set.of("id", "name", "integrationType", "notes", "intendedState",
            "config", "reportedState", "attributes", "selfUri");
    private static final Set<String> CONFIG_BODY = Set.of("id", "name", "version", "properties", "advanced", "notes",
            "credentials", "selfUri");
    static final List<String> SANDBOX_OPTIONS = List.of("allow-forms", "allow-modals", "allow-popups",
            "allow-presentation", "allow-same-origin", "allow-scripts", "allow-downloads");
    static final List<String> IFRAME_PERMISSIONS = List.of("camera", "microphone", "geolocation", "clipboard-write",
            "display-capture", "fullscreen");

    private final OrgState s;
    private final Views v;

    IntegrationEndpoints(EndpointContext ctx) {
        this.s = ctx.s;
        this.v = ctx.views;
    }

    void register(Router r) {
        r.api("GET", "/api/v2/integrations/types", this::listTypes);
        r.api("GET", "/api/v2/integrations/types/{typeId}", this::getType);
        r.api("GET", "/api/v2/integrations", this::list);
        r.api("POST", "/api/v2/integrations", this::create);
        r.api("GET", "/api/v2/integrations/{integrationId}", this::get);
        r.api("PATCH", "/api/v2/integrations/{integrationId}", this::patch);
        r.api("DELETE", "/api/v2/integrations/{integrationId}", this::delete);
        r.api("GET", "/api/v2/integrations/{integrationId}/config/current", this::getConfig);
        r.api("PUT", "/api/v2/integrations/{integrationId}/config/current", this::putConfig);
    }

    private Integration integration(String id) {
        Integration i = s.integrations.get(id);
        if (i == null) {
            throw ApiException.notFound("integration", id);
        }
        return i;
    }

    private HandlerResponse listTypes(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        return HandlerResponse.ok(s.read(() -> Listing.of(r, page, new ArrayList<>(s.integrationTypes.values()),
                v::integrationType)));
    }

    private HandlerResponse getType(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            IntegrationType t = s.integrationTypes.get(r.param("typeId"));
            if (t == null) {
                throw ApiException.notFound("integration type", r.param("typeId"));
            }
            return v.integrationType(t);
        }));
    }

    private HandlerResponse list(HandlerRequest r) {
        HandlerRequest.Page page = r.page();
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "integrations:integration:view");
            return Listing.of(r, page, new ArrayList<>(s.integrations.values()), v::integration);
        }));
    }

    private HandlerResponse get(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "integrations:integration:view");
            return v.integration(integration(r.param("integrationId")));
        }));
    }

    private HandlerResponse create(HandlerRequest r) {
        Body b = r.json().only(CREATE_BODY);
        String name = b.reqStr("name");
        Body type = b.obj("integrationType");
        if (type == null) {
            throw ApiException.required("integrationType");
        }
        type.only(TYPE_REF_BODY);
        String typeId = type.reqStr("id");
        return s.write(() -> {
            r.caller.require(s, "integrations:integration:add");
            IntegrationType t = s.integrationTypes.get(typeId);
            if (t == null) {
                throw ApiException.invalidValue("integrationType.id", "Unknown integration type " + typeId);
            }
            if (t.maxInstances() != null && s.integrations.values().stream()
                    .filter(i -> i.typeId.equals(typeId)).count() >= t.maxInstances()) {
                throw ApiException.badRequest("The integration type " + typeId + " allows at most "
                        + t.maxInstances() + " instance(s)");
            }
            Integration i = new Integration(s.newId(), typeId);
            i.name = name;
            i.notes = "";
            i.intendedState = ApiContract.NEW_INTEGRATION_STATE;
            i.lastUpdated = s.now();
            s.integrations.put(i.id, i);
            return HandlerResponse.json(ApiContract.STATUS_CREATED, v.integration(i));
        });
    }

    /**
     * Only intendedState is writable; other properties of the body are read-only and ignored (reference §11). The
     * SDK's Integration model marks intendedState required [SDK]: a body without it is a 400.
     */
    private HandlerResponse patch(HandlerRequest r) {
        Body b = r.json().only(PATCH_BODY);
        String state = b.enumValue("intendedState", List.of("ENABLED", "DISABLED", "DELETED", "RESTORED"));
        if (state == null) {
            throw ApiException.required("intendedState");
        }
        return s.write(() -> {
            r.caller.require(s, "integrations:integration:edit");
            Integration i = integration(r.param("integrationId"));
            i.intendedState = state.equals("RESTORED") ? "DISABLED" : state;
            i.lastUpdated = s.now();
            return HandlerResponse.ok(v.integration(i));
        });
    }

    private HandlerResponse delete(HandlerRequest r) {
        return s.write(() -> {
            r.caller.require(s, "integrations:integration:delete");
            Integration i = integration(r.param("integrationId"));
            s.integrations.remove(i.id);
            i.intendedState = "DELETED";
            return HandlerResponse.ok(v.integration(i));
        });
    }

    private HandlerResponse getConfig(HandlerRequest r) {
        return HandlerResponse.ok(s.read(() -> {
            r.caller.require(s, "integrations:integration:view");
            return v.config(integration(r.param("integrationId")));
        }));
    }

    private HandlerResponse putConfig(HandlerRequest r) {
        Body b = r.json().only(CONFIG_BODY);
        for (String f : List.of("name", "version", "properties", "advanced", "notes", "credentials")) {
            if (!b.has(f)) {
                throw ApiException.required(f);
            }
        }
        String name = b.reqStr("name");
        int version = b.integer("version");
        Body props = b.obj("properties");
        Body advanced = b.obj("advanced");
        String notes = b.str("notes");
        Body credentials = b.obj("credentials");
        return s.write(() -> {
            r.caller.require(s, "integrations:integration:edit");
            Integration i = integration(r.param("integrationId"));
            if (version != i.configVersion) {
                throw ApiException.conflictVersion("integration configuration", version, i.configVersion);
            }
            validateProperties(s.integrationTypes.get(i.typeId), props.json);
            for (Map.Entry<String, JsonElement> e : credentials.json.entrySet()) {
                if (!e.getValue().isJsonObject() || !e.getValue().getAsJsonObject().has("id")) {
                    throw ApiException.invalidValue("credentials." + e.getKey(), "A credential needs an id");
                }
            }
            i.name = name;
            i.properties = props.json.deepCopy();
            i.advanced = advanced.json.deepCopy();
            i.configNotes = notes;
            i.credentials = credentials.json.deepCopy();
            i.configVersion++;
            i.lastUpdated = s.now();
            return HandlerResponse.ok(v.config(i));
        });
    }

    /** Properties outside the type's schema, or malformed values of embedded-client-app keys, are a 400 [INF]. */
    static void validateProperties(IntegrationType t, JsonObject props) {
        for (Map.Entry<String, JsonElement> e : props.entrySet()) {
            String k = e.getKey();
            JsonElement val = e.getValue();
            if (!t.propertyKeys().contains(k)) {
                throw ApiException.invalidValue("properties." + k, "Property " + k + " is not in the schema of "
                        + t.id());
            }
            if (!t.id().equals(ApiContract.CLIENT_APP_TYPE_ID)) {
                continue;
            }
            String field = "properties." + k;
            switch (k) {
                case "url" -> {
                    String url = string(val, field);
                    try {
                        URI u = new URI(url.replaceAll("\\{\\{[^}]*}}", "x"));
                        if (!"https".equals(u.getScheme()) || u.getHost() == null) {
                            throw new IllegalArgumentException();
                        }
                    } catch (Exception ex) {
                        throw ApiException.invalidValue(field, "url must be a full https URL");
                    }
                }
                case "displayType" -> {
                    String d = string(val, field);
                    if (!d.equals("standalone") && !d.equals("widget")) {
                        throw ApiException.invalidValue(field, "displayType must be standalone or widget");
                    }
                }
                case "featureCategory" -> string(val, field);
                case "sandbox" -> list(string(val, field), SANDBOX_OPTIONS, field);
                case "permissions" -> list(string(val, field), IFRAME_PERMISSIONS, field);
                default -> {
                    if (!val.isJsonArray()) {
                        throw ApiException.invalidValue(field, k + " must be an array of group ids");
                    }
                    for (JsonElement x : val.getAsJsonArray()) {
                        if (!x.isJsonPrimitive() || !x.getAsJsonPrimitive().isString()) {
                            throw ApiException.invalidValue(field, k + " must be an array of group ids");
                        }
                    }
                }
            }
        }
    }

    private static String string(JsonElement e, String field) {
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.invalidValue(field, field + " must be a string");
        }
        return e.getAsString();
    }

    /** A comma-separated list without spaces whose items are all allowed (empty is fine). */
    private static void list(String value, List<String> allowed, String field) {
        if (value.isEmpty()) {
            return;
        }
        for (String item : value.split(",", -1)) {
            if (!allowed.contains(item)) {
                throw ApiException.invalidValue(field, "Unknown value \"" + item + "\"; allowed: "
                        + String.join(",", allowed));
            }
        }
    }
}
