package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import com.emite.setup.common.Secret;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the engine asks of a Genesys Cloud org, one method per request kind. The engine states here exactly what
 * it reads and writes (so its call count is visible in one place); {@code GenesysOrgApi} implements it over the
 * typed API client, which does paging, retries and rate limiting. Methods that read a paged collection read all of it.
 */
public interface OrgApi {

    // ---- reads ----

    /** GET /organizations/me (read once per session; later calls answer from memory). */
    OrgInfo organization();

    /** Who is signed in, with the permissions and roles it holds (one or two requests). */
    Identity identity();

    /** The roles the signed-in identity holds now (for waiting until a new grant is in force): one request. */
    Set<String> identityRoleIds(Identity identity);

    /** The org's permission catalog for these domains, as {@code domain:entity:action} strings (all pages). */
    Set<String> permissionCatalog(List<String> domains);

    /** Every role (all pages, no user counts). */
    List<RoleInfo> roles();

    /** Every group (all pages; listing, not search, so a group just created is found). */
    List<GroupInfo> groups();

    /** Every division (all pages). */
    List<DivisionInfo> divisions();

    /** Every OAuth client (all pages). */
    List<ClientInfo> oauthClients();

    /** Every integration (all pages). */
    List<IntegrationInfo> integrations();

    /**
     * GET /oauth/clients/{id}: the whole client. The listing lacks {@code authorizedGrantType} (the SDK's listing
     * model), so drift on the grant type is only visible here.
     */
    ClientInfo oauthClient(String clientId);

    /** GET /integrations/{id}/config/current. */
    AppConfigInfo integrationConfig(String integrationId);

    /** The users individually added to a group (all pages). */
    List<String> groupIndividualIds(String groupId);

    /** The users individually added to a group, with names and e-mail addresses (for the member picker). */
    List<UserInfo> groupIndividuals(String groupId);

    /**
     * One page of active users whose name or e-mail contains {@code text} (POST /users/search, CONTAINS on name and
     * email), {@code pageNumber} from 1. Search lags a few seconds behind changes.
     */
    List<UserInfo> searchUsers(String text, int pageNumber, int pageSize);

    /** GET /groups/{id}: its current version (after a version conflict). */
    int groupVersion(String groupId);

    /**
     * Every active user with the roles it holds, one page at a time (so a large org is never held in memory at once).
     */
    void forEachActiveUserPage(Consumer<List<UserInfo>> page);

    /** Requests made so far (reads, writes). */
    CallCount calls();

    // ---- writes ----

    GroupInfo createGroup(String name, String type, String visibility, boolean rulesVisible, String description);

    /**
     * PUT /groups/{id}; returns the new version. The description and owners are sent as they are (the reference does
     * not say whether PUT clears omitted fields).
     */
    int updateGroup(String groupId, int version, String name, String description, List<String> ownerIds,
                    String visibility, boolean rulesVisible);

    /**
     * POST /groups/{id}/members with the given version.
     *
     * @throws VersionConflict if the version is stale
     */
    void addGroupMembers(String groupId, int version, List<String> userIds);

    /** DELETE /groups/{id}/members?ids=…: at most {@code ApiContract.MAX_GROUP_MEMBERS_PER_CALL} ids. */
    void removeGroupMembers(String groupId, List<String> userIds);

    RoleInfo createRole(String name, String description, List<RolePolicy> policies);

    void updateRole(String roleId, String name, String description, List<RolePolicy> policies);

    /**
     * POST /authorization/roles/{roleId}?subjectType=…: the role to every subject in every division.
     *
     * @throws GrantRefused when the org refuses a grant to an OAuth client this way (400, 403 or 404)
     */
    void grantRole(String roleId, String subjectType, List<String> subjectIds, List<String> divisionIds);

    /** POST /authorization/subjects/{subjectId}/divisions/{divisionId}/roles/{roleId}: one grant (per-user way). */
    void grantRoleToOne(String roleId, String subjectType, String subjectId, String divisionId);

    /** POST /oauth/clients: the created client with its secret (shown this once). */
    CreatedClient createClient(ClientSpec spec, Map<String, String> roleDivisions);

    /**
     * PUT /oauth/clients/{id} with every field: a full replacement (reference §10), so {@code spec} and
     * {@code roleDivisions} (role id → division ids) are the whole client as it is to be.
     */
    void updateClient(String clientId, ClientSpec spec, Map<String, Set<String>> roleDivisions);

    /** POST /oauth/clients/{id}/secret: the new secret. */
    Secret resetSecret(String clientId);

    /** Deletes a group (DELETE /groups/{id}). */
    void deleteGroup(String groupId);

    /** Sets the OAuth client inactive (PUT), then deletes it (DELETE /oauth/clients/{id}), as reference §10 asks. */
    void deleteClient(String clientId);

