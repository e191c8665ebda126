package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.testing.ManualClock;
import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sign-in against the real sandbox: client credentials, pasted tokens, renewal, and browser sign-in with the test as
 * the browser.
 */
@ConcurrentClass
class GenesysSandboxSignInTest extends SandboxClientTest {
    static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

    // ---------------------------------------------------------------- org, token, sign-in

    @Test
    void organizationAndToken() {
        Organization org = admin.getOrganization();
        assertEquals(sb.orgId(), org.id());
        assertEquals(sb.orgShortName(), org.thirdPartyOrgName());
        TokenInfo info = admin.getTokenInfo();
        assertEquals(sb.adminClientId(), info.oauthClient().id());
        assertTrue(TestCalls.of(admin).isTokenValid());
        BadRequestException e = assertThrows(BadRequestException.class, admin::getMe); // no user behind the token
        assertEquals(ApiContract.STATUS_USERS_ME_WITHOUT_USER, e.status());
    }

    @Test
    void wrongClientSecretIsRefused() {
        GenesysClient c = GenesysClient.forSingleBase(sb.baseUrl());
        SignInException e = assertThrows(SignInException.class,
                () -> c.signInWithClientCredentials(sb.adminClientId(), Secret.of("not-the-secret")));
        assertEquals("invalid_client", e.code());
        assertFalse(c.isSignedIn());
    }

