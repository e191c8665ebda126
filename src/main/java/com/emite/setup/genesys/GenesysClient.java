package com.emite.setup.genesys;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntegrationType;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;
import okhttp3.HttpUrl;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Genesys Cloud Platform API client: one object per org connection, the one the engine and the UI hold. It
 * builds the plumbing and hands each call to the class that owns it: {@link Authenticator} (sign-in, the token),
 * {@link UserCalls}, {@link GroupCalls}, {@link AuthorizationCalls}, {@link OAuthCalls}, {@link IntegrationCalls},
 * all over one {@link ApiRequests} and its {@link Transport} (rate limit, retries, errors, statistics). Thread-safe.
 * No JavaFX: call it from a background thread.
 *
 * <p>Paths, field names and enums follow {@code shared/reference/genesys-cloud-api.md} (§ numbers below). Every
 * inferred behaviour comes from {@link ApiContract}. Errors are {@link GenesysApiException} and its subclasses.
 *
 * <p>Each method's full contract (request, number of calls, what it throws) is on the method it hands over to.
 *
 * <p>Creates ({@code createGroup}, {@code createRole}, {@code createOAuthClient}, {@code createIntegration}) are never
 * repeated blindly: when the outcome is unknown they throw {@link OutcomeUnknownException}; list what exists before
 * trying again.
 */
// Just over the ~400 guide on purpose: this is the facade the engine, CLI, diagnose and UI hold. It has no logic, only
// one short, documented hand-over per public call (about 50), kept here so callers did not change when the work moved
// into the *Calls classes; options are in GenesysClientBuilder, test-only calls in the tests' TestCalls.
// Add behaviour in the *Calls classes, not here.
public final class GenesysClient {
    private final HttpUrl apiBase;
    private final HttpUrl loginBase;
    private final CallStats stats = new CallStats();
    private final ApiRequests requests;
    private final Transport transport;
    private final Authenticator auth;
    private final UserCalls users;
    private final GroupCalls groups;
    private final AuthorizationCalls authorization;
    private final OAuthCalls oauth;
    private final IntegrationCalls integrations;

    GenesysClient(GenesysClientBuilder b) {
        this.apiBase = b.apiBase;
        this.loginBase = b.loginBase;
        this.transport = new Transport(b.http(), b.limiter(), stats, b.retry, b.time);
        this.requests = new ApiRequests(apiBase, transport);
        this.auth = new Authenticator(loginBase, requests, stats);
        transport.tokens = auth;
        this.users = new UserCalls(requests);
        this.groups = new GroupCalls(requests);
        this.authorization = new AuthorizationCalls(requests);
        this.oauth = new OAuthCalls(requests);
        this.integrations = new IntegrationCalls(requests);
    }

    // ---------------------------------------------------------------- construction

    /**
     * A builder for the given API base (e.g. {@code https://api.mypurecloud.de}) and login base (e.g.
     * {@code https://login.mypurecloud.de}). Real hosts must be https; http is allowed only for loopback.
     *
     * @throws IllegalArgumentException with a plain message when an address is not allowed
     */
    public static GenesysClientBuilder builder(String apiBase, String loginBase) {
        return new GenesysClientBuilder(BaseAddress.parse(apiBase, "API"), BaseAddress.parse(loginBase, "sign-in"));
    }

    /** A client whose API and sign-in live at one base address (the sandbox, {@code http://127.0.0.1:port}). */
    public static GenesysClient forSingleBase(String base) {
        return builder(base, base).build();
    }

    public HttpUrl apiBase() {
        return apiBase;
    }

    public HttpUrl loginBase() {
        return loginBase;
    }

    /**
     * Tells {@code listener} before every wait of this client (rate limiter, Retry-After, back-off); null stops it.
     */
    public void onWait(WaitListener listener) {
        WaitListener l = listener == null ? WaitListener.NONE : listener;
        transport.waits = l;
        transport.limiter.waits = l;
    }

