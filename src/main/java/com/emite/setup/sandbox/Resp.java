package com.emite.setup.sandbox;

import com.google.gson.JsonElement;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: a status, optional body and extra headers. */
final class Resp {
    final int status;
    final byte[] body;
    final String contentType;
    final Map<String, String> headers = new LinkedHashMap<>();

    private Resp(int status, byte[] body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    static Resp json(int status, JsonElement body) {
        return new Resp(status, Js.GSON.toJson(body).getBytes(StandardCharsets.UTF_8), "application/json");
    }

    static Resp ok(JsonElement body) {
        return json(200, body);
    }

    static Resp empty(int status) {
        return new Resp(status, null, null);
    }

    static Resp html(int status, String html) {
        return new Resp(status, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }

    static Resp redirect(String location) {
        Resp r = new Resp(302, null, null);
        r.headers.put("Location", location);
        return r;
    }

    Resp header(String name, String value) {
        headers.put(name, value);
        return this;
    }
}
