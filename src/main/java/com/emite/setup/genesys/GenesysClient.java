package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.CreateIntegrationRequest;
import com.emite.setup.genesys.model.DivisionsPermitted;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionCollection;
import com.emite.setup.genesys.model.EntityListing;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupMembersUpdate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntegrationType;
import com.emite.setup.genesys.model.IntendedState;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.OAuthScope;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleDivisionGrants;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SearchResponse;
import com.emite.setup.genesys.model.SubjectDivisionGrants;
import com.emite.setup.genesys.model.SubjectDivisions;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

import java.lang.reflect.Type;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Genesys Cloud Platform API client: sign-in, one typed method per endpoint the eMite setup needs, lazy paging,
 * rate limiting, retries and typed errors ({@link GenesysApiException} and subclasses). Thread-safe; one instance per
 * org connection. No JavaFX: call it from a background thread.
 *
 * <p>Paths, field names and enums follow {@code shared/reference/genesys-cloud-api.md} (§ numbers in the docs below).
 * Every inferred behaviour comes from {@link ApiContract}.
 *
 * <p>Creates ({@code createGroup}, {@code createRole}, {@code createOAuthClient}, {@code createIntegration}) are never
 * repeated blindly: when the outcome is unknown they throw {@link OutcomeUnknownException}; look with the matching
 * {@code find…} method before trying again.
 */
public final class GenesysClient {
    private static final Type ORG = Organization.class;

    private final HttpUrl apiBase;
    private final HttpUrl loginBase;
    private final Transport transport;
    private final CallStats stats;
    private final Object authLock = new Object();
    private volatile AccessToken token;
    private volatile String clientCredentialsId;
    private volatile Secret clientCredentialsSecret;