    /** The page size and grant batch this org accepts, as learnt so far. */
    public SizeLimits sizeLimits() {
        return requests.limits;
    }

    /** Counters of calls, retries and waits; readable at any time. */
    public CallStats stats() {
        return stats;
    }

    /** The shared request helper (test code builds calls the product does not need on it). */
    ApiRequests requests() {
        return requests;
    }

    // ---------------------------------------------------------------- sign-in (§2): Authenticator

    /** Client credentials (§2.1). */
    public AccessToken signInWithClientCredentials(String clientId, Secret clientSecret) {
        return auth.signInWithClientCredentials(clientId, clientSecret);
    }

    /** A pasted token. */
    public AccessToken signInWithToken(Secret accessToken) {
        return auth.signInWithToken(accessToken);
    }

    /**
     * Starts a browser sign-in (Authorization Code with PKCE, §2.3): opens a one-shot listener on 127.0.0.1 and the
     * browser at {@code /oauth/authorize}. Call {@link BrowserSignIn#await()} on a background thread; {@link
     * BrowserSignIn#cancel()} from anywhere. The client is signed in when {@code await} returns.
     */
    public BrowserSignIn startBrowserSignIn(BrowserSignIn.Options options, BrowserOpener opener) {
        return BrowserSignIn.start(this, options, opener);
    }

    /** Exchanges an authorization code with its PKCE verifier (§2.3; {@link BrowserSignIn} calls it). */
    AccessToken exchangePkceCode(String clientId, Secret code, Secret verifier, String redirectUri) {
        return auth.exchangePkceCode(clientId, code, verifier, redirectUri);
    }

    /** The sign-in address of the browser flow (§2.3). */
    HttpUrl authorizeUrl(String clientId, String redirectUri, String challenge, String state) {
        return auth.authorizeUrl(clientId, redirectUri, challenge, state);
    }

    public boolean isSignedIn() {
        return auth.isSignedIn();
    }

    /** How the client is signed in, or empty. */
    public Optional<SignInMethod> signInMethod() {
        return auth.signInMethod();
    }

    /** The id of the OAuth client signed in with client credentials, or empty (other sign-ins, signed out). */
    public Optional<String> clientCredentialsId() {
        return auth.clientCredentialsId();
    }

    /** Logout (§2.5). */
    public void logout() {
        auth.logout();
    }

    // ---------------------------------------------------------------- organization and token (§4, §2.5)

    /** {@code GET /api/v2/organizations/me}; {@code thirdPartyOrgName} is the short name. 1 call. */
    public Organization getOrganization() {
        return requests.get(requests.api("organizations", "me"), Organization.class, "read the organization");
    }

    /** {@code GET /api/v2/tokens/me}. 1 call. */
    public TokenInfo getTokenInfo() {
        return requests.get(requests.api("tokens", "me"), TokenInfo.class, "read the token details");
    }

    // ---------------------------------------------------------------- users (§5): UserCalls

    /** {@code GET /api/v2/users}, all pages of 100. */
    public Stream<User> listUsers(String state, List<String> expand) {
        return users.listUsers(state, expand);
    }

    /**
     * {@code GET /api/v2/users?id=…} in batches of {@link ApiContract#MAX_IDS_PER_USERS_CALL} ids (1 call per batch).
     */
    public Stream<User> getUsersByIds(Collection<String> ids, List<String> expand) {
        return users.getUsersByIds(ids, expand);
    }

    /** {@code GET /api/v2/users/me?expand=…}: who is signed in (user tokens only). */
    public User getMe(String... expand) {
        return users.getMe(expand);
    }

    /** {@code GET /api/v2/users/{id}}. */
    public User getUser(String userId, String... expand) {
        return users.getUser(userId, expand);
    }

    /** {@code POST /api/v2/users/search} then GET of {@code nextPage} links, 100 per page, lazily. */
    public Stream<User> searchUsers(SearchRequest request) {
        return users.searchUsers(request);
    }

