package com.emite.setup.contract;

/**
 * Every choice about the Genesys Cloud API that the reference ({@code shared/reference/genesys-cloud-api.md}) marks as
 * inferred or unconfirmed lives here, and only here. Both our client and our sandbox read these values, so a
 * correction learnt from the real API is one edit. Confirmed facts may live where they are used.
 */
public final class ApiContract {
    private ApiContract() {
    }

    // ---- Paging (§3.2, §3.3) ----
    /** Default pageSize of listings [SDK]. */
    public static final int DEFAULT_PAGE_SIZE = 25;
    /** Largest pageSize of ordinary listings; above it the API answers 400 [INF: "use ≤100"]. */
    public static final int MAX_PAGE_SIZE = 100;
    /**
     * Operations whose SDK request has no paging parameters at all (GET /groups/{id}/individuals [SDK
     * GroupsApi.getGroupIndividuals], GET /oauth/clients [SDK OAuthApi.getOauthClients]): whether the real API ever
     * pages them is not known. The sandbox answers every entity on one page; our client sends no paging parameters and
     * follows any {@code nextUri} the real API gives, as given [INF].
     */
    public static final boolean UNPAGED_LISTINGS_ON_ONE_PAGE = true;
    /**
     * Whether PUT /groups/{id} clears the optional fields a body leaves out (§6 lists description, ownerIds, … as
     * optional and does not say) [INF]. The sandbox takes the stricter reading for {@code description} and
     * {@code ownerIds}; our client and engine send both as they are, so either reading keeps them.
     */
    public static final boolean GROUP_PUT_CLEARS_OMITTED_FIELDS = true;
    /** Ids per GET /users?id=…&id=… (§5: the SDK takes a repeated id; a maximum is not documented) [INF]. */
    public static final int MAX_IDS_PER_USERS_CALL = 100;
    /** Largest pageSize of GET /authorization/divisions/{id}/grants [SDK]. */
    public static final int MAX_PAGE_SIZE_DIVISION_GRANTS = 500;
    /** Largest pageSize of search endpoints [DOC "Search Limits"]. */
    public static final int MAX_SEARCH_PAGE_SIZE = 100;
    /** Search results that can be paged through at most [DOC]. */
    public static final int MAX_SEARCH_RESULTS = 10_000;

    /**
     * Largest answer body before the API refuses with 413 {@code response.entity.too.large} (§3.4: "lower pageSize or
     * drop expand"; the limit itself is not documented) [INF]. Our client then reads the listing at smaller page
     * sizes; the sandbox answers 413 above it (tests lower it with {@code Sandbox.maxResponseBytes}).
     */
    public static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

    /**
     * How a 400 names a size as too large (page size, batch): the words our client looks for before it halves and asks
     * again. The real messages are not documented [INF]; a 413 always counts.
     */
    public static final String SIZE_REFUSAL_WORDS = "pageSize|page size|at most|maximum|must be between|too many"
            + "|too large|exceed";

    // ---- Batches (§6, §9) ----
    /** Member ids per POST /groups/{id}/members [GC Terraform uses 50; hard maximum unconfirmed]. */
    public static final int MAX_GROUP_MEMBERS_PER_CALL = 50;
    /** Subject ids per bulk grant call, POST /authorization/roles/{roleId} [UNCONFIRMED; reference says ≤50]. */
    public static final int MAX_SUBJECTS_PER_GRANT_CALL = 50;

    // ---- Rate limits (§3.5) ----
    /** Requests per minute per token [DOC client.credentials.token.rate.per.minute]. */
    public static final int RATE_LIMIT_PER_MINUTE = 300;
    /** Seconds to wait on a 429 without a Retry-After header [SDK default]. */
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 3;

    // ---- Divisions (§7) ----
    /** Division id meaning every division, present and future [GC for OAuth clients; INF for user grants]. */
    public static final String ALL_DIVISIONS = "*";

