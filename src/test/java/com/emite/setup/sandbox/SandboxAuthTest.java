package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.testing.ManualClock;
import com.emite.setup.contract.ApiContract;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login service (reference §2) and token handling under /api/v2 (§2.5, §3.4 401s). */
@ConcurrentClass
class SandboxAuthTest extends FastOrgTest {
    @Test
    void clientCredentialsGivesABearerTokenWithoutRefreshToken() {
        Http.Res r = new Http(sb.baseUrl()).tokenRequest(Map.of("grant_type", "client_credentials"),
                sb.adminClientId(), sb.adminClientSecret().reveal());
        assertEquals(200, r.status());
        JsonObject o = r.json();
        assertEquals(ApiContract.TOKEN_TYPE, o.get("token_type").getAsString());
        assertEquals(86400, o.get("expires_in").getAsInt());
        assertFalse(o.get("access_token").getAsString().isBlank());
        assertFalse(o.has("refresh_token"));
    }

    @Test
    void tokenEndpointErrorsUseTheOAuthBody() {
        Http h = new Http(sb.baseUrl());
        Http.Res wrong = h.tokenRequest(Map.of("grant_type", "client_credentials"), sb.adminClientId(), "nope");
        assertEquals(401, wrong.status());
        assertEquals("invalid_client", wrong.json().get("error").getAsString());
        assertTrue(wrong.json().has("description"));
        assertFalse(wrong.json().has("code"), "not an ErrorBody");

        assertEquals(401, h.tokenRequest(Map.of("grant_type", "client_credentials"), null, null).status());
        Http.Res grant = h.tokenRequest(Map.of("grant_type", "password"), sb.adminClientId(),
                sb.adminClientSecret().reveal());
        assertEquals(400, grant.status());
        assertEquals("unsupported_grant_type", grant.json().get("error").getAsString());
        Http.Res missing = h.tokenRequest(Map.of(), sb.adminClientId(), sb.adminClientSecret().reveal());
        assertEquals("invalid_request", missing.json().get("error").getAsString());
        Http.Res json = h.call("POST", "/oauth/token", "{\"grant_type\":\"client_credentials\"}");
        assertEquals(400, json.status());
        // The PKCE client has no secret and cannot use client credentials.
        assertEquals(401, h.tokenRequest(Map.of("grant_type", "client_credentials"), sb.pkceClientId(), "")
                .status());
    }

    @Test
    void apiAnswers401WithTheRealErrorBody() {
        Http anon = new Http(sb.baseUrl());
        Http.Res none = anon.get("/api/v2/organizations/me");
        assertEquals(401, none.status());
        assertEquals("authentication.required", none.code());
        assertEquals(none.header("ININ-Correlation-Id"), none.json().get("contextId").getAsString());
        assertEquals(401, none.json().get("status").getAsInt());

        Http bogus = new Http(sb.baseUrl(), "not-a-token");
        Http.Res bad = bogus.get("/api/v2/organizations/me");
        assertEquals(401, bad.status());
        assertEquals("bad.credentials", bad.code());
    }

    @Test
    void everyResponseCarriesACorrelationId() {
        Http.Res r = admin.get("/api/v2/organizations/me");
        assertEquals(200, r.status());
        assertNotNull(r.header("ININ-Correlation-Id"));
    }

    @Test
    void tokensExpire() {
        ManualClock time = new ManualClock();
        try (Sandbox shortLived = Sandbox.start(Fixtures.fast().agents(5).tokenTtlSeconds(1).build(), time)) {
            Http.Res t = new Http(shortLived.baseUrl()).tokenRequest(Map.of("grant_type", "client_credentials"),
                    shortLived.adminClientId(), shortLived.adminClientSecret().reveal());
            assertEquals(1, t.json().get("expires_in").getAsInt());
            Http h = new Http(shortLived.baseUrl(), t.json().get("access_token").getAsString());
            time.advance(Duration.ofMillis(999));
            assertEquals(200, h.get("/api/v2/organizations/me").status(), "valid until its last millisecond");
            time.advance(Duration.ofMillis(1));
            Http.Res expired = h.get("/api/v2/organizations/me");
            assertEquals(401, expired.status());
            assertEquals("credentials.expired", expired.code());
        }
    }

