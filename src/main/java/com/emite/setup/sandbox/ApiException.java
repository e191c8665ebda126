package com.emite.setup.sandbox;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An error the sandbox answers with the real {@code ErrorBody} (reference §3.4). The message is built from
 * {@code messageWithParams} and {@code messageParams}, so both are always consistent.
 */
final class ApiException extends RuntimeException {
    final int status;
    final String code;
    final String messageWithParams;
    final Map<String, String> params;
    final List<JsonObject> details = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    String entityId;
    String entityName;
    JsonObject limit;

    ApiException(int status, String code, String messageWithParams, Map<String, String> params) {
        super(render(messageWithParams, params), null, false, false);
        this.status = status;
        this.code = code;
        this.messageWithParams = messageWithParams;
        this.params = params == null ? Map.of() : params;
    }

    static ApiException of(int status, String code, String message) {
        return new ApiException(status, code, message, Map.of());
    }

    static ApiException badRequest(String message) {
        return of(400, "bad.request", message);
    }

    static ApiException invalidValue(String field, String message) {
        return of(400, "invalid.value", message).detail("invalid.value", field);
    }

    static ApiException required(String field) {
        return new ApiException(400, "constraint.validation", "{field} is required", Map.of("field", field))
                .detail("constraint.validation", field);
    }

    static ApiException invalidQueryParam(String name, String value) {
        return new ApiException(400, "invalid.query.param.value",
                "Value [{value}] is not valid for query parameter {param}", params("value", value, "param", name))
                .detail("invalid.query.param.value", name);
    }

    static ApiException notFound(String kind, String id) {
        ApiException e = new ApiException(404, "not.found", "Unable to find a {kind} with id {id}",
                params("kind", kind, "id", id));
        e.entityId = id;
        return e;
    }

    static ApiException routeNotFound() {
        return of(404, "not.found", "The requested resource was not found.");
    }

    static ApiException missingPermissions(List<String> permissions) {
        return new ApiException(403, "missing.permissions",
                "Unable to perform the requested action. You are missing the following permission(s): {permissions}",
                Map.of("permissions", permissions.toString()));
    }

    static ApiException conflictVersion(String kind, int sent, int current) {
        return new ApiException(com.emite.setup.contract.ApiContract.STATUS_VERSION_CONFLICT,
                com.emite.setup.contract.ApiContract.CODE_VERSION_CONFLICT,
                "The version {sent} of {kind} does not match the current version {current}",
                params("sent", String.valueOf(sent), "kind", kind, "current", String.valueOf(current)));
    }

    ApiException detail(String errorCode, String fieldName) {
        JsonObject d = new JsonObject();
        d.addProperty("errorCode", errorCode);
        if (fieldName != null) {
            d.addProperty("fieldName", fieldName);
        }
        details.add(d);
        return this;
    }

    ApiException entity(String id) {
        entityId = id;
        return this;
    }

    ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    JsonObject toBody(String contextId) {
        JsonObject o = new JsonObject();
        o.addProperty("message", getMessage());
        o.addProperty("code", code);
        o.addProperty("status", status);
        if (entityId != null) {
            o.addProperty("entityId", entityId);
        }
        if (entityName != null) {
            o.addProperty("entityName", entityName);
        }
        o.addProperty("messageWithParams", messageWithParams);
        JsonObject p = new JsonObject();
        params.forEach(p::addProperty);
        o.add("messageParams", p);
        o.addProperty("contextId", contextId);
        com.google.gson.JsonArray d = new com.google.gson.JsonArray();
        details.forEach(d::add);
        o.add("details", d);
        o.add("errors", new com.google.gson.JsonArray());
        if (limit != null) {
            o.add("limit", limit);
        }
        return o;
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String render(String template, Map<String, String> params) {
        String s = template;
        if (params != null) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                s = s.replace("{" + e.getKey() + "}", String.valueOf(e.getValue()));
            }
        }
        return s;
    }
}
