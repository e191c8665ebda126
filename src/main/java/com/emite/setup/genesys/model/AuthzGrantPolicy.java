package com.emite.setup.genesys.model;

import com.google.gson.JsonElement;

import java.util.List;

/** A policy of an {@link AuthzGrantRole}: note {@code actions}, not {@code actionSet} (reference §9). */
public record AuthzGrantPolicy(String domain, String entityName, List<String> actions, JsonElement condition) {
}