    /**
     * Users whose e-mail is exactly {@code email} (search EXACT on {@link ApiContract#USER_SEARCH_EMAIL_FIELD}, then
     * compared again here, ignoring case).
     */
    public List<User> findUsersByEmail(String email) {
        return users.findUsersByEmail(email);
    }

    // ---------------------------------------------------------------- groups (§6): GroupCalls

    /** {@code GET /api/v2/groups/{id}}. */
    public Group getGroup(String groupId) {
        return groups.getGroup(groupId);
    }

    /** {@code GET /api/v2/groups}, all pages of 100, lazily. */
    public Stream<Group> listGroups() {
        return groups.listGroups();
    }

    /** {@code POST /api/v2/groups}. */
    public Group createGroup(GroupCreate group) {
        return groups.createGroup(group);
    }

    /** {@code PUT /api/v2/groups/{id}} with the current {@code version}. */
    public Group updateGroup(String groupId, GroupUpdate update) {
        return groups.updateGroup(groupId, update);
    }

    /**
     * One {@code POST /api/v2/groups/{id}/members} with the given version and at most {@link
     * ApiContract#MAX_GROUP_MEMBERS_PER_CALL} ids.
     */
    public void addGroupMembers(String groupId, int version, Collection<String> memberIds) {
        groups.addGroupMembers(groupId, version, memberIds);
    }

    /** {@code GET /api/v2/groups/{id}/individuals}: individually added members. */
    public Stream<User> listGroupIndividuals(String groupId) {
        return groups.listGroupIndividuals(groupId);
    }

    /**
     * {@code DELETE /api/v2/groups/{id}/members?ids=a,b} with at most {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL}
     * ids (reference §6). 1 call.
     */
    public void removeGroupMembers(String groupId, Collection<String> memberIds) {
        groups.removeGroupMembers(groupId, memberIds);
    }

    /**
     * Deletes a second group with an eMite name, an OAuth client (set inactive first) or an integration, for the
     * engine's duplicate clean-up the admin confirmed (issue #15). 1 call each.
     */
    public void deleteGroup(String groupId) {
        groups.deleteGroup(groupId);
    }

    public void deleteOAuthClient(String clientId) {
        oauth.deleteOAuthClient(clientId);
    }

    public void deleteIntegration(String integrationId) {
        integrations.deleteIntegration(integrationId);
    }

    // ---------------------------------------------------------------- authorization (§7-§9): AuthorizationCalls

    /** {@code GET /api/v2/authorization/roles?userCount=false}, all pages, lazily. */
    public Stream<DomainOrganizationRole> listRoles() {
        return authorization.listRoles();
    }

    /** {@code POST /api/v2/authorization/roles}. */
    public DomainOrganizationRole createRole(RoleRequest role) {
        return authorization.createRole(role);
    }

    /** {@code PUT /api/v2/authorization/roles/{id}}: replaces name, description and all policies. */
    public DomainOrganizationRole updateRole(String roleId, RoleRequest role) {
        return authorization.updateRole(roleId, role);
    }

    /**
     * The permission catalog of the given domains ({@code ?queryType=domain&query=d1,d2,…&pageSize=100}, all pages,
     * permission maps merged).
     */
    public PermissionCatalog getPermissionCatalog(Collection<String> domains) {
        return authorization.getPermissionCatalog(domains);
    }

    /** {@code GET /api/v2/authorization/divisions}, all pages, lazily. */
    public Stream<AuthzDivision> listDivisions() {
        return authorization.listDivisions();
    }

    /**
     * One role in one division: {@code POST /api/v2/authorization/subjects/{s}/divisions/{d}/roles/{r}?subjectType=}.
     */
    public void grantRole(String subjectId, SubjectType type, String divisionId, String roleId) {
        authorization.grantRole(subjectId, type, divisionId, roleId);
    }