    private GenesysClient(Builder b) {
        this.apiBase = b.apiBase;
        this.loginBase = b.loginBase;
        this.stats = new CallStats();
        OkHttpClient http = (b.okHttp == null ? new OkHttpClient() : b.okHttp).newBuilder()
                .retryOnConnectionFailure(false) // retries are ours: a POST that creates must never be resent
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(b.connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(b.readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .build();
        RateLimiter limiter = b.limiter != null ? b.limiter : RateLimiter.standard(b.time);
        this.transport = new Transport(http, limiter, stats, b.retry, b.time);
        this.transport.tokens = new Transport.Tokens() {
            @Override
            public AccessToken current() {
                return currentToken();
            }

            @Override
            public boolean renew(AccessToken stale) {
                return renewToken(stale);
            }
        };
    }

    // =====================================================================================================
    // Construction
    // =====================================================================================================

    /**
     * A builder for the given API base (e.g. {@code https://api.mypurecloud.de}) and login base (e.g.
     * {@code https://login.mypurecloud.de}). Real hosts must be https; http is allowed only for loopback.
     *
     * @throws IllegalArgumentException with a plain message when an address is not allowed
     */
    public static Builder builder(String apiBase, String loginBase) {
        return new Builder(checkedBase(apiBase, "API"), checkedBase(loginBase, "sign-in"));
    }

    /** A client with default settings for the two bases. */
    public static GenesysClient create(String apiBase, String loginBase) {
        return builder(apiBase, loginBase).build();
    }

    /** A client whose API and sign-in live at one base address (the sandbox, {@code http://127.0.0.1:port}). */
    public static GenesysClient forSingleBase(String base) {
        return builder(base, base).build();
    }

    /** Options of a client. */
    public static final class Builder {
        private final HttpUrl apiBase;
        private final HttpUrl loginBase;
        private OkHttpClient okHttp;
        private RateLimiter limiter;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private TimeSource time = TimeSource.SYSTEM;
        private Duration connectTimeout = Duration.ofSeconds(15);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Integer perMinute;
        private boolean unlimited;

        private Builder(HttpUrl apiBase, HttpUrl loginBase) {
            this.apiBase = apiBase;
            this.loginBase = loginBase;
        }

        /** Requests per minute of the client-side limiter (default {@link ApiContract#RATE_LIMIT_PER_MINUTE}). */
        public Builder rateLimitPerMinute(int perMinute) {
            this.perMinute = perMinute;
            this.unlimited = false;
            return this;
        }

        /** No client-side limit (a 429 still pauses the client for its Retry-After). */
        public Builder unlimitedRate() {
            this.unlimited = true;
            return this;
        }

        public Builder rateLimiter(RateLimiter limiter) {
            this.limiter = limiter;
            return this;
        }

        public Builder retryPolicy(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /** A clock/sleeper (tests). */
        public Builder timeSource(TimeSource time) {
            this.time = Objects.requireNonNull(time);
            return this;
        }

        /** A base OkHttpClient (proxy, TLS settings); the client adjusts retries, redirects and timeouts. */
        public Builder okHttpClient(OkHttpClient okHttp) {
            this.okHttp = okHttp;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
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
    }

    /** Parses a base address and enforces "https, or http on loopback only". */
    static HttpUrl checkedBase(String base, String what) {
        Objects.requireNonNull(base, what + " address");
        String trimmed = base.trim();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new IllegalArgumentException("The " + what + " address \"" + trimmed
                    + "\" is not a web address (expected e.g. https://api.mypurecloud.com).");
        }
        if (url.scheme().equals("http") && !isLoopback(url.host())) {
            throw new IllegalArgumentException("The " + what + " address must start with https:// — plain http:// "
                    + "is allowed only for this computer (127.0.0.1, ::1 or localhost), not for " + url.host() + ".");
        }
        return url.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }

    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (host.matches("\\d{1,3}(\\.\\d{1,3}){3}") || host.contains(":")) {
            try {
                return InetAddress.getByName(host).isLoopbackAddress(); // a literal: no DNS lookup
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }

    public HttpUrl apiBase() {
        return apiBase;
    }

    public HttpUrl loginBase() {
        return loginBase;
    }

    /** Counters of calls, retries and waits; readable at any time. */
    /**
     * Tells {@code listener} before every wait of this client (rate limiter, Retry-After, back-off); null stops it.
     */
    public void onWait(WaitListener listener) {
        WaitListener l = listener == null ? WaitListener.NONE : listener;
        transport.waits = l;
        transport.limiter.waits = l;
    }

    public CallStats stats() {
        return stats;
    }

    // =====================================================================================================
    // Sign-in (§2)
    // =====================================================================================================

    /**
     * Client credentials (§2.1): {@code POST /oauth/token} with Basic auth. The id and secret stay in memory so the
     * client can renew the token on a 401 or near expiry. 1 call.
     *
     * @throws SignInException when Genesys refuses the id/secret
     */
    public AccessToken signInWithClientCredentials(String clientId, Secret clientSecret) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        AccessToken t = requestClientCredentialsToken(clientId, clientSecret);
        synchronized (authLock) {
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
    public AccessToken signInWithToken(Secret accessToken) {
        Objects.requireNonNull(accessToken, "accessToken");
        AccessToken t = new AccessToken(accessToken, SignInMethod.PASTED_TOKEN, Instant.now(), null);
        AccessToken previous;
        synchronized (authLock) {
            previous = token;
            forgetClientCredentials();
            token = t;
        }
        try {
            transport.send(Transport.Req.api("HEAD", api("tokens", "me").build(), null, true,
                    Transport.Repeat.SAFE, "check the pasted token"));
        } catch (GenesysApiException e) {
            synchronized (authLock) {
                if (token == t) {
                    token = previous;
                }
            }
            throw e;
        }
        Transport.LOG.info("Signed in with a pasted token");
        return t;
    }

    /**
     * Starts a browser sign-in (Authorization Code with PKCE, §2.3): opens a one-shot listener on 127.0.0.1 and the
     * browser at {@code /oauth/authorize}. Call {@link BrowserSignIn#await()} on a background thread; {@link
     * BrowserSignIn#cancel()} from anywhere. The client is signed in when {@code await} returns.
     */
    public BrowserSignIn startBrowserSignIn(BrowserSignIn.Options options, BrowserOpener opener) {
        return BrowserSignIn.start(this, options, opener);
    }

    /** Browser sign-in in one blocking call: start, wait for the browser, exchange the code. 1 token call. */
    public AccessToken signInWithBrowser(BrowserSignIn.Options options, BrowserOpener opener) {
        try (BrowserSignIn s = startBrowserSignIn(options, opener)) {
            return s.await();
        }
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
        synchronized (authLock) {
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
        TokenResponse r = transport.call(req, TokenResponse.class);
        if (r.accessToken == null || r.accessToken.isEmpty()) {
            throw transport.errors.malformed(200, "", "application/json", null, "sign in", null);
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

    public boolean isSignedIn() {
        return token != null;
    }

    /** How the client is signed in, or empty. */
    public Optional<SignInMethod> signInMethod() {
        AccessToken t = token;
        return t == null ? Optional.empty() : Optional.of(t.method());
    }

    /** The id of the OAuth client signed in with client credentials, or empty (other sign-ins, signed out). */
    public Optional<String> clientCredentialsId() {
        return Optional.ofNullable(clientCredentialsId);
    }

    /** When the current token expires, if known. */
    public Optional<Instant> tokenExpiresAt() {
        AccessToken t = token;
        return t == null ? Optional.empty() : Optional.ofNullable(t.expiresAt());
    }

    /**
     * Logout (§2.5): {@code DELETE /api/v2/tokens/me} revokes the token (1 call); the client forgets the token and
     * any client secret whatever the answer. Not signed in: no call.
     */
    public void logout() {
        if (token == null) {
            return;
        }
        try {
            transport.send(Transport.Req.api("DELETE", api("tokens", "me").build(), null, false,
                    Transport.Repeat.SAFE, "sign out"));
        } catch (NotSignedInException e) {
            // already invalid: nothing to revoke
        } finally {
            synchronized (authLock) {
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

    private AccessToken currentToken() {
        AccessToken t = token;
        if (t == null) {
            throw new NotSignedInException(0, null, null, "Not signed in",
                    "You are not signed in to Genesys Cloud. Sign in first.", null, null);
        }
        if (t.method() == SignInMethod.CLIENT_CREDENTIALS && t.dueForRenewal(Instant.now())) {
            renewToken(t);
            t = token;
            if (t == null) {
                return currentToken();
            }
        }
        return t;
    }

    /** After a 401 (or near expiry): renew a client-credentials token once; others cannot renew. */
    private boolean renewToken(AccessToken stale) {
        synchronized (authLock) {
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

    // =====================================================================================================
    // Organization and token (§4, §2.5)
    // =====================================================================================================

    /** {@code GET /api/v2/organizations/me}; {@code thirdPartyOrgName} is the short name. 1 call. */
    public Organization getOrganization() {
        return get(api("organizations", "me"), ORG, "read the organization");
    }

    /** {@code GET /api/v2/tokens/me}. 1 call. */
    public TokenInfo getTokenInfo() {
        return get(api("tokens", "me"), TokenInfo.class, "read the token details");
    }

    /** {@code HEAD /api/v2/tokens/me}: true if the token is valid, false on 401. 1 call. */
    public boolean isTokenValid() {
        try {
            transport.send(Transport.Req.api("HEAD", api("tokens", "me").build(), null, true,
                    Transport.Repeat.SAFE, "check the token"));
            return true;
        } catch (NotSignedInException e) {
            return false;
        }
    }

    // =====================================================================================================
    // Users (§5)
    // =====================================================================================================

    /**
     * {@code GET /api/v2/users}, all pages of 100. {@code state} is {@code active|inactive|deleted|any} (null:
     * server default active); {@code expand} values such as {@code authorization}. ⌈n/100⌉ calls, lazily.
     */
    public Stream<User> listUsers(String state, List<String> expand) {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            HttpUrl.Builder u = api("users");
            if (state != null) {
                u.addQueryParameter("state", state);
            }
            addAll(u, "expand", expand);
            return getPage(u, n, size, User.class, "list users");
        });
    }

    /**
     * {@code GET /api/v2/users?id=…} in batches of {@link ApiContract#MAX_IDS_PER_USERS_CALL} ids (1 call per batch).
     * Unknown ids are left out.
     */
    public Stream<User> getUsersByIds(Collection<String> ids, List<String> expand) {
        List<List<String>> batches = chunks(new ArrayList<>(new LinkedHashSet<>(ids)),
                ApiContract.MAX_IDS_PER_USERS_CALL);
        return batches.stream().flatMap(batch -> Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            HttpUrl.Builder u = api("users");
            addAll(u, "id", batch);
            addAll(u, "expand", expand);
            return getPage(u, n, size, User.class, "read users by id");
        }));
    }

    /** {@code GET /api/v2/users/me?expand=…}: who is signed in (user tokens only). 1 call. */
    public User getMe(String... expand) {
        HttpUrl.Builder u = api("users", "me");
        addAll(u, "expand", List.of(expand));
        return get(u, User.class, "read the signed-in user");
    }

    /** {@code GET /api/v2/users/{id}}. 1 call. @throws NotFoundException if unknown */
    public User getUser(String userId, String... expand) {
        HttpUrl.Builder u = api("users", userId);
        addAll(u, "expand", List.of(expand));
        return get(u, User.class, "read the user " + userId);
    }

    /** {@code POST /api/v2/users/search} then GET of {@code nextPage} links, 100 per page, lazily. */
    public Stream<User> searchUsers(SearchRequest request) {
        return search("users", request, User.class, "search users");
    }

    /**
     * Users whose e-mail is exactly {@code email} (search EXACT on {@link ApiContract#USER_SEARCH_EMAIL_FIELD}, then
     * compared again here, ignoring case). Search is eventually consistent (§3.3). 1 call in the common case.
     */
    public List<User> findUsersByEmail(String email) {
        String wanted = email.trim();
        return searchUsers(SearchRequest.of(SearchCriterion.exact(ApiContract.USER_SEARCH_EMAIL_FIELD, wanted)))
                .filter(u -> u.email() != null && u.email().equalsIgnoreCase(wanted))
                .collect(Collectors.toList());
    }

    /** The first of {@link #findUsersByEmail}. */
    public Optional<User> findUserByEmail(String email) {
        return findUsersByEmail(email).stream().findFirst();
    }

    // =====================================================================================================
    // Groups (§6)
    // =====================================================================================================

    /** {@code GET /api/v2/groups/{id}}. 1 call. */
    public Group getGroup(String groupId) {
        return get(api("groups", groupId), Group.class, "read the group " + groupId);
    }

    /** {@code GET /api/v2/groups}, all pages of 100, lazily. Strongly consistent (unlike search). */
    public Stream<Group> listGroups() {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE,
                (n, size) -> getPage(api("groups"), n, size, Group.class, "list groups"));
    }

    /** {@code POST /api/v2/groups/search} then {@code nextPage} links, lazily. */
    public Stream<Group> searchGroups(SearchRequest request) {
        return search("groups", request, Group.class, "search groups");
    }

    /**
     * Groups named exactly {@code name} via search (EXACT, compared again here). 1 call. Search lags behind creates
     * by seconds (§3.3): to check whether a create landed, use {@link #findGroupsByNameInListing}.
     */
    public List<Group> findGroupsByName(String name) {
        return searchGroups(SearchRequest.of(SearchCriterion.exact("name", name)))
                .filter(g -> name.equals(g.name())).collect(Collectors.toList());
    }

    /** Groups named exactly {@code name} by paging {@code GET /api/v2/groups}: consistent, ⌈groups/100⌉ calls. */
    public List<Group> findGroupsByNameInListing(String name) {
        return listGroups().filter(g -> name.equals(g.name())).collect(Collectors.toList());
    }

    /**
     * {@code POST /api/v2/groups}. 1 call. The API ignores {@code description} on create (§6): set it afterwards
     * with {@link #updateGroup}.
     *
     * @throws OutcomeUnknownException when it may or may not have been created: look with
     *                                 {@link #findGroupsByNameInListing} first
     */
    public Group createGroup(GroupCreate group) {
        return write("POST", api("groups"), group, Transport.Repeat.CREATE, Group.class,
                "create the group '" + group.name() + "'");
    }

    /** {@code PUT /api/v2/groups/{id}} with the current {@code version}. 1 call. @throws ConflictException if stale */
    public Group updateGroup(String groupId, GroupUpdate update) {
        return write("PUT", api("groups", groupId), update, Transport.Repeat.SAFE, Group.class,
                "update the group " + groupId);
    }

    /**
     * Re-reads the group and applies {@code change} to a {@link GroupUpdate} at its current version (name,
     * description, visibility, rulesVisible and owners as they are), retrying on a version conflict (up to
     * {@link RetryPolicy#maxVersionRetries()}). 2 calls in the common case.
     */
    public Group updateGroup(String groupId, UnaryOperator<GroupUpdate> change) {
        return withVersionRetry("update the group " + groupId, () -> {
            Group g = getGroup(groupId);
            GroupUpdate base = new GroupUpdate(g.version(), g.name(), g.description(), null, g.visibility(),
                    g.rulesVisible(), ownerIds(g));
            return updateGroup(groupId, change.apply(base).withVersion(g.version()));
        });
    }

    /** The ids of a group's owners, for a PUT that keeps them (§6; whether PUT clears omitted fields is [INF]). */
    static List<String> ownerIds(Group g) {
        return g.owners() == null ? List.of() : g.owners().stream().map(User::id).filter(Objects::nonNull).toList();
    }

    /**
     * One {@code POST /api/v2/groups/{id}/members} with the given version and at most
     * {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL} ids. 1 call. @throws ConflictException on a stale version
     */
    public void addGroupMembers(String groupId, int version, Collection<String> memberIds) {
        if (memberIds.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw new IllegalArgumentException("At most " + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " ids per call");
        }
        write("POST", api("groups", groupId, "members"), new GroupMembersUpdate(List.copyOf(memberIds), version),
                Transport.Repeat.SAFE, null, "add members to the group " + groupId);
    }

    /**
     * Adds any number of members: batches of {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL}, each after a fresh GET
     * of the group's version, retrying a batch on a version conflict. 2 calls per batch in the common case.
     */
    public void addGroupMembers(String groupId, Collection<String> memberIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        for (List<String> batch : chunks(ids, ApiContract.MAX_GROUP_MEMBERS_PER_CALL)) {
            withVersionRetry("add members to the group " + groupId, () -> {
                Group g = getGroup(groupId);
                addGroupMembers(groupId, g.version() == null ? 1 : g.version(), batch);
                return null;
            });
        }
    }

    /**
     * {@code GET /api/v2/groups/{id}/individuals}: individually added members. The operation takes no query
     * parameters, not even paging ones [SDK GroupsApi.getGroupIndividuals]: the first answer is read, and a
     * {@code nextUri}, should the API give one, is followed as given.
     */
    public Stream<User> listGroupIndividuals(String groupId) {
        return followingNextUri(api("groups", groupId, "individuals"), User.class,
                "list the members of the group " + groupId);
    }

    /**
     * {@code DELETE /api/v2/groups/{id}/members?ids=a,b} with at most {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL}
     * ids (reference §6). 1 call.
     */
    public void removeGroupMembers(String groupId, Collection<String> memberIds) {
        if (memberIds.isEmpty() || memberIds.size() > ApiContract.MAX_GROUP_MEMBERS_PER_CALL) {
            throw new IllegalArgumentException("1 to " + ApiContract.MAX_GROUP_MEMBERS_PER_CALL + " ids per call");
        }
        HttpUrl.Builder u = api("groups", groupId, "members");
        u.addQueryParameter("ids", String.join(",", memberIds));
        write("DELETE", u, null, Transport.Repeat.SAFE, null, "remove members from the group " + groupId);
    }

    /** {@code DELETE /api/v2/groups/{id}} (asynchronous in Genesys). 1 call. */
    public void deleteGroup(String groupId) {
        write("DELETE", api("groups", groupId), null, Transport.Repeat.SAFE, null, "delete the group " + groupId);
    }

    // =====================================================================================================
    // Roles and permission catalog (§8)
    // =====================================================================================================

    /** {@code GET /api/v2/authorization/roles?userCount=false}, all pages, lazily. */
    public Stream<DomainOrganizationRole> listRoles() {
        return listRoles(null);
    }

    private Stream<DomainOrganizationRole> listRoles(String name) {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            HttpUrl.Builder u = api("authorization", "roles").addQueryParameter("userCount", "false");
            if (name != null) {
                u.addQueryParameter("name", name);
            }
            return getPage(u, n, size, DomainOrganizationRole.class, "list roles");
        });
    }

    /** Roles named exactly {@code name} ({@code ?name=…&userCount=false}, compared again here). 1 call. */
    public List<DomainOrganizationRole> findRolesByName(String name) {
        return listRoles(name).filter(r -> name.equals(r.name())).collect(Collectors.toList());
    }

    /** {@code GET /api/v2/authorization/roles/{id}?userCount=false}. 1 call. */
    public DomainOrganizationRole getRole(String roleId) {
        return get(api("authorization", "roles", roleId).addQueryParameter("userCount", "false"),
                DomainOrganizationRole.class, "read the role " + roleId);
    }

    /**
     * {@code POST /api/v2/authorization/roles}. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look with {@link #findRolesByName} first
     */
    public DomainOrganizationRole createRole(RoleRequest role) {
        return write("POST", api("authorization", "roles"), role, Transport.Repeat.CREATE,
                DomainOrganizationRole.class, "create the role '" + role.name() + "'");
    }

    /** {@code PUT /api/v2/authorization/roles/{id}}: replaces name, description and all policies. 1 call. */
    public DomainOrganizationRole updateRole(String roleId, RoleRequest role) {
        return write("PUT", api("authorization", "roles", roleId), role, Transport.Repeat.SAFE,
                DomainOrganizationRole.class, "update the role '" + role.name() + "'");
    }

    /** {@code DELETE /api/v2/authorization/roles/{id}}. 1 call. */
    public void deleteRole(String roleId) {
        write("DELETE", api("authorization", "roles", roleId), null, Transport.Repeat.SAFE, null,
                "delete the role " + roleId);
    }

    /**
     * The permission catalog of the given domains ({@code ?queryType=domain&query=d1,d2,…&pageSize=100}, all pages,
     * permission maps merged). Empty {@code domains}: the whole catalog. 1 call in the common case.
     */
    public PermissionCatalog getPermissionCatalog(Collection<String> domains) {
        String query = domains == null ? "" : domains.stream().distinct().sorted().collect(Collectors.joining(","));
        List<DomainPermissionCollection> all = Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            HttpUrl.Builder u = api("authorization", "permissions");
            if (!query.isEmpty()) {
                u.addQueryParameter("queryType", "domain").addQueryParameter("query", query);
            }
            return getPage(u, n, size, DomainPermissionCollection.class,
                    "read the permission catalog");
        }).collect(Collectors.toList());
        return new PermissionCatalog(all);
    }

    // =====================================================================================================
    // Divisions (§7)
    // =====================================================================================================

    /** {@code GET /api/v2/authorization/divisions}, all pages, lazily. */
    public Stream<AuthzDivision> listDivisions() {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> getPage(api("authorization", "divisions"), n,
                size, AuthzDivision.class, "list divisions"));
    }

    /** {@code GET /api/v2/authorization/divisions/home}. 1 call. */
    public AuthzDivision getHomeDivision() {
        return get(api("authorization", "divisions", "home"), AuthzDivision.class, "read the home division");
    }

    /**
     * Where the signed-in user holds {@code permission}: {@code GET
     * /api/v2/authorization/divisionspermitted/paged/me?permission=…}, all pages. 1 call in the common case.
     */
    public DivisionsPermitted divisionsPermittedForMe(String permission) {
        boolean[] all = {false};
        List<AuthzDivision> divisions = Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            EntityListing<AuthzDivision> page = getPage(api("authorization", "divisionspermitted", "paged", "me")
                            .addQueryParameter("permission", permission), n, size,
                    AuthzDivision.class, "check where you hold " + permission);
            if (Boolean.TRUE.equals(page.allDivsPermitted())) {
                all[0] = true;
            }
            return page;
        }).collect(Collectors.toList());
        return new DivisionsPermitted(all[0], divisions);
    }

    // =====================================================================================================
    // Grants (§9)
    // =====================================================================================================

    /**
     * One role in one division: {@code POST /api/v2/authorization/subjects/{s}/divisions/{d}/roles/{r}?subjectType=}.
     * Granting an existing grant succeeds, so it is safe to repeat. 1 call.
     */
    public void grantRole(String subjectId, SubjectType type, String divisionId, String roleId) {
        write("POST", api("authorization", "subjects", subjectId, "divisions", divisionId, "roles", roleId)
                        .addQueryParameter("subjectType", type.name()), null, Transport.Repeat.SAFE, null,
                "grant the role " + roleId + " to " + subjectId);
    }

    /** {@code POST /api/v2/authorization/subjects/{id}/bulkadd?subjectType=}: several role/division pairs. 1 call. */
    public void bulkAddGrants(String subjectId, SubjectType type, List<RoleDivision> grants) {
        write("POST", api("authorization", "subjects", subjectId, "bulkadd")
                        .addQueryParameter("subjectType", type.name()), new RoleDivisionGrants(List.copyOf(grants)),
                Transport.Repeat.SAFE, null, "grant roles to " + subjectId);
    }

    /**
     * One role to many subjects in many divisions: {@code POST /api/v2/authorization/roles/{roleId}?subjectType=}
     * with {@code {subjectIds, divisionIds}}, in batches of {@link ApiContract#MAX_SUBJECTS_PER_GRANT_CALL}
     * subjects. ⌈subjects/50⌉ calls.
     */
    public void grantRoleToSubjects(String roleId, SubjectType type, Collection<String> subjectIds,
                                    Collection<String> divisionIds) {
        List<String> divisions = List.copyOf(new LinkedHashSet<>(divisionIds));
        for (List<String> batch : chunks(new ArrayList<>(new LinkedHashSet<>(subjectIds)),
                ApiContract.MAX_SUBJECTS_PER_GRANT_CALL)) {
            write("POST", api("authorization", "roles", roleId).addQueryParameter("subjectType", type.name()),
                    new SubjectDivisions(batch, divisions), Transport.Repeat.SAFE, null,
                    "grant the role " + roleId + " to " + batch.size() + " subjects");
        }
    }

    /** {@code GET /api/v2/authorization/subjects/{id}}: the subject's grants. 1 call. */
    public AuthzSubject getSubject(String subjectId) {
        return get(api("authorization", "subjects", subjectId), AuthzSubject.class,
                "read the grants of " + subjectId);
    }

    /** {@code GET /api/v2/authorization/subjects/me}: the signed-in identity's grants. 1 call. */
    public AuthzSubject getMySubject() {
        return get(api("authorization", "subjects", "me"), AuthzSubject.class, "read your own grants");
    }

    /** {@code GET /api/v2/authorization/roles/{roleId}/subjectgrants}: who holds the role where; all pages, lazily. */
    public Stream<SubjectDivisionGrants> listRoleSubjectGrants(String roleId) {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> getPage(api("authorization", "roles", roleId,
                        "subjectgrants"), n, size, SubjectDivisionGrants.class,
                "list who holds the role " + roleId));
    }

