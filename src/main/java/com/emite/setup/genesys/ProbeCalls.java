package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Raw requests for diagnose's probes (issue 16): a probe must see exactly what the org answers, the success status
 * included, which the typed calls hide on purpose. Same transport as every other call (rate limit, retries of reads,
 * a create never resent blindly, token renewal); a refusal comes back as an {@link Answer} instead of an exception.
 * Being signed out, cancelled or cut off still throws: those say nothing about the org.
 */
public final class ProbeCalls {
    private final ApiRequests requests;
    private final HttpUrl loginBase;
    private final java.util.concurrent.atomic.AtomicLong pageRequests = new java.util.concurrent.atomic.AtomicLong();

    public ProbeCalls(GenesysClient client) {
        this.requests = Objects.requireNonNull(client).requests();
        this.loginBase = client.loginBase();
    }

    /**
     * What the org answered.
     *
     * @param status  the HTTP status
     * @param code    the error code of a refusal (null on success)
     * @param message the refusal's message as the client words it (null on success)
     * @param body    the answer's JSON (null on a refusal or an empty answer)
     */
    public record Answer(int status, String code, String message, JsonElement body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public JsonObject object() {
            return body != null && body.isJsonObject() ? body.getAsJsonObject() : new JsonObject();
        }

        /** A string field of the answer's object, or null. */
        public String field(String name) {
            JsonElement e = object().get(name);
            return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
        }

        /** "HTTP 400 bad.request", for findings. */
        public String said() {
            return "HTTP " + status + (code == null ? "" : " " + code);
        }

        @Override
        public String toString() {
            return said(); // the body may hold a new client's secret: never printed
        }
    }

    /** GET {@code /api/v2/<path>} with the given query parameters. */
    public Answer get(String path, Map<String, String> query) {
        HttpUrl.Builder url = url(path);
        query.forEach(url::addQueryParameter);
        return answer(Transport.Req.api("GET", url.build(), null, true, Transport.Repeat.SAFE, "probe GET " + path));
    }

    /** GET {@code /api/v2/<path>} with one query parameter repeated ({@code ?id=a&id=b…}). */
    public Answer get(String path, Map<String, String> query, String name, List<String> values) {
        HttpUrl.Builder url = url(path);
        query.forEach(url::addQueryParameter);
        values.forEach(v -> url.addQueryParameter(name, v));
        return answer(Transport.Req.api("GET", url.build(), null, true, Transport.Repeat.SAFE, "probe GET " + path));
    }

    /** A search ({@code POST …/search}): a read, safe to repeat. */
    public Answer search(String path, JsonElement body) {
        return answer(Transport.Req.api("POST", url(path).build(), body, true, Transport.Repeat.SAFE,
                "probe search " + path));
    }

    /** A write; a POST is a create (never resent unless nothing reached the org). */
    public Answer write(String method, String path, Map<String, String> query, JsonElement body) {
        HttpUrl.Builder url = url(path);
        query.forEach(url::addQueryParameter);
        Transport.Repeat repeat = method.equals("POST") ? Transport.Repeat.CREATE : Transport.Repeat.SAFE;
        return answer(Transport.Req.api(method, url.build(), body, false, repeat, "probe " + method + " " + path));
    }

    /**
     * The {@code token_type} of a client-credentials token answer. The token itself is dropped unread; it never
     * leaves this method.
     */
    public String tokenType(String clientId, Secret clientSecret) {
        HttpUrl url = loginBase.newBuilder().addPathSegments("oauth/token").build();
        String pair = clientId + ":" + clientSecret.reveal();
        Secret basic = Secret.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        FormBody form = new FormBody.Builder().add("grant_type", "client_credentials").build();
        Transport.Raw raw = requests.transport.send(new Transport.Req("POST", url, null, form, false,
                Transport.Repeat.SAFE, "probe token type", true, basic));
        JsonElement e = JsonParser.parseString(raw.body());
        JsonElement type = e.isJsonObject() ? e.getAsJsonObject().get("token_type") : null;
        return type == null || type.isJsonNull() ? null : type.getAsString();
    }

    /**
     * What the login service answers a browser's {@code GET /oauth/authorize} before anyone signs in: the status and
     * where it sends the browser (no redirect followed, no token sent, nothing issued without a person).
     *
     * @return "HTTP 302 → https://host/path#fragment" with the query of the target dropped
     */
    public String authorizeAnswer(Map<String, String> query) {
        pageRequests.incrementAndGet();
        HttpUrl.Builder url = loginBase.newBuilder().addPathSegments("oauth/authorize");
        query.forEach(url::addQueryParameter);
        okhttp3.OkHttpClient http = new okhttp3.OkHttpClient.Builder().followRedirects(false)
                .followSslRedirects(false).build();
        try (okhttp3.Response r = http.newCall(new okhttp3.Request.Builder().url(url.build()).get().build())
                .execute()) {
            String location = r.header("Location");
            return "HTTP " + r.code() + (location == null ? "" : " → " + location.split("\\?", 2)[0]);
        } catch (java.io.IOException e) {
            throw requests.transport.errors.network(e, loginBase.host(), "open the sign-in page");
        }
    }

    /** Requests to the sign-in page ({@link #authorizeAnswer}): not in the client's statistics. */
    public long pageRequests() {
        return pageRequests.get();
    }

    private HttpUrl.Builder url(String path) {
        return requests.apiBase.newBuilder().addPathSegments("api/v2").addPathSegments(path);
    }

    private Answer answer(Transport.Req req) {
        try {
            Transport.Raw raw = requests.transport.send(req);
            JsonElement body = raw.body() == null || raw.body().isBlank() ? null : JsonParser.parseString(raw.body());
            return new Answer(raw.status(), null, null, body);
        } catch (GenesysApiException e) {
            switch (e.kind()) {
                case NOT_SIGNED_IN, CANCELLED, NETWORK, RATE_LIMITED, SERVER_UNAVAILABLE -> throw e;
                default -> {
                }
            }
            if (e.status() == 0) {
                throw e;
            }
            StringBuilder words = new StringBuilder(String.valueOf(e.getMessage()));
            if (e.errorBody() != null && e.errorBody().messageParams() != null) {
                e.errorBody().messageParams().values().forEach(v -> words.append(' ').append(v));
            }
            return new Answer(e.status(), e.code(), words.toString(), null);
        }
    }
}