    /** DELETE /integrations/{id}. */
    void deleteIntegration(String integrationId);

    /** GET /authorization/roles/{id}/subjectgrants (all pages): every subject holding the role, and where. */
    List<RoleHolder> roleHolders(String roleId);

    /** DELETE /authorization/subjects/{s}/divisions/{d}/roles/{r}: one grant revoked. */
    void revokeRole(String subjectId, String divisionId, String roleId);

    /** DELETE /authorization/roles/{id}. */
    void deleteRole(String roleId);

    /** POST /integrations: the new instance's id. */
    String createIntegration(String name, String typeId);

    /**
     * PUT /integrations/{id}/config/current; returns the new version.
     *
     * @throws VersionConflict if the version is stale
     */
    int putIntegrationConfig(String integrationId, int version, AppConfig config, List<String> groupIds);

    /** PATCH /integrations/{id} {intendedState: ENABLED}. */
    void enableIntegration(String integrationId);

    /**
     * How long after it was sent a write whose answer never came may still be done by the org
     * ({@link ApiContract#LATE_WRITE_WINDOW_SECONDS}); an in-memory org does every write at once.
     */
    default java.time.Duration lateWriteWindow() {
        return java.time.Duration.ofSeconds(ApiContract.LATE_WRITE_WINDOW_SECONDS);
    }

    // ---- types ----

    record CallCount(long reads, long writes) {
        public long total() {
            return reads + writes;
        }

        public CallCount minus(CallCount earlier) {
            return new CallCount(reads - earlier.reads, writes - earlier.writes);
        }
    }

    record OrgInfo(String id, String name, String shortName) {
    }

    /** A group as listed; {@code memberCount} is null when the answer did not say. */
    /** @param modified the group's {@code dateModified} (created or last changed), or null when not known */
    record GroupInfo(String id, String name, String type, String visibility, boolean rulesVisible, int version,
                     String description, List<String> ownerIds, Long memberCount, java.time.Instant modified) {
        public GroupInfo {
            ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
        }

        public GroupInfo(String id, String name, String type, String visibility, boolean rulesVisible, int version,
                         String description, List<String> ownerIds, Long memberCount) {
            this(id, name, type, visibility, rulesVisible, version, description, ownerIds, memberCount, null);
        }
    }

    record RoleInfo(String id, String name, String description, List<RolePolicy> policies) {
        public RoleInfo {
            policies = List.copyOf(policies);
        }
    }

    record DivisionInfo(String id, String name) {
    }

    /**
     * An OAuth client as listed; {@code grantType} may be null (the listing model lacks it), {@code tokenSeconds} is
     * null when not given.
     */
    /** @param created the client's {@code dateCreated}, or null when not known */
    record ClientInfo(String id, String name, String description, String grantType, Integer tokenSeconds,
                      List<String> redirectUris, List<String> scopes, Map<String, Set<String>> roleDivisions,
                      String state, java.time.Instant created) {
        public ClientInfo(String id, String name, String description, String grantType, Integer tokenSeconds,
                          List<String> redirectUris, List<String> scopes, Map<String, Set<String>> roleDivisions,
                          String state) {
            this(id, name, description, grantType, tokenSeconds, redirectUris, scopes, roleDivisions, state, null);
        }
    }

    record IntegrationInfo(String id, String name, String typeId, String intendedState) {
    }

    record AppConfigInfo(int version, String name, String url, String displayType, String featureCategory,
                         String sandbox, List<String> groupIds) {
    }

    /** An active user: id, name, e-mail, division, and the ids of the roles it holds (empty when not read). */
    record UserInfo(String id, String name, String email, String divisionId, Set<String> roleIds) {
        public UserInfo {
            roleIds = roleIds == null ? Set.of() : Set.copyOf(roleIds);
        }
    }

    record CreatedClient(String id, Secret secret) {
    }

    /** A subject holding a role: a user, group or OAuth client ({@code type} as Genesys names it), in divisions. */
    record RoleHolder(String subjectId, String name, String type, List<String> divisionIds) {
        public RoleHolder {
            divisionIds = List.copyOf(divisionIds);
        }
    }

    /** The org refused a role grant to an OAuth client through the subjects API (the route is inferred). */
    final class GrantRefused extends RuntimeException {
        public GrantRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A write was sent and then the connection failed or the server answered 5xx: it may or may not have been done,
     * now or later (see {@link #lateWriteWindow()}).
     */
    final class OutcomeUnknown extends ProvisionException {
        public OutcomeUnknown(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A versioned write was sent with a stale version. */
    final class VersionConflict extends RuntimeException {
        public VersionConflict(String message) {
            super(message);
        }
    }
}
