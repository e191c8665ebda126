package com.emite.setup.sandbox;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;

/** Small helpers to build JSON trees without nulls (absent fields are left out, as the real API does). */
final class JsonTree {
    static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final JsonObject o = new JsonObject();

    private JsonTree() {
    }

    static JsonTree obj() {
        return new JsonTree();
    }

    JsonTree put(String k, String v) {
        if (v != null) {
            o.addProperty(k, v);
        }
        return this;
    }

    JsonTree put(String k, Number v) {
        if (v != null) {
            o.addProperty(k, v);
        }
        return this;
    }

    JsonTree put(String k, Boolean v) {
        if (v != null) {
            o.addProperty(k, v);
        }
        return this;
    }

    JsonTree put(String k, JsonElement v) {
        if (v != null) {
            o.add(k, v);
        }
        return this;
    }

    JsonTree put(String k, JsonTree v) {
        if (v != null) {
            o.add(k, v.o);
        }
        return this;
    }

    JsonTree date(String k, long epochMs) {
        if (epochMs > 0) {
            o.addProperty(k, date(epochMs));
        }
        return this;
    }

    JsonObject build() {
        return o;
    }

    static String date(long epochMs) {
        return DATE.format(Instant.ofEpochMilli(epochMs));
    }

    static JsonArray strings(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static JsonArray array(Collection<? extends JsonElement> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }

    static JsonObject ref(String id, String name, String selfUri) {
        return obj().put("id", id).put("name", name).put("selfUri", selfUri).build();
    }
}