    // ---- Status codes the reference leaves open ----
    /** POST /groups success status [INF]. */
    public static final int STATUS_GROUP_CREATED = 200;
    /**
     * Success status of the other creates: POST /authorization/roles, /oauth/clients, /integrations (each answers the
     * new object [SDK]; the status is not documented) [INF]. Our client takes any 2xx.
     */
    public static final int STATUS_CREATED = 200;
    /** POST /groups/{id}/members success status ("probably 202") [INF]. */
    public static final int STATUS_GROUP_MEMBERS_ADDED = 202;
    /** Grant calls (single, bulkadd, roles/{id}) success status ("probably 204") [INF]. */
    public static final int STATUS_GRANT_ADDED = 204;
    /** POST /authorization/roles with a name that exists [INF: 400 or 409]. */
    public static final int STATUS_DUPLICATE_ROLE_NAME = 409;
    /** Error code returned with a duplicate role name [INF]. */
    public static final String CODE_DUPLICATE_ROLE_NAME = "conflict";
    /**
     * POST /groups with a name that exists. Genesys' own Terraform assumes names can repeat, so the real API is taken
     * to accept duplicates: 0 means "accepted" [UNCONFIRMED]. Our client never relies on a conflict error.
     */
    public static final int STATUS_DUPLICATE_GROUP_NAME = 0;
    /** Giving an OAuth client a role/division the caller does not hold [UNCONFIRMED: 400 or 403]. */
    public static final int STATUS_ROLE_NOT_HELD = 400;
    public static final String CODE_ROLE_NOT_HELD = "bad.request";
    /**
     * Whether granting a role needs the caller to hold every permission of that role, as giving an OAuth client a role
     * needs its creator to hold the role (§9) [UNCONFIRMED: §9 states the subset rule only for OAuth clients]. The
     * sandbox takes the lenient reading by default (false; Sandbox#grantNeedsGrantedPermissions turns the strict one
     * on). Our client never relies on either: the upkeep client's role holds the licence permission it grants
     * ({@code provision.UpkeepNeed}).
     */
    public static final boolean GRANT_NEEDS_GRANTED_PERMISSIONS = false;
    /**
     * Whether GET /authorization/subjects/me answers a client-credentials token with the client's own grants. The SDK
     * describes it as "for the currently authenticated user"; §9 suggests GET /authorization/subjects/{ownClientId}
     * for such a token [INF]. Our engine asks subjects/me and falls back to subjects/{ownClientId} on a 400, 403 or
     * 404; the sandbox answers subjects/me for clients too (true) — set false to make it refuse, as /users/me does.
     */
    public static final boolean SUBJECTS_ME_FOR_CLIENT_CREDENTIALS = true;
    /** A client-credentials token calling /users/me [UNCONFIRMED: 400 or 403]. */
    public static final int STATUS_USERS_ME_WITHOUT_USER = 400;
    public static final String CODE_USERS_ME_WITHOUT_USER = "bad.request";
    /**
     * Text of the 400 some versioned writes answer instead of a 409 on a stale version (§3.6 [GC Terraform
     * util.IsVersionMismatch]); our client treats a 400 carrying it as a version conflict, and the sandbox's 409
     * message carries it too.
     */
    public static final String VERSION_MISMATCH_TEXT = "does not match the current version";
    /** Stale version on versioned writes (groups, integration config) [SDK says 409; code varies]. */
    public static final int STATUS_VERSION_CONFLICT = 409;
    public static final String CODE_VERSION_CONFLICT = "conflict";

    // ---- OAuth (§2) ----
    /**
     * authorizedGrantType of a PKCE client. The SDK enum has no PKCE literal; a PKCE client made in the UI must be
     * read back to confirm [UNCONFIRMED]. Our sandbox's PKCE client reports this value.
     */
    public static final String PKCE_GRANT_TYPE = "CODE";
    /**
     * Whether the login service accepts a loopback redirect URI on any port when the client registered it without one
     * (RFC 8252 §7.3). §2.3 expects an exact string match, port and path included, and says to register a fixed port
     * [INF/unverified]. Our client never relies on it: the command line listens on {@link #PKCE_REDIRECT_PORT}. The
     * sandbox's PKCE client is lenient (true) so that tests may use free ports.
     */
    public static final boolean LOOPBACK_REDIRECT_ANY_PORT = true;
    /**
     * The fixed loopback port of the browser sign-in, in the desktop app and on the command line alike: register
     * {@code http://127.0.0.1:8765/callback} on the PKCE OAuth client (§2.3 "register a fixed port"; the number is
     * our choice) [INF].
     */
    public static final int PKCE_REDIRECT_PORT = 8765;
    /** Path of the browser sign-in's redirect URI (see {@link #PKCE_REDIRECT_PORT}) [INF: our choice]. */
    public static final String PKCE_REDIRECT_PATH = "/callback";
    /** token_type in token responses [INF lower case]. */
    public static final String TOKEN_TYPE = "bearer";

