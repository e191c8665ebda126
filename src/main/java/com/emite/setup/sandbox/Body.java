package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A request body (JSON object) with typed, validating accessors; every problem is a 400 with the real ErrorBody. */
final class Body {
    final JsonObject json;
    private final String prefix;

    Body(JsonObject json, String prefix) {
        this.json = json;
        this.prefix = prefix;
    }

    static JsonElement parseAny(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            throw ApiException.badRequest("The request body is missing.");
        }
        try {
            return JsonParser.parseString(text);
        } catch (RuntimeException e) {
            throw ApiException.badRequest("The request could not be understood by the server due to malformed syntax.");
        }
    }

    static Body parse(byte[] bytes) {
        JsonElement e = parseAny(bytes);
        if (!e.isJsonObject()) {
            throw ApiException.badRequest("The request body must be a JSON object.");
        }
        return new Body(e.getAsJsonObject(), "");
    }

    /** Rejects properties the request model does not have (see ApiContract.REJECT_UNKNOWN_PROPERTIES). */
    Body only(Set<String> allowed) {
        if (!ApiContract.REJECT_UNKNOWN_PROPERTIES) {
            return this;
        }
        for (String k : json.keySet()) {
            if (!allowed.contains(k)) {
                throw new ApiException(400, "invalid.property", "Unrecognized property {property}",
                        ApiException.params("property", prefix + k)).detail("invalid.property", prefix + k);
            }
        }
        return this;
    }

    boolean has(String f) {
        return json.has(f) && !json.get(f).isJsonNull();
    }

    String str(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            throw ApiException.invalidValue(prefix + f, prefix + f + " must be a string");
        }
        return e.getAsString();
    }

    String reqStr(String f) {
        String s = str(f);
        if (s == null || s.isBlank()) {
            throw ApiException.required(prefix + f);
        }
        return s;
    }

    Integer integer(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        throw ApiException.invalidValue(prefix + f, prefix + f + " must be an integer");
    }

    Long longValue(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            double d = e.getAsDouble();
            if (d == Math.rint(d)) {
                return (long) d;
            }
        }
        throw ApiException.invalidValue(prefix + f, prefix + f + " must be an integer");
    }

    Boolean bool(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean()) {
            return e.getAsBoolean();
        }
        throw ApiException.invalidValue(prefix + f, prefix + f + " must be true or false");
    }

    List<String> strList(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (!e.isJsonArray()) {
            throw ApiException.invalidValue(prefix + f, prefix + f + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) {
            if (!x.isJsonPrimitive() || !((JsonPrimitive) x).isString()) {
                throw ApiException.invalidValue(prefix + f, prefix + f + " must be an array of strings");
            }
            out.add(x.getAsString());
        }
        return out;
    }

    List<Body> objList(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (!e.isJsonArray()) {
            throw ApiException.invalidValue(prefix + f, prefix + f + " must be an array of objects");
        }
        List<Body> out = new ArrayList<>();
        JsonArray a = e.getAsJsonArray();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).isJsonObject()) {
                throw ApiException.invalidValue(prefix + f, prefix + f + " must be an array of objects");
            }
            out.add(new Body(a.get(i).getAsJsonObject(), prefix + f + "[" + i + "]."));
        }
        return out;
    }

    Body obj(String f) {
        if (!has(f)) {
            return null;
        }
        JsonElement e = json.get(f);
        if (!e.isJsonObject()) {
            throw ApiException.invalidValue(prefix + f, prefix + f + " must be an object");
        }
        return new Body(e.getAsJsonObject(), prefix + f + ".");
    }

    /** An enum literal, exactly as on the wire. */
    String enumValue(String f, java.util.Collection<String> allowed) {
        String s = str(f);
        if (s != null && !allowed.contains(s)) {
            throw ApiException.invalidValue(prefix + f, prefix + f + " must be one of " + allowed);
        }
        return s;
    }

    String path(String f) {
        return prefix + f;
    }
}