    /** One role to many subjects in many divisions, in batches. */
    public void grantRoleToSubjects(String roleId, SubjectType type, Collection<String> subjectIds,
                                    Collection<String> divisionIds) {
        authorization.grantRoleToSubjects(roleId, type, subjectIds, divisionIds);
    }

    /** {@code GET /api/v2/authorization/roles/{id}/subjectgrants}, all pages: who holds the role, where. */
    public Stream<com.emite.setup.genesys.model.SubjectDivisionGrants> listRoleSubjectGrants(String roleId) {
        return authorization.listRoleSubjectGrants(roleId);
    }

    /** Revokes one grant: {@code DELETE /api/v2/authorization/subjects/{s}/divisions/{d}/roles/{r}}. */
    public void revokeRole(String subjectId, String divisionId, String roleId) {
        authorization.revokeRole(subjectId, divisionId, roleId);
    }

    /** {@code DELETE /api/v2/authorization/roles/{id}} (for removing what eMite Setup made, issue 12). */
    public void deleteRole(String roleId) {
        authorization.deleteRole(roleId);
    }

    /** {@code GET /api/v2/authorization/subjects/{id}}: the subject's grants. */
    public AuthzSubject getSubject(String subjectId) {
        return authorization.getSubject(subjectId);
    }

    /** {@code GET /api/v2/authorization/subjects/me}: the signed-in identity's grants. */
    public AuthzSubject getMySubject() {
        return authorization.getMySubject();
    }

    // ---------------------------------------------------------------- OAuth clients (§10): OAuthCalls

    /** {@code GET /api/v2/oauth/clients}. */
    public Stream<OAuthClient> listOAuthClients() {
        return oauth.listOAuthClients();
    }

    /** {@code GET /api/v2/oauth/clients/{id}} (no secret). */
    public OAuthClient getOAuthClient(String clientId) {
        return oauth.getOAuthClient(clientId);
    }

    /** {@code POST /api/v2/oauth/clients}. */
    public OAuthClient createOAuthClient(OAuthClientRequest request) {
        return oauth.createOAuthClient(request);
    }

    /** {@code PUT /api/v2/oauth/clients/{id}}: full replacement. */
    public OAuthClient updateOAuthClient(String clientId, OAuthClientRequest request) {
        return oauth.updateOAuthClient(clientId, request);
    }

    /** {@code POST /api/v2/oauth/clients/{id}/secret}: a new secret (in the answer); */
    public OAuthClient resetOAuthClientSecret(String clientId) {
        return oauth.resetOAuthClientSecret(clientId);
    }

    // ---------------------------------------------------------------- integrations (§11): IntegrationCalls

    /** {@code GET /api/v2/integrations/types/{typeId}}, e.g. */
    public IntegrationType getIntegrationType(String typeId) {
        return integrations.getIntegrationType(typeId);
    }

    /** {@code GET /api/v2/integrations}, all pages, lazily. */
    public Stream<Integration> listIntegrations() {
        return integrations.listIntegrations();
    }

    /** {@code POST /api/v2/integrations} with {@code {name, integrationType:{id}}}. */
    public Integration createIntegration(String name, String typeId) {
        return integrations.createIntegration(name, typeId);
    }

    /** {@code PATCH /api/v2/integrations/{id}} with {@code {"intendedState":…}} (ENABLED, DISABLED, …). */
    public Integration setIntegrationState(String integrationId, String intendedState) {
        return integrations.setIntegrationState(integrationId, intendedState);
    }

    /** {@code GET /api/v2/integrations/{id}/config/current}. */
    public IntegrationConfiguration getIntegrationConfig(String integrationId) {
        return integrations.getIntegrationConfig(integrationId);
    }

    /** {@code PUT /api/v2/integrations/{id}/config/current}; */
    public IntegrationConfiguration putIntegrationConfig(String integrationId, IntegrationConfiguration config) {
        return integrations.putIntegrationConfig(integrationId, config);
    }

    @Override
    public String toString() {
        return "GenesysClient[" + apiBase + ", " + auth.describe() + "]";
    }
}
