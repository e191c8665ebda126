package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.google.gson.annotations.SerializedName;
import okhttp3.FormBody;
import okhttp3.HttpUrl;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in (§2) and the token: client credentials, a pasted token, the browser code exchange, renewal after a 401 or
 * near expiry, sign-out. It is the {@link Transport}'s source of bearer tokens. The client-credentials id and secret
 * stay in memory only while signed in that way, to renew the token.
 */
final class Authenticator implements Transport.Tokens {
    private final HttpUrl loginBase;
    private final ApiRequests requests;
    private final CallStats stats;
    private final Object lock = new Object();
    private volatile AccessToken token;
    private volatile String clientCredentialsId;
    private volatile Secret clientCredentialsSecret;

    Authenticator(HttpUrl loginBase, ApiRequests requests, CallStats stats) {
        this.loginBase = loginBase;
        this.requests = requests;
        this.stats = stats;
    }

    /**
     * Client credentials (§2.1): {@code POST /oauth/token} with Basic auth. The id and secret stay in memory so the
     * client can renew the token on a 401 or near expiry. 1 call.
     *
     * @throws SignInException when Genesys refuses the id/secret
     */
    AccessToken signInWithClientCredentials(String clientId, Secret clientSecret) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        AccessToken t = requestClientCredentialsToken(clientId, clientSecret);
        synchronized (lock) {
            clientCredentialsId = clientId;
            clientCredentialsSecret = clientSecret;
            token = t;
        }
        Transport.LOG.info(() -> "Signed in with client credentials (client " + clientId + ")");
        return t;
    }

    /**
     * A pasted token: checked with {@code HEAD /api/v2/tokens/me} (1 call) and kept only if valid.
     *
     * @throws NotSignedInException when Genesys does not accept the token
     */
    AccessToken signInWithToken(Secret accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        AccessToken t = new AccessToken(accessToken, SignInMethod.PASTED_TOKEN, Instant.now(), null);
        AccessToken previous;
        synchronized (lock) {
            previous = token;
            forgetClientCredentials();
            token = t;
        }
        try {
            requests.send("HEAD", requests.api("tokens", "me"), true, "check the pasted token");
        } catch (GenesysApiException e) {
            synchronized (lock) {
                if (token == t) {
                    token = previous;
                }
            }
            throw e;
        }
        Transport.LOG.info("Signed in with a pasted token");
        return t;
    }

    /** Exchanges an authorization code with its PKCE verifier (§2.3: no Authorization header). */
    AccessToken exchangePkceCode(String clientId, Secret code, Secret verifier, String redirectUri) {
        FormBody form = new FormBody.Builder()
                .add("grant_type", "authorization_code")
                .add("code", code.reveal())
                .add("code_verifier", verifier.reveal())
                .add("client_id", clientId)
                .add("redirect_uri", redirectUri)
                .build();
        AccessToken t = tokenRequest(form, null, SignInMethod.BROWSER_PKCE, "authorization_code");
        synchronized (lock) {
            forgetClientCredentials();
            token = t;
        }
        Transport.LOG.info(() -> "Signed in through the browser (client " + clientId + ")");
        return t;
    }

    /** The sign-in address of the browser flow (§2.3). */
    HttpUrl authorizeUrl(String clientId, String redirectUri, String challenge, String state) {
        return loginBase.newBuilder().addPathSegments("oauth/authorize")
                .addQueryParameter("response_type", "code")
                .addQueryParameter("client_id", clientId)
                .addQueryParameter("redirect_uri", redirectUri)
                .addQueryParameter("code_challenge", challenge)
                .addQueryParameter("code_challenge_method", "S256")
                .addQueryParameter("state", state)
                .build();
    }

    private AccessToken requestClientCredentialsToken(String clientId, Secret secret) {
        String pair = clientId + ":" + secret.reveal();
        Secret basic = Secret.of(Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        FormBody form = new FormBody.Builder().add("grant_type", "client_credentials").build();
        return tokenRequest(form, basic, SignInMethod.CLIENT_CREDENTIALS, "client_credentials");
    }

    private AccessToken tokenRequest(FormBody form, Secret basic, SignInMethod method, String grant) {
        HttpUrl url = loginBase.newBuilder().addPathSegments("oauth/token").build();
        Transport.Req req = new Transport.Req("POST", url, null, form, false, Transport.Repeat.SAFE, grant, true,
                basic);
        TokenResponse r = requests.transport.call(req, TokenResponse.class);
        if (r.accessToken == null || r.accessToken.isEmpty()) {
            throw requests.transport.errors.malformed(200, "", "application/json", null, "sign in", null);
        }
        Instant now = Instant.now();
        Instant expires = r.expiresIn == null ? null : now.plusSeconds(r.expiresIn);
        return new AccessToken(r.accessToken, method, now, expires);
    }

    /** The OAuth token response (§2.1); secrets as {@link Secret}. */
    private static final class TokenResponse {
        @SerializedName("access_token")
        Secret accessToken;
        @SerializedName("token_type")
        String tokenType;
        @SerializedName("expires_in")
        Long expiresIn;
        @SerializedName("refresh_token")
        Secret refreshToken;
    }

    boolean isSignedIn() {
        return token != null;
    }

    /** How the client is signed in, or empty. */
    Optional<SignInMethod> signInMethod() {
        AccessToken t = token;
        return t == null ? Optional.empty() : Optional.of(t.method());
    }

    /** The id of the OAuth client signed in with client credentials, or empty (other sign-ins, signed out). */
    Optional<String> clientCredentialsId() {
        return Optional.ofNullable(clientCredentialsId);
    }

    /**
     * Logout (§2.5): {@code DELETE /api/v2/tokens/me} revokes the token (1 call); the client forgets the token and
     * any client secret whatever the answer. Not signed in: no call.
     */
    void logout() {
        if (token == null) {
            return;
        }
        try {
            requests.send("DELETE", requests.api("tokens", "me"), false, "sign out");
        } catch (NotSignedInException e) {
            // already invalid: nothing to revoke
        } finally {
            synchronized (lock) {
                token = null;
                forgetClientCredentials();
            }
        }
        Transport.LOG.info("Signed out");
    }

    private void forgetClientCredentials() {
        clientCredentialsId = null;
        clientCredentialsSecret = null;
    }

    /** The token to send, renewed first when a client-credentials token is near expiry. */
    @Override
    public AccessToken current() {
        AccessToken t = token;
        if (t == null) {
            throw new NotSignedInException(0, null, null, "Not signed in",
                    "You are not signed in to Genesys Cloud. Sign in first.", null, null);
        }
        if (t.method() == SignInMethod.CLIENT_CREDENTIALS && t.dueForRenewal(Instant.now())) {
            renew(t);
            t = token;
            if (t == null) {
                return current();
            }
        }
        return t;
    }

    /** After a 401 (or near expiry): renew a client-credentials token once; others cannot renew. */
    @Override
    public boolean renew(AccessToken stale) {
        synchronized (lock) {
            AccessToken now = token;
            if (now != null && now != stale) {
                return true; // another thread renewed already
            }
            if (clientCredentialsSecret == null || stale == null
                    || stale.method() != SignInMethod.CLIENT_CREDENTIALS) {
                return false;
            }
            token = requestClientCredentialsToken(clientCredentialsId, clientCredentialsSecret);
            stats.reauthenticated();
            return true;
        }
    }

    /** For {@code toString}: how the client is signed in, without anything secret. */
    String describe() {
        AccessToken t = token;
        return t == null ? "not signed in" : "signed in: " + t.method().name().toLowerCase(java.util.Locale.ROOT);
    }
}
