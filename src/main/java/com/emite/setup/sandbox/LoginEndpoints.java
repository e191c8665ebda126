package com.emite.setup.sandbox;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Code;
import com.emite.setup.sandbox.OrgRecords.Refresh;
import com.emite.setup.sandbox.OrgRecords.Token;
import com.google.gson.JsonObject;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The login service (reference §2): {@code POST /oauth/token} for client credentials, authorization code (confidential
 * with Basic auth, or PKCE with {@code code_verifier} and no Authorization header) and refresh token, and the
 * {@code /oauth/authorize} page with its "Sign in as sandbox admin" button.
 */
final class LoginEndpoints {
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");
    private final EndpointContext ctx;
    private final OrgState s;

    LoginEndpoints(EndpointContext ctx) {
        this.ctx = ctx;
        this.s = ctx.s;
    }

    void register(Router r) {
        r.login("POST", "/oauth/token", this::token);
        r.login("GET", "/oauth/authorize", this::authorizePage);
        r.login("POST", "/oauth/authorize", this::authorizeSubmit);
    }

    // ---- token ----

    private HandlerResponse token(HandlerRequest r) {
        String ct = r.headers.getFirst("Content-Type");
        if (ct == null || !ct.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw new OAuthError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = HandlerRequest.parseQuery(new String(r.body, StandardCharsets.UTF_8));
        String grantType = first(form, "grant_type");
        if (grantType == null) {
            throw new OAuthError(400, "invalid_request", "grant_type is required");
        }
        return switch (grantType) {
            case "client_credentials" -> clientCredentials(r);
            case "authorization_code" -> authorizationCode(r, form);
            case "refresh_token" -> refresh(r, form);
            default -> throw new OAuthError(400, "unsupported_grant_type", "Unsupported grant type: " + grantType);
        };
    }

    private HandlerResponse clientCredentials(HandlerRequest r) {
        Client c = basicClient(r);
        if (!c.grantType.equals("CLIENT-CREDENTIALS")) {
            throw new OAuthError(400, "unauthorized_client", "The client is not allowed to use this grant type");
        }
        return issue(c, null, List.of(), false);
    }

    private HandlerResponse authorizationCode(HandlerRequest r, Map<String, List<String>> form) {
        String codeValue = first(form, "code");
        String redirectUri = first(form, "redirect_uri");
        String verifier = first(form, "code_verifier");
        if (codeValue == null || redirectUri == null) {
            throw new OAuthError(400, "invalid_request", "code and redirect_uri are required");
        }
        Client c;
        if (r.headers.getFirst("Authorization") != null) {
            c = basicClient(r);
        } else {
            String clientId = first(form, "client_id");
            c = clientId == null ? null : client(clientId);
            if (c == null || !c.pkce) {
                throw new OAuthError(401, "invalid_client", "Client authentication failed");
            }
            if (!c.state.equals("active")) {
                throw new OAuthError(401, "invalid_client", "The client is not active");
            }
        }
        if (!usesCode(c)) {
            throw new OAuthError(400, "unauthorized_client", "The client is not allowed to use this grant type");
        }
        Code code = s.codes.remove(codeValue);
        if (code == null || s.now() >= code.expiresAt()) {
            throw new OAuthError(400, "invalid_grant", "The authorization code is invalid, expired or already used");
        }
        if (!code.clientId().equals(c.id)) {
            throw new OAuthError(400, "invalid_grant", "The authorization code was issued to another client");
        }
        if (!code.redirectUri().equals(redirectUri)) {
            throw new OAuthError(400, "invalid_grant", "redirect_uri does not match the authorization request");
        }
        if (code.challenge() != null) {
            if (verifier == null || !VERIFIER.matcher(verifier).matches()) {
                throw new OAuthError(400, "invalid_grant", "code_verifier is missing or malformed");
            }
            if (!code.challenge().equals(challenge(verifier))) {
                throw new OAuthError(400, "invalid_grant", "code_verifier does not match the code_challenge");
            }
        } else if (c.pkce) {
            throw new OAuthError(400, "invalid_grant", "A PKCE client must use a code_challenge");
        }
        return issue(c, code.userId(), c.scope, !c.pkce);
    }

    private HandlerResponse refresh(HandlerRequest r, Map<String, List<String>> form) {
        Client c = basicClient(r);
        String value = first(form, "refresh_token");
        Refresh ref = value == null ? null : s.refreshTokens.get(value);
        if (ref == null || !ref.clientId().equals(c.id)) {
            throw new OAuthError(400, "invalid_grant", "The refresh token is invalid");
        }
        HandlerResponse resp = issue(c, ref.userId(), ref.scopes(), false);
        return resp;
    }

    /**
     * A client that signs users in with an authorization code: grant type CODE, or a PKCE client's grant type
     * ({@link ApiContract#PKCE_GRANT_TYPE}, unconfirmed, §2.3).
     */
    private static boolean usesCode(Client c) {
        return c.grantType.equals(c.pkce ? ApiContract.PKCE_GRANT_TYPE : "CODE");
    }

    /** The client named by HTTP Basic auth, or 401 invalid_client. */
    private Client basicClient(HandlerRequest r) {
        String auth = r.headers.getFirst("Authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new OAuthError(401, "invalid_client", "Client authentication is required (HTTP Basic)");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OAuthError(401, "invalid_client", "Malformed Basic credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw new OAuthError(401, "invalid_client", "Malformed Basic credentials");
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        Client c = client(id);
        if (c == null || c.secret == null || !MessageDigest.isEqual(c.secret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            throw new OAuthError(401, "invalid_client", "Client authentication failed");
        }
        if (!c.state.equals("active")) {
            throw new OAuthError(401, "invalid_client", "The client is not active");
        }
        return c;
    }

    /** A consistent copy of the client, or null. */
    private Client client(String id) {
        return s.read(() -> {
            Client c = s.clients.get(id);
            return c == null ? null : c.copy();
        });
    }

    private HandlerResponse issue(Client c, String userId, List<String> scopes, boolean withRefresh) {
        long now = s.now();
        long ttl = Math.min(c.validitySeconds, ctx.s.config.tokenTtlSeconds());
        Token t = new Token(s.newSecret(48), c.id, userId, now, now + ttl * 1000, List.copyOf(scopes));
        s.tokens.put(t.value(), t);
        JsonObject o = new JsonObject();
        o.addProperty("access_token", t.value());
        o.addProperty("token_type", ApiContract.TOKEN_TYPE);
        o.addProperty("expires_in", ttl);
        if (withRefresh) {
            Refresh ref = new Refresh(s.newSecret(48), c.id, userId, List.copyOf(scopes));
            s.refreshTokens.put(ref.value(), ref);
            o.addProperty("refresh_token", ref.value());
        }
        return HandlerResponse.ok(o);
    }

    static String challenge(String verifier) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- authorize ----

    private record AuthRequest(Client client, String redirectUri, String challenge, String state) {
    }

    /** Validates an authorize request; problems before a trusted redirect URI is known are an HTML 400 page. */
    private AuthRequest parseAuthorize(Map<String, List<String>> p) {
        String clientId = first(p, "client_id");
        String redirectUri = first(p, "redirect_uri");
        Client c = clientId == null ? null : client(clientId);
        if (c == null || !c.state.equals("active") || !usesCode(c)) {
            throw new PageError("Unknown or inactive client_id, or the client does not use the code grant.");
        }
        if (redirectUri == null || !redirectAllowed(c, redirectUri)) {
            throw new PageError("redirect_uri is not registered for this client.");
        }
        String responseType = first(p, "response_type");
        String challenge = first(p, "code_challenge");
        String method = first(p, "code_challenge_method");
        String state = first(p, "state");
        if (!"code".equals(responseType)) {
            throw new RedirectError(redirectUri, "unsupported_response_type", state);
        }
        if (challenge != null && !"S256".equals(method)) {
            throw new RedirectError(redirectUri, "invalid_request", state);
        }
        if (c.pkce && challenge == null) {
            throw new RedirectError(redirectUri, "invalid_request", state);
        }
        return new AuthRequest(c, redirectUri, challenge, state);
    }

    /**
     * Registered URIs match exactly. With {@link ApiContract#LOOPBACK_REDIRECT_ANY_PORT} the sandbox's PKCE client
     * also takes any loopback http URI on any port (a leniency: the real login service is expected to match exactly,
     * reference §2.3; our client does not rely on it).
     */
    static boolean redirectAllowed(Client c, String uri) {
        if (c.redirectUris.contains(uri)) {
            return true;
        }
        if (!c.pkce || !ApiContract.LOOPBACK_REDIRECT_ANY_PORT) {
            return false;
        }
        try {
            URI u = new URI(uri);
            return "http".equals(u.getScheme()) && u.getFragment() == null
                    && ("127.0.0.1".equals(u.getHost()) || "localhost".equals(u.getHost()) || "[::1]".equals(u.getHost()));
        } catch (Exception e) {
            return false;
        }
    }

    private HandlerResponse authorizePage(HandlerRequest r) {
        try {
            AuthRequest a = parseAuthorize(r.query);
            if ("1".equals(r.q("approve"))) {
                return approve(a);
            }
            return HandlerResponse.html(200, page(r, a));
        } catch (PageError e) {
            return HandlerResponse.html(400, errorPage(e.getMessage()));
        } catch (RedirectError e) {
            return e.response();
        }
    }

    private HandlerResponse authorizeSubmit(HandlerRequest r) {
        Map<String, List<String>> form = HandlerRequest.parseQuery(new String(r.body, StandardCharsets.UTF_8));
        try {
            AuthRequest a = parseAuthorize(form);
            return approve(a);
        } catch (PageError e) {
            return HandlerResponse.html(400, errorPage(e.getMessage()));
        } catch (RedirectError e) {
            return e.response();
        }
    }

    private HandlerResponse approve(AuthRequest a) {
        Code code = new Code(s.newSecret(24), a.client.id, a.redirectUri, a.challenge, s.adminUserId,
                s.now() + ApiContract.AUTH_CODE_TTL_SECONDS * 1000L);
        s.codes.put(code.code(), code);
        StringBuilder loc = new StringBuilder(a.redirectUri).append(a.redirectUri.contains("?") ? '&' : '?')
                .append("code=").append(Listing.enc(code.code()));
        if (a.state != null) {
            loc.append("&state=").append(Listing.enc(a.state));
        }
        return HandlerResponse.redirect(loc.toString());
    }

    private String page(HandlerRequest r, AuthRequest a) {
        StringBuilder hidden = new StringBuilder();
        StringBuilder approveQuery = new StringBuilder();
        for (Map.Entry<String, List<String>> e : r.query.entrySet()) {
            for (String v : e.getValue()) {
                hidden.append("<input type=\"hidden\" name=\"").append(esc(e.getKey())).append("\" value=\"")
                        .append(esc(v)).append("\">\n");
                approveQuery.append(approveQuery.length() == 0 ? "" : "&").append(Listing.enc(e.getKey())).append('=')
                        .append(Listing.enc(v));
            }
        }
        String org = s.read(() -> s.orgName + " (" + s.shortName + ")");
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Genesys Cloud sandbox: sign in</title>"
                + "<style>body{font-family:sans-serif;max-width:32em;margin:3em auto}button{font-size:1.1em;padding:.5em 1em}</style>"
                + "</head><body>\n<h1>Genesys Cloud sandbox</h1>\n<p>Organization: " + esc(org) + "</p>\n"
                + "<p><b>" + esc(a.client.name) + "</b> asks to sign you in.</p>\n"
                + "<form id=\"signin\" method=\"post\" action=\"/oauth/authorize\">\n" + hidden
                + "<button type=\"submit\" id=\"approve\">Sign in as sandbox admin</button>\n</form>\n"
                + "<p><a id=\"approve-link\" href=\"/oauth/authorize?" + esc(approveQuery + "&approve=1")
                + "\">Sign in as sandbox admin</a> (same, as a link)</p>\n</body></html>\n";
    }

    private static String errorPage(String message) {
        return "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sign-in error</title></head>"
                + "<body><h1>Sign-in error</h1><p>" + esc(message) + "</p></body></html>\n";
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String first(Map<String, List<String>> m, String k) {
        List<String> v = m.get(k);
        return v == null || v.isEmpty() || v.get(0).isEmpty() ? null : v.get(0);
    }

    private static final class PageError extends RuntimeException {
        PageError(String m) {
            super(m, null, false, false);
        }
    }

    private static final class RedirectError extends RuntimeException {
        final String redirectUri;
        final String error;
        final String state;

        RedirectError(String redirectUri, String error, String state) {
            super(error, null, false, false);
            this.redirectUri = redirectUri;
            this.error = error;
            this.state = state;
        }

        HandlerResponse response() {
            String loc = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "error=" + error
                    + (state == null ? "" : "&state=" + Listing.enc(state));
            return HandlerResponse.redirect(loc);
        }
    }
}