    @Test
    void tokenInfoHeadAndRevoke() {
        Http h = new Http(sb.baseUrl(), Http.clientToken(sb.baseUrl(), sb.adminClientId(),
                sb.adminClientSecret().reveal()));
        Http.Res info = h.get("/api/v2/tokens/me");
        assertEquals(200, info.status());
        JsonObject o = info.json();
        assertEquals(sb.adminClientId(), o.getAsJsonObject("OAuthClient").get("id").getAsString());
        assertEquals("CLIENT-CREDENTIALS", o.getAsJsonObject("OAuthClient").get("authorizedGrantType").getAsString());
        assertEquals(sb.orgId(), o.getAsJsonObject("organization").get("id").getAsString());
        assertEquals(200, h.head("/api/v2/tokens/me").status());
        assertEquals(ApiContract.STATUS_DELETED, h.delete("/api/v2/tokens/me").status());
        Http.Res after = h.get("/api/v2/tokens/me");
        assertEquals(401, after.status());
        assertEquals("bad.credentials", after.code());
        assertEquals(401, h.head("/api/v2/tokens/me").status());
    }

    @Test
    void usersMeNeedsAUserToken() {
        Http.Res r = admin.get("/api/v2/users/me");
        assertEquals(ApiContract.STATUS_USERS_ME_WITHOUT_USER, r.status());
        assertEquals(ApiContract.CODE_USERS_ME_WITHOUT_USER, r.code());
    }

    // ---- PKCE: the test plays the browser ----

