package com.emite.setup.blueprint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads one JSON object field by field, remembering every problem with its JSON path instead of failing at the first.
 * A missing or wrong field yields a harmless default so that reading can go on and report everything at once.
 */
final class JsonFields {
    private final JsonObject object;
    private final String path;
    private final List<BlueprintProblem> problems;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonFields(JsonObject object, String path, List<BlueprintProblem> problems) {
        this.object = object;
        this.path = path;
        this.problems = problems;
    }

    /** Wraps {@code element} as an object at {@code path}; a non-object is reported and read as an empty object. */
    static JsonFields of(JsonElement element, String path, List<BlueprintProblem> problems) {
        if (element == null || !element.isJsonObject()) {
            problems.add(new BlueprintProblem(path, element == null || element.isJsonNull()
                    ? "missing" : "must be an object {…}"));
            return new JsonFields(new JsonObject(), path, new ArrayList<>());
        }
        return new JsonFields(element.getAsJsonObject(), path, problems);
    }

    String path() {
        return path;
    }

    String path(String field) {
        return path + "." + field;
    }

    void problem(String field, String reason) {
        problems.add(new BlueprintProblem(field == null ? path : path(field), reason));
    }

    boolean has(String field) {
        return object.has(field) && !object.get(field).isJsonNull();
    }

    private JsonElement get(String field) {
        read.add(field);
        JsonElement e = object.get(field);
        if (e == null || e.isJsonNull()) {
            problem(field, "missing");
            return null;
        }
        return e;
    }

    /** A required, non-blank string. */
    String text(String field) {
        String s = anyText(field);
        if (s != null && s.isBlank()) {
            problem(field, "must not be empty");
        }
        return s == null ? "" : s;
    }

    /** A required string that may be empty. */
    String textMayBeEmpty(String field) {
        String s = anyText(field);
        return s == null ? "" : s;
    }

    private String anyText(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return null;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
            problem(field, "must be text in quotes");
            return null;
        }
        return e.getAsString();
    }

    Optional<String> optionalText(String field) {
        read.add(field);
        if (!has(field)) {
            return Optional.empty();
        }
        return Optional.of(text(field));
    }

    boolean bool(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return false;
        }
        if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
            problem(field, "must be true or false");
            return false;
        }
        return e.getAsBoolean();
    }

    int integer(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return 0;
        }
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
            JsonPrimitive p = e.getAsJsonPrimitive();
            double d = p.getAsDouble();
            if (d == Math.rint(d) && Math.abs(d) < Integer.MAX_VALUE) {
                return (int) d;
            }
        }
        problem(field, "must be a whole number");
        return 0;
    }

    JsonFields object(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return new JsonFields(new JsonObject(), path(field), new ArrayList<>());
        }
        return of(e, path(field), problems);
    }

    Optional<JsonFields> optionalObject(String field) {
        read.add(field);
        return has(field) ? Optional.of(object(field)) : Optional.empty();
    }

    /** A required array of objects, each read by {@code reader}. */
    <T> List<T> objects(String field, Function<JsonFields, T> reader) {
        JsonArray array = array(field);
        List<T> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(reader.apply(of(array.get(i), path(field) + "[" + i + "]", problems)));
        }
        return result;
    }

    /** A required array of non-blank strings. */
    List<String> texts(String field) {
        JsonArray array = array(field);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString() || e.getAsString().isBlank()) {
                problems.add(new BlueprintProblem(path(field) + "[" + i + "]", "must be text in quotes, not empty"));
            } else {
                result.add(e.getAsString());
            }
        }
        return result;
    }

    /** An optional array (empty when absent). */
    <T> List<T> optionalObjects(String field, Function<JsonFields, T> reader) {
        read.add(field);
        return has(field) ? objects(field, reader) : List.of();
    }

    List<String> optionalTexts(String field) {
        read.add(field);
        return has(field) ? texts(field) : List.of();
    }

    private JsonArray array(String field) {
        JsonElement e = get(field);
        if (e == null) {
            return new JsonArray();
        }
        if (!e.isJsonArray()) {
            problem(field, "must be a list […]");
            return new JsonArray();
        }
        return e.getAsJsonArray();
    }

    /** Reports every field of the object that was not read: a misspelt field must not be ignored silently. */
    void rejectUnknownFields() {
        for (String key : object.keySet()) {
            if (!read.contains(key)) {
                problem(key, "unknown field (check the spelling)");
            }
        }
    }
}
