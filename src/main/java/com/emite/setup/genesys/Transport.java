package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.lang.reflect.Type;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends one logical call and owns everything around it: the rate limiter, the bearer token, retries (429, 5xx,
 * network), 401 re-authentication, error mapping, statistics and redacted logging.
 */
final class Transport {
    static final Logger LOG = Logger.getLogger("com.emite.setup.genesys");
    static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

    /** Whether a request may be sent again after a 5xx or a broken connection. */
    enum Repeat {
        /** Reads, PUTs (full replacement or versioned), PATCH of a state, DELETE, grants, member adds. */
        SAFE,
        /**
         * A POST that creates (or resets a secret): never repeated unless nothing reached the server; else
         * OutcomeUnknown.
         */
        CREATE
    }

    /** One logical call. {@code basicAuth} is only for the token endpoint; API calls use the bearer token. */
    record Req(String method, HttpUrl url, String jsonBody, RequestBody formBody, boolean read, Repeat repeat,
               String operation, boolean tokenCall, Secret basicAuth) {
        static Req api(String method, HttpUrl url, Object body, boolean read, Repeat repeat, String operation) {
            return new Req(method, url, body == null ? null : Json.gson().toJson(body), null, read, repeat,
                    operation, false, null);
        }
    }

    /** A 2xx answer, body read completely. */
    record Raw(int status, String body, String contentType, String correlationId) {
    }

    /** Where the bearer token comes from, and how it is renewed after a 401. */
    interface Tokens {
        /** The token to send; throws {@link NotSignedInException} when there is none. */
        AccessToken current();

        /** Renews after a 401 with {@code stale}; true when a different token is now available. */
        boolean renew(AccessToken stale);
    }

    final OkHttpClient http;
    final Gson gson;
    final RateLimiter limiter;
    final CallStats stats;
    final RetryPolicy retry;
    final TimeSource time;
    final ErrorMapper errors;
    volatile Tokens tokens;
    volatile WaitListener waits = WaitListener.NONE;

    Transport(OkHttpClient http, RateLimiter limiter, CallStats stats, RetryPolicy retry, TimeSource time) {
        this.http = http;
        this.gson = Json.gson();
        this.limiter = limiter;
        this.stats = stats;
        this.retry = retry;
        this.time = time;
        this.errors = new ErrorMapper(gson);
    }

    /** Sends the call and parses a 2xx body as {@code type}; {@code type == null} ignores the body. */
    <T> T call(Req req, Type type) {
        Raw raw = send(req);
        if (type == null) {
            return null;
        }
        try {
            T value = parse(raw, type);
            if (value == null) {
                throw new JsonParseException("empty body");
            }
            return value;
        } catch (JsonParseException | IllegalStateException e) {
            MalformedResponseException m = errors.malformed(raw.status(), raw.body(), raw.contentType(),
                    raw.correlationId(), req.operation(), e);
            if (req.repeat() == Repeat.CREATE) {
                throw new OutcomeUnknownException(req.operation(), m);
            }
            throw m;
        }
    }

    private <T> T parse(Raw raw, Type type) {
        if (ErrorMapper.looksLikeHtml(raw.body(), raw.contentType())) {
            throw new JsonParseException("HTML instead of JSON");
        }
        return gson.fromJson(raw.body(), type);
    }