    // ---- Integrations (§11) ----
    /** Integration type id of a Custom Client Application [DOC]. */
    public static final String CLIENT_APP_TYPE_ID = "embedded-client-app";
    /** Property name of the group filter of embedded-client-app (premium apps use groupFilter) [DOC/GC]. */
    public static final String CLIENT_APP_GROUPS_PROPERTY = "groups";
    /** intendedState of a newly created integration [INF]. */
    public static final String NEW_INTEGRATION_STATE = "DISABLED";

    // ---- Search (§3.3, §5) ----
    /** User search field for e-mail [INF]. */
    public static final String USER_SEARCH_EMAIL_FIELD = "email";

    // ---- Further choices, first needed by the sandbox (issue 3) ----
    /**
     * Permission the sandbox demands for GET /users and GET /users/{id} (§12.3: "none listed (use directory:user:view
     * to be safe) [INF]"). Demanding more than the real API can only make our client safer.
     */
    public static final String PERMISSION_USERS_READ = "directory:user:view";
    /** Permission for adding/removing group members when the caller does not own the group (§6, §12.3 [INF]). */
    public static final String PERMISSION_GROUP_MEMBERS = "directory:group:edit";
    /** Error code of the 400 for a role write naming a permission the catalog lacks (§8, §14: status 400; code [INF]). */
    public static final String CODE_UNKNOWN_PERMISSION = "invalid.value";
    /** Status of DELETE calls that return no body: groups, roles, grants, OAuth clients, tokens/me [INF; SDK: void]. */
    public static final int STATUS_DELETED = 204;
    /** A request-body property the request model does not have is rejected with 400 invalid.property [INF]. */
    public static final boolean REJECT_UNKNOWN_PROPERTIES = true;
    /**
     * A query parameter the operation does not have (per the SDK's request classes) is rejected with 400
     * invalid.query.param.value [INF: the real API may ignore it]. Demanding it makes the sandbox catch a client that
     * relies on a parameter the real API does not know.
     */
    public static final boolean REJECT_UNKNOWN_QUERY_PARAMETERS = true;
    /**
     * Whether the q64 page links of a search answer (nextPage, previousPage, currentPage) carry the request's
     * {@code expand} (§3.3 [INF]; the SDK's GET …/search takes {@code expand} as its own query parameter). The sandbox
     * leaves it out, so our client must repeat {@code expand} on the GET, which is right either way.
     */
    public static final boolean SEARCH_PAGE_LINKS_CARRY_EXPAND = false;
    /** GET /authorization/roles?name= matches the whole name exactly, case included (§8 [INF]). Compare anyway. */
    public static final boolean ROLE_NAME_FILTER_EXACT = true;
    /** User search without a state criterion returns only active users (§5 "Inactive users" [INF]). */
    public static final String USER_SEARCH_DEFAULT_STATE = "active";
    /** User search field for the division (§5 [UNCONFIRMED]); fall back to filtering on division.id. */
    public static final String USER_SEARCH_DIVISION_FIELD = "divisionId";
    /** Lifetime of an authorization code before the token exchange (§2.6 "expired code gives invalid_grant" [INF]). */
    public static final int AUTH_CODE_TTL_SECONDS = 300;
    /** CODE/TOKEN clients must register at least one redirect URI (§10 [INF: the admin UI requires one]). */
    public static final boolean REDIRECT_URI_REQUIRED_FOR_CODE = true;
    /**
     * How long after it was sent a write may still be carried out by Genesys Cloud although our client stopped
     * waiting for its answer (read timeout, dropped connection, 5xx from a gateway). The reference does not say how
     * long a request may run on the server; §3 lists 504 {@code request.timeout}, so a gateway ends requests, and our
     * client reads for 60 s. We take twice that [INF]. The engine waits out this window before it creates again an
     * object whose create got no answer, so a late create is found instead of duplicated.
     */
    public static final int LATE_WRITE_WINDOW_SECONDS = 120;
    /**
     * "Another run seems in progress": an eMite-named OAuth client created (its listing's {@code dateCreated}, §10;
     * that the listing model carries it is [INF]) or an eMite-named group changed ({@code dateModified}, §6 [SDK]) this
     * many minutes ago or less, whose id this vault's journal does not know, is taken as the work of another apply
     * running now [INF: our rule; roles and integrations carry no date in the reference (§8, §11), so they cannot
     * tell].
     */
    public static final int OTHER_RUN_RECENT_MINUTES = 15;
}