    // =====================================================================================================
    // OAuth clients and scopes (§10)
    // =====================================================================================================

    /**
     * {@code GET /api/v2/oauth/clients}. The operation takes no query parameters [SDK]: the first answer is read, and
     * a {@code nextUri}, should the API give one, is followed as given.
     */
    public Stream<OAuthClient> listOAuthClients() {
        return followingNextUri(api("oauth", "clients"), OAuthClient.class, "list OAuth clients");
    }

    /** OAuth clients named exactly {@code name} (the API has no name filter). 1 call in the common case. */
    public List<OAuthClient> findOAuthClientsByName(String name) {
        return listOAuthClients().filter(c -> name.equals(c.name())).collect(Collectors.toList());
    }

    /** {@code GET /api/v2/oauth/clients/{id}} (no secret). 1 call. */
    public OAuthClient getOAuthClient(String clientId) {
        return get(api("oauth", "clients", clientId), OAuthClient.class, "read the OAuth client " + clientId);
    }

    /**
     * {@code POST /api/v2/oauth/clients}. The answer carries the {@code secret}, the only time it is ever shown:
     * store it before doing anything else. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look with {@link #findOAuthClientsByName}
     *                                 first (and reset the secret of a found client, since its secret was lost)
     */
    public OAuthClient createOAuthClient(OAuthClientRequest request) {
        return write("POST", api("oauth", "clients"), request, Transport.Repeat.CREATE, OAuthClient.class,
                "create the OAuth client '" + request.name() + "'");
    }