    /** The retry loop. Returns a 2xx answer or throws a {@link GenesysApiException}. */
    Raw send(Req req) {
        int transientRetries = 0;
        int retries429 = 0;
        boolean reauthenticated = false;
        boolean first = true;
        while (true) {
            if (!first) {
                stats.retried();
            }
            first = false;
            AccessToken used = null;
            Request.Builder rb = new Request.Builder().url(req.url()).header("Accept", "application/json");
            RequestBody body = req.formBody() != null ? req.formBody()
                    : req.jsonBody() != null ? RequestBody.create(req.jsonBody(), JSON)
                    : needsBody(req.method()) ? RequestBody.create(new byte[0], null) : null;
            rb.method(req.method(), body);
            if (req.tokenCall()) {
                if (req.basicAuth() != null) {
                    rb.header("Authorization", "Basic " + req.basicAuth().reveal());
                }
                stats.tokenCall();
            } else {
                used = tokens.current();
                RateLimiter.Wait w = acquire();
                stats.limiterWait(w.windowNanos());
                stats.retryAfterWait(w.pauseNanos());
                rb.header("Authorization", "Bearer " + used.value().reveal());
                stats.call(req.read());
            }
            long t0 = time.nanoTime();
            int status;
            String text;
            String contentType;
            String correlationId;
            Headers headers;
            try (Response resp = http.newCall(rb.build()).execute()) {
                status = resp.code();
                headers = resp.headers();
                contentType = resp.header("Content-Type");
                correlationId = resp.header("ININ-Correlation-Id");
                ResponseBody rbody = resp.body();
                text = req.method().equals("HEAD") ? "" : rbody.string();
            } catch (IOException e) {
                stats.networkError();
                if (ErrorMapper.isInterruption(e) || Thread.currentThread().isInterrupted()) {
                    throw cancelled(e);
                }
                boolean nothingSent = e instanceof ConnectException || e instanceof UnknownHostException
                        || e instanceof NoRouteToHostException;
                LOG.log(Level.INFO, () -> req.method() + " " + Redaction.url(req.url()) + " failed: "
                        + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                        + Redaction.text(e.getMessage())));
                if ((req.repeat() == Repeat.SAFE || nothingSent) && transientRetries < retry.maxTransientRetries()) {
                    transientRetries++;
                    backoff(transientRetries, null);
                    continue;
                }
                NetworkException ne = errors.network(e, req.url().host(), req.operation());
                if (req.repeat() == Repeat.CREATE && !nothingSent) {
                    throw new OutcomeUnknownException(req.operation(), ne);
                }
                throw ne;
            }
            final int st = status;
            LOG.fine(() -> req.method() + " " + Redaction.url(req.url()) + " -> " + st + " ("
                    + (time.nanoTime() - t0) / 1_000_000 + " ms)");
            if (status >= 200 && status < 300) {
                return new Raw(status, text, contentType, correlationId);
            }
            if (status == 401 && !req.tokenCall() && !reauthenticated && tokens.renew(used)) {
                reauthenticated = true;
                LOG.info(() -> "401 from " + req.url().encodedPath() + ": signed in again, repeating the call");
                continue;
            }
            if (status == 429) {
                stats.rateLimited();
                Duration wait = retryAfter(headers.get("Retry-After"));
                retries429++;
                if (retries429 > retry.max429Retries() || wait.compareTo(retry.maxRetryAfter()) > 0) {
                    var eb = errors.parseErrorBody(text);
                    throw errors.rateLimited(eb == null ? null : eb.code(),
                            eb != null && eb.contextId() != null ? eb.contextId() : correlationId,
                            "Rate limited " + retries429 + " times while trying to " + req.operation()
                                    + " (Retry-After " + wait.toSeconds() + " s)", eb, wait);
                }
                LOG.info(() -> "429 from " + req.url().encodedPath() + ": waiting " + wait.toSeconds() + " s");
                if (req.tokenCall()) {
                    waits.waiting(WaitListener.Reason.RETRY_AFTER, wait);
                    sleep(wait.toNanos());
                    stats.retryAfterWait(wait.toNanos());
                } else {
                    limiter.pauseFor(wait); // the next acquire() waits, and so does every other thread
                }
                continue;
            }
            if (status >= 500) {
                stats.serverError();
                // The statuses the official SDK retries (§3.5 [SDK ApiClient.Retry], "copy this behaviour"): not
                // 500, which is the server saying it failed, not that it was unavailable.
                boolean retryable = status == 502 || status == 503 || status == 504;
                if (retryable && req.repeat() == Repeat.SAFE && transientRetries < retry.maxTransientRetries()) {
                    transientRetries++;
                    String ra = headers.get("Retry-After");
                    LOG.info(() -> status(st) + " from " + req.url().encodedPath() + ": retrying");
                    backoff(transientRetries, ra == null ? null : retryAfter(ra));
                    continue;
                }
            }
            final String errorText = text;
            LOG.log(Level.FINER, () -> "Error body: " + Redaction.text(errorText));
            if (req.tokenCall()) {
                if (status >= 500) {
                    throw errors.map(status, text, contentType, correlationId, req.operation(), null);
                }
                throw errors.tokenError(status, text, contentType, req.operation());
            }
            GenesysApiException ex = errors.map(status, text, contentType, correlationId, req.operation(),
                    used.method());
            if (req.repeat() == Repeat.CREATE && status >= 500) {
                throw new OutcomeUnknownException(req.operation(), ex);
            }
            throw ex;
        }
    }

    private static String status(int s) {
        return "HTTP " + s;
    }

    private static boolean needsBody(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
    }

    private RateLimiter.Wait acquire() {
        try {
            return limiter.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        }
    }

    private void backoff(int attempt, Duration serverHint) {
        long nanos = serverHint != null ? Math.min(serverHint.toNanos(), retry.maxBackoff().toNanos())
                : retry.backoffNanos(attempt);
        waits.waiting(WaitListener.Reason.BACKOFF, Duration.ofNanos(nanos));
        sleep(nanos);
        stats.backoffWait(nanos);
    }

    private void sleep(long nanos) {
        try {
            time.sleepNanos(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(e);
        }
    }

    static CancelledException cancelled(Exception cause) {
        return new CancelledException(0, null, null, "Interrupted", "The operation was cancelled.", null, cause);
    }

    /** Retry-After in integer seconds ({@link ApiContract#DEFAULT_RETRY_AFTER_SECONDS} when missing or unreadable). */
    static Duration retryAfter(String header) {
        if (header != null) {
            try {
                long s = Long.parseLong(header.trim());
                if (s >= 0) {
                    return Duration.ofSeconds(s);
                }
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: use the default
            }
        }
        return Duration.ofSeconds(ApiContract.DEFAULT_RETRY_AFTER_SECONDS);
    }
}
