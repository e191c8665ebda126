package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The options of a {@link GenesysClient} (from {@link GenesysClient#builder}): rate limit, retries, clock, timeouts
 * and a base OkHttpClient. The client reads the fields when it is built.
 */
public final class GenesysClientBuilder {
    final HttpUrl apiBase;
    final HttpUrl loginBase;
    OkHttpClient okHttp;
    RateLimiter limiter;
    RetryPolicy retry = RetryPolicy.DEFAULT;
    TimeSource time = TimeSource.SYSTEM;
    Duration connectTimeout = Duration.ofSeconds(15);
    Duration readTimeout = Duration.ofSeconds(60);
    private Integer perMinute;
    private boolean unlimited;

    GenesysClientBuilder(HttpUrl apiBase, HttpUrl loginBase) {
        this.apiBase = apiBase;
        this.loginBase = loginBase;
    }

    /** Requests per minute of the client-side limiter (default {@link ApiContract#RATE_LIMIT_PER_MINUTE}). */
    public GenesysClientBuilder rateLimitPerMinute(int perMinute) {
        this.perMinute = perMinute;
        this.unlimited = false;
        return this;
    }

    /** No client-side limit (a 429 still pauses the client for its Retry-After). */
    public GenesysClientBuilder unlimitedRate() {
        this.unlimited = true;
        return this;
    }

    public GenesysClientBuilder retryPolicy(RetryPolicy retry) {
        this.retry = Objects.requireNonNull(retry);
        return this;
    }

    /** A clock/sleeper (tests). */
    public GenesysClientBuilder timeSource(TimeSource time) {
        this.time = Objects.requireNonNull(time);
        return this;
    }

    /** A base OkHttpClient (proxy, TLS settings); the client adjusts retries, redirects and timeouts. */
    public GenesysClientBuilder okHttpClient(OkHttpClient okHttp) {
        this.okHttp = okHttp;
        return this;
    }

    public GenesysClientBuilder connectTimeout(Duration d) {
        this.connectTimeout = d;
        return this;
    }

    public GenesysClientBuilder readTimeout(Duration d) {
        this.readTimeout = d;
        return this;
    }

    public GenesysClient build() {
        if (limiter == null) {
            if (unlimited) {
                limiter = RateLimiter.unlimited(time);
            } else if (perMinute != null) {
                limiter = RateLimiter.perMinute(perMinute, Duration.ofSeconds(2), time);
            }
        }
        return new GenesysClient(this);
    }

    /** The OkHttp client the transport sends with: retries and redirects off (they are ours), these timeouts. */
    OkHttpClient http() {
        return (okHttp == null ? new OkHttpClient() : okHttp).newBuilder()
                .retryOnConnectionFailure(false) // retries are ours: a POST that creates must never be resent
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
    }

    /** The limiter asked for, or the standard one of {@link ApiContract#RATE_LIMIT_PER_MINUTE}. */
    RateLimiter limiter() {
        return limiter != null ? limiter : RateLimiter.standard(time);
    }
}