    /** {@code PUT /api/v2/oauth/clients/{id}}: full replacement. 1 call. */
    public OAuthClient updateOAuthClient(String clientId, OAuthClientRequest request) {
        return write("PUT", api("oauth", "clients", clientId), request, Transport.Repeat.SAFE, OAuthClient.class,
                "update the OAuth client '" + request.name() + "'");
    }

    /**
     * {@code POST /api/v2/oauth/clients/{id}/secret}: a new secret (in the answer); the old one stops working. Repeated
     * after a failure like a read: a lost answer's secret is useless anyway, and a repeat yields one we see. 1 call.
     */
    public OAuthClient resetOAuthClientSecret(String clientId) {
        return write("POST", api("oauth", "clients", clientId, "secret"), null, Transport.Repeat.SAFE,
                OAuthClient.class, "reset the secret of the OAuth client " + clientId);
    }

    /** {@code DELETE /api/v2/oauth/clients/{id}} (set it {@code inactive} first, §10). 1 call. */
    public void deleteOAuthClient(String clientId) {
        write("DELETE", api("oauth", "clients", clientId), null, Transport.Repeat.SAFE, null,
                "delete the OAuth client " + clientId);
    }

    /** {@code GET /api/v2/oauth/scopes}: every scope (ids such as {@code users:readonly}). 1 call. */
    public List<OAuthScope> listScopes() {
        EntityListing<OAuthScope> l = get(api("oauth", "scopes"), listingOf(OAuthScope.class), "list OAuth scopes");
        return l.entities() == null ? List.of() : l.entities();
    }

