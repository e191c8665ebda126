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
    /** Largest pageSize of GET /authorization/divisions/{id}/grants [SDK]. */
    public static final int MAX_PAGE_SIZE_DIVISION_GRANTS = 500;
    /** Largest pageSize of search endpoints [DOC "Search Limits"]. */
    public static final int MAX_SEARCH_PAGE_SIZE = 100;
    /** Search results that can be paged through at most [DOC]. */
    public static final int MAX_SEARCH_RESULTS = 10_000;

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
    /** A client-credentials token calling /users/me [UNCONFIRMED: 400 or 403]. */
    public static final int STATUS_USERS_ME_WITHOUT_USER = 400;
    public static final String CODE_USERS_ME_WITHOUT_USER = "bad.request";
    /** Stale version on versioned writes (groups, integration config) [SDK says 409; code varies]. */
    public static final int STATUS_VERSION_CONFLICT = 409;
    public static final String CODE_VERSION_CONFLICT = "conflict";

    // ---- OAuth (§2) ----
    /**
     * authorizedGrantType of a PKCE client. The SDK enum has no PKCE literal; a PKCE client made in the UI must be
     * read back to confirm [UNCONFIRMED]. Our sandbox's PKCE client reports this value.
     */
    public static final String PKCE_GRANT_TYPE = "CODE";
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
}
