package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Shared helpers of the client tests: a fake clock and MockWebServer shortcuts. */
final class GenesysTestSupport {
    private GenesysTestSupport() {
    }

    /** A clock that never sleeps: sleeping advances virtual time. */
    static final class FakeTime implements TimeSource {
        final AtomicLong now = new AtomicLong(1_000_000_000L);
        final AtomicLong slept = new AtomicLong();

        @Override
        public long nanoTime() {
            return now.get();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (nanos > 0) {
                now.addAndGet(nanos);
                slept.addAndGet(nanos);
            }
        }

        long sleptSeconds() {
            return TimeUnit.NANOSECONDS.toSeconds(slept.get());
        }
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse json(String body) {
        return json(200, body);
    }

    static MockResponse empty(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse token(String accessToken) {
        return json("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":86399}");
    }

    static MockResponse error(int status, String code, String message) {
        return json(status, "{\"message\":\"" + message + "\",\"code\":\"" + code + "\",\"status\":" + status
                + ",\"contextId\":\"ctx-" + status + "\",\"details\":[],\"errors\":[]}");
    }

    static String base(MockWebServer server) {
        String u = server.url("/").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** A client on the mock server with a fake clock, no client-side limit. */
    static GenesysClient client(MockWebServer server, FakeTime time) {
        return GenesysClient.builder(base(server), base(server)).timeSource(time).unlimitedRate().build();
    }

    /** A client already signed in with a pasted token (one HEAD consumed). */
    static GenesysClient signedIn(MockWebServer server, FakeTime time) throws InterruptedException {
        GenesysClient c = client(server, time);
        server.enqueue(empty(200));
        c.signInWithToken(Secret.of("pasted-token-0123456789"));
        server.takeRequest();
        return c;
    }

    static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }
}