    @Test
    void pastedTokenAndLogout() {
        GenesysClient source = GenesysClient.forSingleBase(sb.baseUrl());
        Secret token = source.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret()).value();
        GenesysClient pasted = GenesysClient.forSingleBase(sb.baseUrl());
        pasted.signInWithToken(token);
        assertEquals(sb.orgId(), pasted.getOrganization().id());
        pasted.logout();
        assertFalse(pasted.isSignedIn());
        GenesysClient again = GenesysClient.forSingleBase(sb.baseUrl());
        assertThrows(NotSignedInException.class, () -> again.signInWithToken(token)); // revoked
        assertThrows(NotSignedInException.class, () -> again.signInWithToken(Secret.of("made-up")));
    }

    @Test
    void aRevokedClientCredentialsTokenIsRenewedOnce() {
        // revoke the admin client's current token behind its back, through a second client holding the same token
        Secret stolen = admin.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret()).value();
        GenesysClient other = GenesysClient.forSingleBase(sb.baseUrl());
        other.signInWithToken(stolen);
        other.logout();
        assertEquals(sb.orgId(), admin.getOrganization().id()); // 401 → new token → repeated
        assertEquals(1, admin.stats().snapshot().reauthentications());
    }

    @Test
    void concurrentCallsAfterARevocationRenewTheTokenOnce() throws Exception {
        Secret stolen = admin.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret()).value();
        GenesysClient other = GenesysClient.forSingleBase(sb.baseUrl());
        other.signInWithToken(stolen);
        other.logout();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> admin.getOrganization().id()));
            }
            for (java.util.concurrent.Future<String> f : results) {
                assertEquals(sb.orgId(), f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, admin.stats().snapshot().reauthentications());
    }

    @Test
    void theSandboxs429IsReadAsRateLimited() {
        try (Sandbox limited = Sandbox.start(SandboxConfig.builder().divisions(1).agents(5).rateLimitPerMinute(5)
                .build())) {
            GenesysClient c = GenesysClient.builder(limited.baseUrl(), limited.baseUrl()).unlimitedRate()
                    .retryPolicy(new RetryPolicy(0, java.time.Duration.ZERO, 0, java.time.Duration.ZERO,
                            java.time.Duration.ZERO, 0, java.time.Duration.ZERO)).build();
            c.signInWithClientCredentials(limited.adminClientId(), limited.adminClientSecret());
            for (int i = 0; i < 5; i++) {
                c.getOrganization();
            }
            RateLimitedException e = assertThrows(RateLimitedException.class, c::getOrganization);
            assertEquals("too.many.requests", e.code());
            assertTrue(e.retryAfter().toSeconds() >= 1 && e.retryAfter().toSeconds() <= 60, e.retryAfter().toString());
            assertNotNull(e.errorBody().limit());
            assertNotNull(e.contextId());
            assertEquals(1, limited.stats().tooManyRequests());
        }
    }

    @Test
    void shortLivedClientCredentialsTokensAreRenewedOnlyWhenDue() {
        ManualClock orgTime = new ManualClock();
        GenesysTestSupport.FakeTime clientTime = new GenesysTestSupport.FakeTime();
        try (Sandbox shortLived = Sandbox.start(SandboxConfig.builder().divisions(1).agents(5).tokenTtlSeconds(2)
                .build(), orgTime)) {
            GenesysClient c = GenesysClient.builder(shortLived.baseUrl(), shortLived.baseUrl()).timeSource(clientTime)
                    .build();
            c.signInWithClientCredentials(shortLived.adminClientId(), shortLived.adminClientSecret());
            for (int i = 0; i < 3; i++) {
                c.getOrganization();
            }
            assertEquals(0, c.stats().snapshot().reauthentications(), "not on every call");
            orgTime.advance(Duration.ofMillis(2_300));
            clientTime.now.addAndGet(Duration.ofMillis(2_300).toNanos());
            assertEquals(shortLived.orgId(), c.getOrganization().id()); // expired: renewed before or after a 401
            assertEquals(1, c.stats().snapshot().reauthentications());
        }
    }

    // ---------------------------------------------------------------- browser sign-in, the test being the browser

    /** Loads the authorize page, clicks its sign-in link, follows the redirect to our listener. */
    static String browseByLink(URI authorize) throws IOException {
        String page = fetch(HttpUrl.get(authorize));
        Matcher m = Pattern.compile("id=\"approve-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        String href = m.group(1).replace("&amp;", "&");
        return followRedirect(HttpUrl.get(authorize).resolve(href), null);
    }

    /** Loads the authorize page and submits its form (what the button does). */
    static String browseByForm(URI authorize) throws IOException {
        HttpUrl url = HttpUrl.get(authorize);
        String page = fetch(url);
        FormBody.Builder form = new FormBody.Builder();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"").matcher(page);
        int n = 0;
        while (m.find()) {
            form.add(unescape(m.group(1)), unescape(m.group(2)));
            n++;
        }
        assertTrue(n >= 5, page);
        return followRedirect(url.resolve("/oauth/authorize"), form.build());
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static String fetch(HttpUrl url) throws IOException {
        try (Response r = BROWSER.newCall(new Request.Builder().url(url).build()).execute()) {
            assertEquals(200, r.code());
            return r.body().string();
        }
    }

    private static String followRedirect(HttpUrl url, FormBody form) throws IOException {
        Request.Builder rb = new Request.Builder().url(url);
        if (form != null) {
            rb.post(form);
        }
        String location;
        try (Response r = BROWSER.newCall(rb.build()).execute()) {
            assertEquals(302, r.code());
            location = r.header("Location");
        }
        try (Response r = BROWSER.newCall(new Request.Builder().url(url.resolve(location)).build()).execute()) {
            assertEquals(200, r.code());
            return r.body().string();
        }
    }

    @Test
    void browserSignInEndToEnd() {
        GenesysClient user = GenesysClient.forSingleBase(sb.baseUrl());
        String[] page = new String[1];
        AccessToken t = TestCalls.of(user).signInWithBrowser(BrowserSignIn.Options.of(sb.pkceClientId()),
                uri -> page[0] = browseByLink(uri));
        assertTrue(page[0].contains("You can close this window"), page[0]);
        assertEquals(SignInMethod.BROWSER_PKCE, t.method());

        User me = user.getMe("authorization");
        assertEquals(sb.adminUserId(), me.id());
        assertFalse(me.authorization().roles().isEmpty());
        assertTrue(TestCalls.of(user).divisionsPermittedForMe("directory:group:add").allDivsPermitted());
        assertEquals(sb.adminUserId(), user.getMySubject().id());
        assertEquals(sb.orgShortName(), user.getOrganization().thirdPartyOrgName());

        Secret token = t.value();
        user.logout();
        GenesysClient check = GenesysClient.forSingleBase(sb.baseUrl());
        assertThrows(NotSignedInException.class, () -> check.signInWithToken(token));
    }

    @Test
    void browserSignInThroughTheFormOnAFixedPort() throws Exception {
        int port;
        try (java.net.ServerSocket ss = new java.net.ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        GenesysClient user = GenesysClient.forSingleBase(sb.baseUrl());
        BrowserSignIn s = user.startBrowserSignIn(BrowserSignIn.Options.onPort(sb.pkceClientId(), port),
                GenesysSandboxSignInTest::browseByForm);
        assertEquals("http://127.0.0.1:" + port + "/callback", s.redirectUri());
        s.await();
        assertEquals(sb.adminUserId(), user.getMe().id());
    }

    @Test
    void anUnknownPkceClientIsRefusedInTheBrowser() {
        GenesysClient user = GenesysClient.forSingleBase(sb.baseUrl());
        GenesysApiException e = assertThrows(GenesysApiException.class, () -> TestCalls.of(user).signInWithBrowser(
                new BrowserSignIn.Options("no-such-client", 0, null, null, java.time.Duration.ofSeconds(2)), uri -> {
                    try (Response r = BROWSER.newCall(new Request.Builder().url(HttpUrl.get(uri)).build())
                            .execute()) {
                        assertTrue(r.code() >= 400 || r.code() == 302, "code " + r.code());
                        String loc = r.header("Location");
                        if (loc != null) {
                            BROWSER.newCall(new Request.Builder().url(HttpUrl.get(uri).resolve(loc)).build())
                                    .execute().close();
                        }
                    }
                }));
        assertEquals(GenesysApiException.Kind.SIGN_IN_FAILED, e.kind());
        assertFalse(user.isSignedIn());
    }
}
