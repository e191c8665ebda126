package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysTestSupport.FakeTime;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static com.emite.setup.genesys.GenesysTestSupport.body;
import static com.emite.setup.genesys.GenesysTestSupport.empty;
import static com.emite.setup.genesys.GenesysTestSupport.error;
import static com.emite.setup.genesys.GenesysTestSupport.json;
import static com.emite.setup.genesys.GenesysTestSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in flows against MockWebServer; the PKCE tests play the browser. */
class GenesysSignInMockTest extends MockServerTest {
    static final String ORG = "{\"id\":\"org-1\",\"name\":\"Acme\",\"thirdPartyOrgName\":\"acme\"}";
    static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

    /** Not signed in: signing in is what these tests do. */
    @Override
    GenesysClient client(MockWebServer server, FakeTime time) {
        return GenesysTestSupport.client(server, time);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("no request");
        }
        return r;
    }

    // ---------------------------------------------------------------- client credentials

    @Test
    void clientCredentialsUseBasicAuthAndAForm() throws Exception {
        server.enqueue(token("cc-token-1"));
        AccessToken t = client.signInWithClientCredentials("client-id-1", Secret.of("client-secret-1"));
        assertEquals(SignInMethod.CLIENT_CREDENTIALS, t.method());
        assertTrue(t.expiresAt().isAfter(Instant.now().plusSeconds(86000)));
        assertFalse(t.toString().contains("cc-token-1"));
        RecordedRequest r = take();
        assertEquals("POST", r.getMethod());
        assertEquals("/oauth/token", r.getUrl().encodedPath());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("client-id-1:client-secret-1"
                .getBytes(StandardCharsets.UTF_8)), r.getHeaders().get("Authorization"));
        assertTrue(r.getHeaders().get("Content-Type").startsWith("application/x-www-form-urlencoded"));
        assertEquals("grant_type=client_credentials", body(r));
        assertEquals(1, client.stats().snapshot().tokenCalls());
        assertEquals(0, client.stats().snapshot().calls());

        server.enqueue(json(ORG));
        client.getOrganization();
        assertEquals("Bearer cc-token-1", take().getHeaders().get("Authorization"));
    }

    @Test
    void aWrongSecretIsAPlainSignInError() {
        server.enqueue(json(401, "{\"error\":\"invalid_client\",\"description\":\"client authentication failed\"}"));
        SignInException e = assertThrows(SignInException.class,
                () -> client.signInWithClientCredentials("client-id-1", Secret.of("wrong-secret-xyz")));
        assertEquals("invalid_client", e.code());
        assertTrue(e.userMessage().contains("did not accept the client id and secret"), e.userMessage());
        assertFalse(e.getMessage().contains("wrong-secret-xyz"));
        assertFalse(e.userMessage().contains("wrong-secret-xyz"));
        assertFalse(client.isSignedIn());
    }

    @Test
    void a401MidRunSignsInAgainOnceAndRepeatsTheCall() throws Exception {
        server.enqueue(token("cc-token-A"));
        client.signInWithClientCredentials("client-id-1", Secret.of("client-secret-1"));
        server.enqueue(error(401, "bad.credentials", "Invalid login credentials"));
        server.enqueue(token("cc-token-B"));
        server.enqueue(json(ORG));
        assertEquals("acme", client.getOrganization().thirdPartyOrgName());
        take();
        assertEquals("Bearer cc-token-A", take().getHeaders().get("Authorization"));
        RecordedRequest renew = take();
        assertEquals("/oauth/token", renew.getUrl().encodedPath());
        assertTrue(renew.getHeaders().get("Authorization").startsWith("Basic "));
        assertEquals("Bearer cc-token-B", take().getHeaders().get("Authorization"));
        CallStats.Snapshot s = client.stats().snapshot();
        assertEquals(1, s.reauthentications());
        assertEquals(2, s.tokenCalls());

        // a second 401 right after renewing is not looped on
        server.enqueue(error(401, "bad.credentials", "Invalid login credentials"));
        server.enqueue(token("cc-token-C"));
        server.enqueue(error(401, "bad.credentials", "Invalid login credentials"));
        assertThrows(NotSignedInException.class, client::getOrganization);
        assertEquals(4 + 3, server.getRequestCount());
    }

    @Test
    void a401WithAUserTokenMeansSignInAgain() {
        server.enqueue(empty(200));
        client.signInWithToken(Secret.of("pasted-1"));
        server.enqueue(error(401, "credentials.expired", "expired"));
        NotSignedInException e = assertThrows(NotSignedInException.class, client::getOrganization);
        assertTrue(e.userMessage().contains("Sign in again"));
        assertEquals(0, client.stats().snapshot().tokenCalls());
    }

    @Test
    void aMissingPermissionForTheClientNamesTheClient() {
        server.enqueue(token("cc-token-1"));
        client.signInWithClientCredentials("client-id-1", Secret.of("client-secret-1"));
        server.enqueue(error(403, "missing.permissions",
                "You are missing the following permission(s): [directory:group:add, directory:group:edit]"));
        MissingPermissionException e = assertThrows(MissingPermissionException.class, client::getOrganization);
        assertTrue(e.userMessage().startsWith("The OAuth client you signed in with lacks the permissions "
                + "directory:group:add, directory:group:edit"), e.userMessage());
    }

    // ---------------------------------------------------------------- pasted token and logout

    @Test
    void aPastedTokenIsCheckedBeforeItIsKept() throws Exception {
        server.enqueue(empty(401)); // HEAD: no body
        assertThrows(NotSignedInException.class, () -> client.signInWithToken(Secret.of("bad-token")));
        assertFalse(client.isSignedIn());
        RecordedRequest head = take();
        assertEquals("HEAD", head.getMethod());
        assertEquals("/api/v2/tokens/me", head.getUrl().encodedPath());

        server.enqueue(empty(200));
        client.signInWithToken(Secret.of("good-token"));
        assertEquals(SignInMethod.PASTED_TOKEN, client.signInMethod().orElseThrow());
        assertNull(client.tokenExpiresAt().orElse(null));
    }

    @Test
    void logoutRevokesAndForgets() throws Exception {
        server.enqueue(token("cc-token-1"));
        client.signInWithClientCredentials("client-id-1", Secret.of("client-secret-1"));
        server.enqueue(empty(204));
        client.logout();
        take();
        RecordedRequest del = take();
        assertEquals("DELETE", del.getMethod());
        assertEquals("/api/v2/tokens/me", del.getUrl().encodedPath());
        assertEquals("Bearer cc-token-1", del.getHeaders().get("Authorization"));
        assertFalse(client.isSignedIn());
        assertThrows(NotSignedInException.class, client::getOrganization);
        assertEquals(2, server.getRequestCount());
        client.logout(); // no token: no call
        assertEquals(2, server.getRequestCount());
    }

    @Test
    void logoutWithAnAlreadyDeadTokenStillForgets() {
        server.enqueue(empty(200));
        client.signInWithToken(Secret.of("pasted-1"));
        server.enqueue(error(401, "bad.credentials", "gone"));
        client.logout();
        assertFalse(client.isSignedIn());
    }

    // ---------------------------------------------------------------- PKCE (the test plays the browser)

    /** The browser: follows the authorize URL's redirect_uri with a code and the given state; returns the page. */
    static String answer(URI authorize, String code, String state) throws IOException {
        HttpUrl a = HttpUrl.get(authorize);
        HttpUrl cb = HttpUrl.get(a.queryParameter("redirect_uri")).newBuilder()
                .addQueryParameter("code", code).addQueryParameter("state", state).build();
        try (Response r = BROWSER.newCall(new Request.Builder().url(cb).build()).execute()) {
            return r.body().string();
        }
    }

    @Test
    void pkceEndToEndAgainstAMockLoginServer() throws Exception {
        AtomicReference<URI> opened = new AtomicReference<>();
        AtomicReference<String> page = new AtomicReference<>();
        server.enqueue(token("user-token-1"));
        BrowserSignIn.Options options = BrowserSignIn.Options.of("pkce-client-1");
        BrowserSignIn s = client.startBrowserSignIn(options, uri -> {
            opened.set(uri);
            HttpUrl a = HttpUrl.get(uri);
            page.set(answer(uri, "the-auth-code-1", a.queryParameter("state")));
        });
        AccessToken t = s.await();
        assertEquals(SignInMethod.BROWSER_PKCE, t.method());
        assertTrue(page.get().contains("You can close this window"), page.get());

        HttpUrl a = HttpUrl.get(opened.get());
        assertEquals("/oauth/authorize", a.encodedPath());
        assertEquals("code", a.queryParameter("response_type"));
        assertEquals("pkce-client-1", a.queryParameter("client_id"));
        assertEquals("S256", a.queryParameter("code_challenge_method"));
        String redirect = a.queryParameter("redirect_uri");
        assertTrue(redirect.matches("http://127\\.0\\.0\\.1:\\d+/callback"), redirect);
        assertEquals(redirect, s.redirectUri());

        RecordedRequest r = take();
        assertEquals("/oauth/token", r.getUrl().encodedPath());
        assertNull(r.getHeaders().get("Authorization"), "PKCE exchange sends no Authorization header");
        HttpUrl form = HttpUrl.get("http://x/?" + body(r));
        assertEquals("authorization_code", form.queryParameter("grant_type"));
        assertEquals("the-auth-code-1", form.queryParameter("code"));
        assertEquals("pkce-client-1", form.queryParameter("client_id"));
        assertEquals(redirect, form.queryParameter("redirect_uri"));
        String verifier = form.queryParameter("code_verifier");
        assertEquals(a.queryParameter("code_challenge"), BrowserSignIn.challenge(Secret.of(verifier)));

        // signed in, and the listener is gone
        server.enqueue(json(ORG));
        client.getOrganization();
        assertEquals("Bearer user-token-1", take().getHeaders().get("Authorization"));
        assertThrows(IOException.class, () -> answer(opened.get(), "again", a.queryParameter("state")));
    }

    @Test
    void pkceReportsARefusal() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(BrowserSignIn.Options.of("pkce-client-1"), uri -> {
            HttpUrl a = HttpUrl.get(uri);
            HttpUrl cb = HttpUrl.get(a.queryParameter("redirect_uri")).newBuilder()
                    .addQueryParameter("error", "access_denied")
                    .addQueryParameter("error_description", "The user denied access")
                    .addQueryParameter("state", a.queryParameter("state")).build();
            try (Response r = BROWSER.newCall(new Request.Builder().url(cb).build()).execute()) {
                assertTrue(r.body().string().contains("close this window"));
            }
        });
        SignInException e = assertThrows(SignInException.class, s::await);
        assertEquals("access_denied", e.code());
        assertTrue(e.userMessage().contains("denied"), e.userMessage());
    }

    @Test
    void pkceIgnoresStrayRequestsAndTimesOut() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(new BrowserSignIn.Options("pkce-client-1", 0, null, null,
                Duration.ofMillis(300)), uri -> {
            HttpUrl cb = HttpUrl.get(HttpUrl.get(uri).queryParameter("redirect_uri"));
            try (Response r = BROWSER.newCall(new Request.Builder().url(cb.resolve("/favicon.ico")).build())
                    .execute()) {
                assertEquals(404, r.code());
            }
            try (Response r = BROWSER.newCall(new Request.Builder().url(cb).build()).execute()) {
                assertEquals(400, r.code());
            }
        });
        SignInException e = assertThrows(SignInException.class, s::await);
        assertEquals("timeout", e.code());
        assertThrows(IOException.class, () -> answer(s.authorizeUri(), "late", "x"));
    }

    @Test
    void pkceCanBeCancelledFromAnotherThread() throws Exception {
        BrowserSignIn s = client.startBrowserSignIn(BrowserSignIn.Options.of("pkce-client-1"), uri -> { });
        CompletableFuture<Throwable> result = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            try {
                s.await();
                result.complete(null);
            } catch (Throwable t) {
                result.complete(t);
            }
        }, "pkce-await");
        waiter.start();
        // Cancel once the other thread is blocked in await (a condition, not a guessed sleep).
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (waiter.getState() != Thread.State.WAITING && waiter.getState() != Thread.State.TIMED_WAITING
                && !result.isDone() && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        s.cancel();
        Throwable t = result.get(5, TimeUnit.SECONDS);
        assertTrue(t instanceof CancelledException, String.valueOf(t));
    }

    @Test
    void pkceOnAFixedPortAndLocalhost() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        server.enqueue(token("user-token-2"));
        BrowserSignIn.Options o = new BrowserSignIn.Options("pkce-client-1", port, "localhost", "/auth/done", null);
        AccessToken t = client.signInWithBrowser(o, uri -> {
            HttpUrl a = HttpUrl.get(uri);
            assertEquals("http://localhost:" + port + "/auth/done", a.queryParameter("redirect_uri"));
            // the listener is on 127.0.0.1 whatever name the redirect uses
            HttpUrl cb = HttpUrl.get("http://127.0.0.1:" + port + "/auth/done?code=c2&state="
                    + a.queryParameter("state"));
            try (Response r = BROWSER.newCall(new Request.Builder().url(cb).build()).execute()) {
                assertEquals(200, r.code());
            }
        });
        assertEquals(SignInMethod.BROWSER_PKCE, t.method());
    }

    @Test
    void aBusyFixedPortIsAPlainError() throws Exception {
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            SignInException e = assertThrows(SignInException.class, () -> client.startBrowserSignIn(
                    BrowserSignIn.Options.onPort("pkce-client-1", ss.getLocalPort()), uri -> { }));
            assertTrue(e.userMessage().contains("in use"), e.userMessage());
        }
    }

    @Test
    void aBrowserThatCannotOpenIsAPlainError() {
        SignInException e = assertThrows(SignInException.class, () -> client.startBrowserSignIn(
                BrowserSignIn.Options.of("pkce-client-1"), uri -> {
                    throw new UnsupportedOperationException("no desktop");
                }));
        assertTrue(e.userMessage().contains("browser could not be opened"));
    }

    @Test
    void anExpiredOrUsedCodeIsAPlainError() {
        server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"code expired\"}"));
        SignInException e = assertThrows(SignInException.class, () -> client.signInWithBrowser(
                BrowserSignIn.Options.of("pkce-client-1"),
                uri -> answer(uri, "old-code", HttpUrl.get(uri).queryParameter("state"))));
        assertEquals("invalid_grant", e.code());
        assertTrue(e.userMessage().contains("Sign in again"));
    }
}
