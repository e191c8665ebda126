package com.emite.setup.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** A plain HTTP client for the tests: JSON in, {@link Res} out, no retries, no redirects followed. */
final class Http {
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final String base;
    String token;
    /** Sees every exchange (the contract test records bodies). */
    Consumer<Exchange> listener = x -> { };

    record Exchange(String method, String path, Res res) {
    }

    record Res(int status, Map<String, List<String>> headers, String body) {
        JsonObject json() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        JsonArray array() {
            return JsonParser.parseString(body).getAsJsonArray();
        }

        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }

        /** The code of an ErrorBody. */
        String code() {
            return json().get("code").getAsString();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Http(String base) {
        this.base = base;
    }

    Http(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static Http admin(Sandbox sb) {
        return new Http(sb.baseUrl(), clientToken(sb.baseUrl(), sb.adminClientId(), sb.adminClientSecret().reveal()));
    }

    /** A client-credentials token, or an AssertionError with the answer. */
    static String clientToken(String base, String id, String secret) {
        Res r = new Http(base).tokenRequest(Map.of("grant_type", "client_credentials"), id, secret);
        if (r.status != 200) {
            throw new AssertionError("token request failed: " + r);
        }
        return r.json().get("access_token").getAsString();
    }

    Res tokenRequest(Map<String, String> form, String basicUser, String basicSecret) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (basicUser != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((basicUser + ":" + basicSecret).getBytes(StandardCharsets.UTF_8)));
        }
        return send(b.build(), "POST", "/oauth/token");
    }

    static String form(Map<String, String> form) {
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return j.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    Res get(String path) {
        return call("GET", path, null);
    }

    Res head(String path) {
        return call("HEAD", path, null);
    }

    Res delete(String path) {
        return call("DELETE", path, null);
    }

    Res post(String path, Object body) {
        return call("POST", path, body);
    }

    Res put(String path, Object body) {
        return call("PUT", path, body);
    }

    Res patch(String path, Object body) {
        return call("PATCH", path, body);
    }

    /** body: a String (sent as is), a JsonElement, or null (no body). */
    Res call(String method, String path, Object body) {
        return call(method, path, body, "application/json");
    }

    Res call(String method, String path, Object body, String contentType) {
        String text = body == null ? null : body instanceof JsonElement e ? e.toString() : body.toString();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (text != null) {
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(text));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(b.build(), method, path);
    }

    Res send(HttpRequest req, String method, String path) {
        try {
            HttpResponse<String> r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
            Res res = new Res(r.statusCode(), r.headers().map(), r.body());
            listener.accept(new Exchange(method, path, res));
            return res;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every entity of a paged listing, following nextUri. */
    List<JsonObject> all(String path) {
        List<JsonObject> out = new ArrayList<>();
        String next = path;
        while (next != null) {
            Res r = get(next);
            if (r.status != 200) {
                throw new AssertionError(next + " → " + r);
            }
            JsonObject o = r.json();
            o.getAsJsonArray("entities").forEach(e -> out.add(e.getAsJsonObject()));
            next = o.has("nextUri") ? o.get("nextUri").getAsString() : null;
        }
        return out;
    }

    static JsonObject obj(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }
}
