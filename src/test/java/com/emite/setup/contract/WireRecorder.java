package com.emite.setup.contract;

import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An OkHttp interceptor that keeps every request the client sends (method, URL, headers, body) for the oracle. */
public final class WireRecorder implements Interceptor {
    private final List<SdkOracle.Wire> seen = Collections.synchronizedList(new ArrayList<>());

    /** A base OkHttpClient for {@code GenesysClientBuilder.okHttpClient} that records through this recorder. */
    public OkHttpClient okHttp() {
        return new OkHttpClient.Builder().addInterceptor(this).build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request r = chain.request();
        String body = null;
        if (r.body() != null) {
            Buffer b = new Buffer();
            r.body().writeTo(b);
            body = b.readUtf8();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : r.headers().names()) {
            headers.put(name, r.headers(name));
        }
        if (r.body() != null && r.body().contentType() != null && !headers.containsKey("Content-Type")) {
            headers.put("Content-Type", List.of(r.body().contentType().toString()));
        }
        seen.add(new SdkOracle.Wire(r.method(), r.url().toString(), headers, body));
        return chain.proceed(r);
    }

    public List<SdkOracle.Wire> requests() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    public void clear() {
        seen.clear();
    }
}