    // =====================================================================================================
    // Integrations (§11)
    // =====================================================================================================

    /** {@code GET /api/v2/integrations/types}, all pages, lazily. */
    public Stream<IntegrationType> listIntegrationTypes() {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> getPage(api("integrations", "types"), n,
                size, IntegrationType.class, "list integration types"));
    }

    /** {@code GET /api/v2/integrations/types/{typeId}}, e.g. {@code embedded-client-app}. 1 call. */
    public IntegrationType getIntegrationType(String typeId) {
        return get(api("integrations", "types", typeId), IntegrationType.class,
                "read the integration type " + typeId);
    }

    /** {@code GET /api/v2/integrations}, all pages, lazily. */
    public Stream<Integration> listIntegrations() {
        return Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> getPage(api("integrations"), n,
                size, Integration.class, "list integrations"));
    }

    /** Integrations of {@code typeId} named exactly {@code name} (filtered here; the API has no filter). */
    public List<Integration> findIntegrations(String typeId, String name) {
        return listIntegrations()
                .filter(i -> typeId == null || typeId.equals(i.typeId()))
                .filter(i -> name == null || name.equals(i.name())
                        || (i.config() != null && i.config().current() != null
                        && name.equals(i.config().current().name())))
                .collect(Collectors.toList());
    }

    /** {@code GET /api/v2/integrations/{id}}. 1 call. */
    public Integration getIntegration(String integrationId) {
        return get(api("integrations", integrationId), Integration.class,
                "read the integration " + integrationId);
    }

    /**
     * {@code POST /api/v2/integrations} with {@code {name, integrationType:{id}}}. New instances start
     * {@link ApiContract#NEW_INTEGRATION_STATE}. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look with {@link #findIntegrations} first
     */
    public Integration createIntegration(String name, String typeId) {
        return write("POST", api("integrations"), CreateIntegrationRequest.of(name, typeId),
                Transport.Repeat.CREATE, Integration.class, "create the integration '" + name + "'");
    }

    /** {@code PATCH /api/v2/integrations/{id}} with {@code {"intendedState":…}} (ENABLED, DISABLED, …). 1 call. */
    public Integration setIntegrationState(String integrationId, String intendedState) {
        return write("PATCH", api("integrations", integrationId), new IntendedState(intendedState),
                Transport.Repeat.SAFE, Integration.class,
                "set the integration " + integrationId + " to " + intendedState);
    }

    /** {@code DELETE /api/v2/integrations/{id}}. 1 call. */
    public void deleteIntegration(String integrationId) {
        write("DELETE", api("integrations", integrationId), null, Transport.Repeat.SAFE, null,
                "delete the integration " + integrationId);
    }

    /** {@code GET /api/v2/integrations/{id}/config/current}. 1 call. */
    public IntegrationConfiguration getIntegrationConfig(String integrationId) {
        return get(api("integrations", integrationId, "config", "current"), IntegrationConfiguration.class,
                "read the configuration of the integration " + integrationId);
    }

    /**
     * {@code PUT /api/v2/integrations/{id}/config/current}; {@code config.version} must be the current one. All
     * required fields are filled in ({@code {}}/{@code ""}). 1 call. @throws ConflictException on a stale version
     */
    public IntegrationConfiguration putIntegrationConfig(String integrationId, IntegrationConfiguration config) {
        return write("PUT", api("integrations", integrationId, "config", "current"), config.forPut(),
                Transport.Repeat.SAFE, IntegrationConfiguration.class,
                "save the configuration of the integration " + integrationId);
    }

    /**
     * Reads the current configuration, applies {@code change} and PUTs it with the version just read, re-reading and
     * retrying on a version conflict. 2 calls in the common case.
     */
    public IntegrationConfiguration updateIntegrationConfig(String integrationId,
                                                            UnaryOperator<IntegrationConfiguration> change) {
        return withVersionRetry("save the configuration of the integration " + integrationId, () -> {
            IntegrationConfiguration current = getIntegrationConfig(integrationId);
            int version = current.version() == null ? 1 : current.version();
            return putIntegrationConfig(integrationId, change.apply(current).withVersion(version));
        });
    }

    // =====================================================================================================
    // Plumbing
    // =====================================================================================================

    /** Runs {@code attempt}, repeating it on a version conflict (409, or 400 "does not match the current version"). */
    <T> T withVersionRetry(String operation, java.util.function.Supplier<T> attempt) {
        int max = transport.retry.maxVersionRetries();
        for (int i = 0; ; i++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (i >= max) {
                    throw e;
                }
                Transport.LOG.info(() -> "Version conflict while trying to " + operation + "; reading again");
                try {
                    transport.time.sleepNanos(transport.retry.versionRetryDelay().toNanos());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw Transport.cancelled(ie);
                }
            }
        }
    }

    private HttpUrl.Builder api(String... segments) {
        HttpUrl.Builder b = apiBase.newBuilder().addPathSegments("api/v2");
        for (String s : segments) {
            if (s == null || s.isEmpty()) {
                throw new IllegalArgumentException("empty id in path");
            }
            b.addPathSegment(s);
        }
        return b;
    }

    private static void addAll(HttpUrl.Builder u, String name, Collection<String> values) {
        if (values != null) {
            for (String v : values) {
                u.addQueryParameter(name, v);
            }
        }
    }

    private <T> T get(HttpUrl.Builder url, Type type, String operation) {
        return transport.call(Transport.Req.api("GET", url.build(), null, true, Transport.Repeat.SAFE, operation),
                type);
    }

    private <T> T write(String method, HttpUrl.Builder url, Object body, Transport.Repeat repeat, Type type,
                        String operation) {
        return transport.call(Transport.Req.api(method, url.build(), body, false, repeat, operation), type);
    }

    private <T> EntityListing<T> getPage(HttpUrl.Builder url, int pageNumber, int pageSize, Class<T> item,
                                         String operation) {
        url.setQueryParameter("pageSize", Integer.toString(pageSize))
                .setQueryParameter("pageNumber", Integer.toString(pageNumber));
        return get(url, listingOf(item), operation);
    }

    private static Type listingOf(Class<?> item) {
        return TypeToken.getParameterized(EntityListing.class, item).getType();
    }

    private <T> Stream<T> search(String resource, SearchRequest request, Class<T> item, String operation) {
        Type type = TypeToken.getParameterized(SearchResponse.class, item).getType();
        SearchRequest first = request.withPage(ApiContract.MAX_SEARCH_PAGE_SIZE, 1);
        return Pages.<T>search(
                () -> transport.call(Transport.Req.api("POST", api(resource, "search").build(), first, true,
                        Transport.Repeat.SAFE, operation), type),
                next -> transport.call(Transport.Req.api("GET", withExpand(link(next, operation),
                        request.expand()), null, true, Transport.Repeat.SAFE, operation), type));
    }

    /**
     * A search page link with the request's {@code expand} as query parameters when the link does not carry them:
     * GET …/search takes {@code expand} beside {@code q64} [SDK]; whether q64 keeps it is not known (§3.3 [INF]).
     */
    private static HttpUrl withExpand(HttpUrl link, List<String> expand) {
        if (expand == null || expand.isEmpty() || !link.queryParameterValues("expand").isEmpty()) {
            return link;
        }
        HttpUrl.Builder b = link.newBuilder();
        expand.forEach(e -> b.addQueryParameter("expand", e));
        return b.build();
    }

    /** A listing without paging parameters: the first page, then each {@code nextUri} the API gives. */
    private <T> Stream<T> followingNextUri(HttpUrl.Builder first, Class<T> item, String operation) {
        Type type = listingOf(item);
        return Pages.followingNextUri(() -> get(first, type, operation),
                next -> transport.call(Transport.Req.api("GET", link(next, operation), null, true,
                        Transport.Repeat.SAFE, operation), type));
    }

    /** A relative (or absolute) page link of an answer, on the API host only. */
    private HttpUrl link(String next, String operation) {
        HttpUrl u = apiBase.resolve(next);
        if (u == null || !u.host().equals(apiBase.host()) || u.port() != apiBase.port()) {
            throw transport.errors.malformed(200, "", "application/json", null, operation, null);
        }
        return u;
    }

    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            out.add(List.copyOf(items.subList(i, Math.min(items.size(), i + size))));
        }
        return out;
    }

    @Override
    public String toString() {
        return "GenesysClient[" + apiBase + ", " + (token == null ? "not signed in"
                : "signed in: " + token.method().name().toLowerCase(Locale.ROOT)) + "]";
    }
}
