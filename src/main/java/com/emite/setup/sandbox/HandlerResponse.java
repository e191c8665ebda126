package com.emite.setup.sandbox;

import com.google.gson.JsonElement;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, optional body and extra headers. */
final class HandlerResponse {
    final int status;
    final byte[] body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();

    private HandlerResponse(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    static HandlerResponse json(int status, JsonElement body) {
        return new HandlerResponse(status, JsonTree.GSON.toJson(body).getBytes(StandardCharsets.UTF_8),
                "application/json");
    }

    static HandlerResponse ok(JsonElement body) {
        return json(200, body);
    }

    static HandlerResponse empty(int status) {
        return new HandlerResponse(status, null, null);
    }

    static HandlerResponse html(int status, String html) {
        return new HandlerResponse(status, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }

    static HandlerResponse redirect(String location) {
        HandlerResponse r = new HandlerResponse(302, null, null);
        r.headers.put("Location", location);
        return r;
    }

    HandlerResponse header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