    static String verifier() {
        byte[] b = new byte[48];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String challenge(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    static Map<String, String> query(String uri) {
        Map<String, String> m = new LinkedHashMap<>();
        String q = URI.create(uri).getRawQuery();
        for (String p : q.split("&")) {
            int i = p.indexOf('=');
            m.put(HandlerRequest.decode(p.substring(0, i)), HandlerRequest.decode(p.substring(i + 1)));
        }
        return m;
    }

    /** Opens the authorize page, submits its form like a browser and returns the redirect's query. */
    static Map<String, String> signIn(Sandbox sb, String clientId, String redirect, String challenge, String state) {
        Http browser = new Http(sb.baseUrl());
        String authorize = "/oauth/authorize?response_type=code&client_id=" + Http.enc(clientId) + "&redirect_uri="
                + Http.enc(redirect) + (challenge == null ? "" : "&code_challenge=" + Http.enc(challenge)
                + "&code_challenge_method=S256") + "&state=" + Http.enc(state);
        Http.Res page = browser.get(authorize);
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Sign in as sandbox admin"));
        // Collect the form's hidden inputs and post them back, as the browser would on the button click.
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">")
                .matcher(page.body());
        Map<String, String> form = new LinkedHashMap<>();
        while (m.find()) {
            form.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        assertTrue(page.body().contains("action=\"/oauth/authorize\""));
        Http.Res submit = browser.call("POST", "/oauth/authorize", Http.form(form),
                "application/x-www-form-urlencoded");
        assertEquals(302, submit.status(), submit.body());
        String location = submit.header("Location");
        assertTrue(location.startsWith(redirect), location);
        return query(location);
    }

    static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    @Test
    void pkceRoundTrip() throws Exception {
        String verifier = verifier();
        String redirect = "http://127.0.0.1:53682/callback";
        Map<String, String> back = signIn(sb, sb.pkceClientId(), redirect, challenge(verifier), "xyz-123");
        assertEquals("xyz-123", back.get("state"));
        String code = back.get("code");
        assertNotNull(code);

        Http h = new Http(sb.baseUrl());
        Map<String, String> exchange = Http.map("grant_type", "authorization_code", "code", code,
                "code_verifier", verifier, "client_id", sb.pkceClientId(), "redirect_uri", redirect);
        Http.Res token = h.tokenRequest(exchange, null, null);
        assertEquals(200, token.status(), token.body());
        assertEquals(ApiContract.TOKEN_TYPE, token.json().get("token_type").getAsString());

        Http user = new Http(sb.baseUrl(), token.json().get("access_token").getAsString());
        Http.Res me = user.get("/api/v2/users/me?expand=authorization");
        assertEquals(200, me.status(), me.body());
        assertEquals(sb.adminUserId(), me.json().get("id").getAsString());
        assertTrue(me.json().getAsJsonObject("authorization").getAsJsonArray("roles").toString()
                .contains("Master Admin"));
        Http.Res subject = user.get("/api/v2/authorization/subjects/me");
        assertEquals(sb.adminUserId(), subject.json().get("id").getAsString());
        assertEquals(sb.pkceClientId(), user.get("/api/v2/tokens/me").json().getAsJsonObject("OAuthClient")
                .get("id").getAsString());

        // The code is single-use.
        Http.Res again = h.tokenRequest(exchange, null, null);
        assertEquals(400, again.status());
        assertEquals("invalid_grant", again.json().get("error").getAsString());
    }

    @Test
    void pkceChecksVerifierAndRedirect() throws Exception {
        String verifier = verifier();
        String redirect = "http://localhost:40111/cb";
        Http h = new Http(sb.baseUrl());

        String code1 = signIn(sb, sb.pkceClientId(), redirect, challenge(verifier), "s").get("code");
        Http.Res wrongVerifier = h.tokenRequest(Http.map("grant_type", "authorization_code", "code", code1,
                "code_verifier", verifier(), "client_id", sb.pkceClientId(), "redirect_uri", redirect), null, null);
        assertEquals(400, wrongVerifier.status());
        assertEquals("invalid_grant", wrongVerifier.json().get("error").getAsString());

        String code2 = signIn(sb, sb.pkceClientId(), redirect, challenge(verifier), "s").get("code");
        Http.Res wrongRedirect = h.tokenRequest(Http.map("grant_type", "authorization_code", "code", code2,
                "code_verifier", verifier, "client_id", sb.pkceClientId(), "redirect_uri",
                "http://localhost:40112/cb"), null, null);
        assertEquals("invalid_grant", wrongRedirect.json().get("error").getAsString());

        // Non-loopback redirect, unknown client, missing challenge.
        Http browser = new Http(sb.baseUrl());
        assertEquals(400, browser.get("/oauth/authorize?response_type=code&client_id=" + sb.pkceClientId()
                + "&redirect_uri=" + Http.enc("https://evil.example.com/cb") + "&code_challenge=abc"
                + "&code_challenge_method=S256").status());
        assertEquals(400, browser.get("/oauth/authorize?response_type=code&client_id=nope&redirect_uri="
                + Http.enc(redirect)).status());
        Http.Res noChallenge = browser.get("/oauth/authorize?response_type=code&client_id=" + sb.pkceClientId()
                + "&redirect_uri=" + Http.enc(redirect) + "&state=q");
        assertEquals(302, noChallenge.status());
        assertTrue(noChallenge.header("Location").contains("error=invalid_request"));
    }

    @Test
    void approveLinkWorksLikeTheButton() throws Exception {
        String verifier = verifier();
        String redirect = "http://127.0.0.1:9/cb";
        Http.Res r = new Http(sb.baseUrl()).get("/oauth/authorize?response_type=code&client_id="
                + sb.pkceClientId() + "&redirect_uri=" + Http.enc(redirect) + "&code_challenge="
                + challenge(verifier) + "&code_challenge_method=S256&state=a&approve=1");
        assertEquals(302, r.status());
        String code = query(r.header("Location")).get("code");
        assertEquals(200, new Http(sb.baseUrl()).tokenRequest(Http.map("grant_type", "authorization_code",
                "code", code, "code_verifier", verifier, "client_id", sb.pkceClientId(), "redirect_uri", redirect),
                null, null).status());
    }

    @Test
    void confidentialCodeGrantWithRefresh() {
        String redirect = "https://emite.example.com/auth/callback";
        Http.Res created = admin.post("/api/v2/oauth/clients", "{\"name\":\"SSO test\",\"authorizedGrantType\":"
                + "\"CODE\",\"registeredRedirectUri\":[\"" + redirect + "\"],\"scope\":[\"users:readonly\"]}");
        assertEquals(200, created.status(), created.body());
        String id = created.json().get("id").getAsString();
        String secret = created.json().get("secret").getAsString();

        // Exact match only for a confidential client.
        assertEquals(400, new Http(sb.baseUrl()).get("/oauth/authorize?response_type=code&client_id=" + id
                + "&redirect_uri=" + Http.enc(redirect + "x")).status());
        String code = signIn(sb, id, redirect, null, "st").get("code");
        Http h = new Http(sb.baseUrl());
        Http.Res token = h.tokenRequest(Http.map("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect), id, secret);
        assertEquals(200, token.status(), token.body());
        String refresh = token.json().get("refresh_token").getAsString();
        Http user = new Http(sb.baseUrl(), token.json().get("access_token").getAsString());
        assertEquals(sb.adminUserId(), user.get("/api/v2/users/me").json().get("id").getAsString());
        assertEquals("[\"users:readonly\"]", user.get("/api/v2/tokens/me").json().get("authorizedScope").toString());

        Http.Res refreshed = h.tokenRequest(Http.map("grant_type", "refresh_token", "refresh_token", refresh),
                id, secret);
        assertEquals(200, refreshed.status(), refreshed.body());
        assertEquals(400, h.tokenRequest(Http.map("grant_type", "refresh_token", "refresh_token", "nope"), id,
                secret).status());
    }
}
