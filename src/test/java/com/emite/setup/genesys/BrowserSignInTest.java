package com.emite.setup.genesys;

import com.emite.setup.genesys.GenesysTestSupport.FakeTime;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.emite.setup.genesys.GenesysTestSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The loopback listener of the browser sign-in, played by a hostile local process and then by the real browser. */
@Timeout(60)
class BrowserSignInTest {
    /** The browser: a generous timeout, so a stalled listener shows as a failure here rather than a hang. */
    static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false)
            .callTimeout(Duration.ofSeconds(15)).build();

    MockWebServer server;
    GenesysClient client;

    @BeforeEach
    void setUp() throws Exception {
        server = new MockWebServer();
        server.start();
        client = GenesysTestSupport.client(server, new FakeTime());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    static int get(URI authorize, String code, String state) throws IOException {
        HttpUrl.Builder cb = HttpUrl.get(HttpUrl.get(authorize).queryParameter("redirect_uri")).newBuilder();
        if (code != null) {
            cb.addQueryParameter("code", code);
        }
        if (state != null) {
            cb.addQueryParameter("state", state);
        }
        try (Response r = BROWSER.newCall(new Request.Builder().url(cb.build()).build()).execute()) {
            return r.code();
        }
    }

    static String state(URI authorize) {
        return HttpUrl.get(authorize).queryParameter("state");
    }

    @Test
    void aWrongOrMissingStateIsAnswered400AndTheRightCallbackStillSignsIn() throws Exception {
        server.enqueue(token("user-token-1"));
        List<Integer> statuses = new ArrayList<>();
        BrowserSignIn s = client.startBrowserSignIn(BrowserSignIn.Options.of("pkce-client-1"), uri -> {
            statuses.add(get(uri, "attacker-code", "not-the-state"));
            statuses.add(get(uri, "attacker-code", null));
            statuses.add(get(uri, null, "not-the-state"));
            statuses.add(get(uri, "the-real-code", state(uri)));
        });
        AccessToken t = s.await();
        assertEquals(List.of(400, 400, 400, 200), statuses);
        assertEquals(SignInMethod.BROWSER_PKCE, t.method());
        String form = server.takeRequest().getBody().utf8();
        assertTrue(form.contains("code=the-real-code"), "only the callback with the right state is exchanged");
    }

    @Test
    void aWrongStateAloneNeitherEndsNorSignsInAndTheWaitEndsAtTheTimeout() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(new BrowserSignIn.Options("pkce-client-1", 0, null, null,
                Duration.ofMillis(800)), uri -> assertEquals(400, get(uri, "code", "not-the-state")));
        SignInException e = assertThrows(SignInException.class, s::await);
        assertEquals("timeout", e.code());
        assertEquals(0, server.getRequestCount());
        assertFalse(client.isSignedIn());
    }

    @Test
    void aRefusalWithAForeignStateIsIgnoredToo() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(new BrowserSignIn.Options("pkce-client-1", 0, null, null,
                Duration.ofMillis(800)), uri -> {
                    HttpUrl cb = HttpUrl.get(HttpUrl.get(uri).queryParameter("redirect_uri")).newBuilder()
                            .addQueryParameter("error", "access_denied").addQueryParameter("state", "x").build();
                    try (Response r = BROWSER.newCall(new Request.Builder().url(cb).build()).execute()) {
                        assertEquals(400, r.code());
                    }
                });
        assertEquals("timeout", assertThrows(SignInException.class, s::await).code());
    }

    @Test
    void idleAndHalfSentConnectionsCannotBlockTheRealCallback() throws Exception {
        server.enqueue(token("user-token-2"));
        List<Socket> stalled = new ArrayList<>();
        try {
            BrowserSignIn s = client.startBrowserSignIn(BrowserSignIn.Options.of("pkce-client-1"), uri -> {
                int port = HttpUrl.get(HttpUrl.get(uri).queryParameter("redirect_uri")).port();
                // More stalled connections than the listener has threads: half send nothing, half a request line
                // without the end of its headers, and none ever closes.
                for (int i = 0; i < LoopbackListener.THREADS + 2; i++) {
                    Socket k = new Socket("127.0.0.1", port);
                    stalled.add(k);
                    if (i % 2 == 1) {
                        OutputStream out = k.getOutputStream();
                        out.write("GET /callback?code=x&state=y HTTP/1.1\r\nHost: 127".getBytes(
                                StandardCharsets.US_ASCII));
                        out.flush();
                    }
                }
                assertEquals(200, get(uri, "the-real-code", state(uri)));
            });
            assertEquals(SignInMethod.BROWSER_PKCE, s.await().method());
            // The listener gave up on each stalled connection by itself (end of stream, not our timeout).
            for (Socket k : stalled) {
                k.setSoTimeout(15_000);
                InputStream in = k.getInputStream();
                int b;
                try {
                    b = in.read();
                } catch (java.net.SocketException reset) {
                    b = -1;
                }
                assertEquals(-1, b, "a stalled connection is closed by the listener");
            }
        } finally {
            for (Socket k : stalled) {
                k.close();
            }
        }
    }

    @Test
    void aHugeHeaderIsCutOffWithoutAnAnswer() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(new BrowserSignIn.Options("pkce-client-1", 0, null, null,
                Duration.ofSeconds(5)), uri -> { });
        try (Socket k = new Socket("127.0.0.1", URI.create(s.redirectUri()).getPort())) {
            k.setSoTimeout(15_000);
            OutputStream out = k.getOutputStream();
            out.write(("GET /callback?code=a&state=" + state(s.authorizeUri()) + " HTTP/1.1\r\nX: ")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] filler = new byte[1024];
            java.util.Arrays.fill(filler, (byte) 'a');
            try {
                for (int i = 0; i < LoopbackListener.MAX_HEAD / 1024 + 2; i++) {
                    out.write(filler);
                }
            } catch (IOException closedByListener) {
                // expected once the listener stops reading
            }
            int b;
            try {
                b = k.getInputStream().read();
            } catch (java.net.SocketException reset) {
                b = -1;
            }
            assertEquals(-1, b);
        } finally {
            s.cancel();
        }
    }

    @Test
    void aSecondSignInOnTheSameFixedPortRightAfterTheFirstCanListen() throws Exception {
        // The first sign-in takes a port that was free a moment ago; test classes in other JVMs open connections all
        // the time and one may take it as its own local port first, so only the first sign-in may try another port.
        // The second must listen on the first one's port at once.
        int port = -1;
        for (int attempt = 1; port < 0; attempt++) {
            int candidate;
            try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
                candidate = ss.getLocalPort();
            }
            try {
                signInOnPort(1, candidate);
                port = candidate;
            } catch (SignInException taken) {
                if (attempt == 5 || !(taken.getCause() instanceof java.net.BindException)) {
                    throw taken;
                }
            }
        }
        signInOnPort(2, port);
    }

    private void signInOnPort(int i, int port) {
        server.enqueue(token("user-token-" + i));
        String code = "code-" + i;
        AccessToken t = TestCalls.of(client).signInWithBrowser(BrowserSignIn.Options.onPort("pkce-client-1", port),
                uri -> assertEquals(200, get(uri, code, state(uri))));
        assertEquals(SignInMethod.BROWSER_PKCE, t.method(), "sign-in " + i);
    }
}
