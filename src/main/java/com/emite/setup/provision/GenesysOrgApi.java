package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.CallStats;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.NamedEntity;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.region.Environment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static com.emite.setup.provision.OrgApiCalls.call;
import static com.emite.setup.provision.OrgApiCalls.run;
import static com.emite.setup.provision.OrgApiCalls.versioned;

/**
 * {@link OrgApi} over the typed {@link GenesysClient}: each method is one request (or one paged listing). The
 * translation of wire models lives in {@link OrgApiMapping}, that of failures in {@link OrgApiCalls}, the signed-in
 * identity in {@link SignedInIdentity} and the client app's configuration in {@link ClientAppConfigs}.
 */
public final class GenesysOrgApi implements OrgApi {
    /** Users per page handed to the planner (the client reads them 100 per request, lazily). */
    private static final int USER_PAGE = 100;

    /** The late-write window of a simulator on loopback: the sandbox does a late create at most 4 s late. */
    static final Duration ON_THIS_COMPUTER = Duration.ofSeconds(5);

    private final GenesysClient client;
    private final SignedInIdentity identity;
    private final ClientAppConfigs appConfigs;
    private OrgInfo org;

    public GenesysOrgApi(GenesysClient client) {
        this.client = client;
        this.identity = new SignedInIdentity(client);
        this.appConfigs = new ClientAppConfigs(client);
    }

    public GenesysClient client() {
        return client;
    }

    // ---- reads ----

    /** The org never changes during a session: read once, then kept. */
    @Override
    public synchronized OrgInfo organization() {
        if (org == null) {
            Organization o = call(client::getOrganization);
            org = new OrgInfo(o.id(), o.name(), o.thirdPartyOrgName());
        }
        return org;
    }

    @Override
    public Identity identity() {
        return identity.read();
    }

    @Override
    public Set<String> identityRoleIds(Identity who) {
        return identity.roleIds(who);
    }

    @Override
    public Set<String> permissionCatalog(List<String> domains) {
        return call(() -> client.getPermissionCatalog(domains).permissions());
    }

    @Override
    public List<RoleInfo> roles() {
        return call(() -> client.listRoles().map(OrgApiMapping::role).toList());
    }

    @Override
    public List<GroupInfo> groups() {
        return call(() -> client.listGroups().map(OrgApiMapping::group).toList());
    }

    @Override
    public List<DivisionInfo> divisions() {
        return call(() -> client.listDivisions().map(d -> new DivisionInfo(d.id(), d.name())).toList());
    }

    @Override
    public List<ClientInfo> oauthClients() {
        return call(() -> client.listOAuthClients().map(OrgApiMapping::clientInfo).toList());
    }

    @Override
    public List<IntegrationInfo> integrations() {
        return call(() -> client.listIntegrations().map(OrgApiMapping::integration).toList());
    }

    @Override
    public AppConfigInfo integrationConfig(String integrationId) {
        return appConfigs.read(integrationId);
    }

    @Override
    public List<String> groupIndividualIds(String groupId) {
        return call(() -> client.listGroupIndividuals(groupId).map(User::id).toList());
    }

    @Override
    public List<UserInfo> groupIndividuals(String groupId) {
        return call(() -> client.listGroupIndividuals(groupId).map(OrgApiMapping::userInfo).toList());
    }

    @Override
    public List<UserInfo> searchUsers(String text, int pageNumber, int pageSize) {
        SearchRequest q = new SearchRequest(pageSize, pageNumber, null, null, List.of(new SearchCriterion(
                SearchCriterion.CONTAINS, List.of("name", "email"), text.trim(), null, null, null, null, null,
                null)), null);
        return call(() -> client.searchUsers(q).limit(pageSize).map(OrgApiMapping::userInfo).toList());
    }

    @Override
    public ClientInfo oauthClient(String clientId) {
        return OrgApiMapping.clientInfo(call(() -> client.getOAuthClient(clientId)));
    }

    @Override
    public int groupVersion(String groupId) {
        Group g = call(() -> client.getGroup(groupId));
        return g.version() == null ? 1 : g.version();
    }

    @Override
    public void forEachActiveUserPage(Consumer<List<UserInfo>> page) {
        run(() -> {
            List<UserInfo> buffer = new ArrayList<>(USER_PAGE);
            client.listUsers(User.STATE_ACTIVE, List.of("authorization")).forEach(u -> {
                buffer.add(OrgApiMapping.userInfo(u));
                if (buffer.size() == USER_PAGE) {
                    page.accept(List.copyOf(buffer));
                    buffer.clear();
                }
            });
            if (!buffer.isEmpty()) {
                page.accept(List.copyOf(buffer));
            }
        });
    }

    @Override
    public List<RoleHolder> roleHolders(String roleId) {
        return call(() -> client.listRoleSubjectGrants(roleId).map(g -> new RoleHolder(g.id(), g.name(), g.type(),
                g.divisions() == null ? List.of() : g.divisions().stream().map(NamedEntity::id).toList())).toList());
    }

    @Override
    public CallCount calls() {
        CallStats.Snapshot s = client.stats().snapshot();
        return new CallCount(s.reads(), s.writes());
    }

    // ---- writes ----

    @Override
    public GroupInfo createGroup(String name, String type, String visibility, boolean rulesVisible,
                                 String description) {
        Group g = call(() -> client.createGroup(new GroupCreate(name, description, type, visibility, rulesVisible,
                List.of())));
        return OrgApiMapping.group(g);
    }

    @Override
    public int updateGroup(String groupId, int version, String name, String description, List<String> ownerIds,
                           String visibility, boolean rulesVisible) {
        Group g = versioned(() -> client.updateGroup(groupId, new GroupUpdate(version, name, description, null,
                visibility, rulesVisible, ownerIds)));
        return g != null && g.version() != null ? g.version() : version + 1;
    }

    @Override
    public void addGroupMembers(String groupId, int version, List<String> userIds) {
        versioned(() -> {
            client.addGroupMembers(groupId, version, userIds);
            return null;
        });
    }

    @Override
    public void removeGroupMembers(String groupId, List<String> userIds) {
        run(() -> client.removeGroupMembers(groupId, userIds));
    }

    @Override
    public RoleInfo createRole(String name, String description, List<RolePolicy> policies) {
        return OrgApiMapping.role(call(() -> client.createRole(new RoleRequest(name, description,
                OrgApiMapping.apiPolicies(policies)))));
    }

    @Override
    public void updateRole(String roleId, String name, String description, List<RolePolicy> policies) {
        call(() -> client.updateRole(roleId, new RoleRequest(name, description, OrgApiMapping.apiPolicies(policies))));
    }

    @Override
    public void grantRole(String roleId, String subjectType, List<String> subjectIds, List<String> divisionIds) {
        SubjectType type = SubjectType.valueOf(subjectType);
        try {
            run(() -> client.grantRoleToSubjects(roleId, type, subjectIds, divisionIds));
        } catch (ProvisionException e) {
            if (e.getCause() instanceof GenesysApiException g && (g.status() == 400 || g.status() == 403
                    || g.status() == 404) && type == SubjectType.PC_OAUTH_CLIENT) {
                throw new GrantRefused(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public void grantRoleToOne(String roleId, String subjectType, String subjectId, String divisionId) {
        run(() -> client.grantRole(subjectId, SubjectType.valueOf(subjectType), divisionId, roleId));
    }

    @Override
    public void revokeRole(String subjectId, String divisionId, String roleId) {
        run(() -> client.revokeRole(subjectId, divisionId, roleId));
    }

    @Override
    public CreatedClient createClient(ClientSpec spec, Map<String, String> roleDivisions) {
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        roleDivisions.forEach((role, division) -> rd.put(role, Set.of(division)));
        OAuthClient c = call(() -> client.createOAuthClient(OrgApiMapping.clientRequest(spec, rd)));
        if (c.secret() == null) {
            throw new ProvisionException("Genesys Cloud created the OAuth client " + spec.name() + " (id " + c.id()
                    + ") but sent no secret, so the vault cannot keep one: the next check lists it as a client whose "
                    + "secret must be reset.");
        }
        return new CreatedClient(c.id(), c.secret());
    }

    @Override
    public void updateClient(String clientId, ClientSpec spec, Map<String, Set<String>> roleDivisions) {
        call(() -> client.updateOAuthClient(clientId, OrgApiMapping.clientRequest(spec, roleDivisions)));
    }

    @Override
    public Secret resetSecret(String clientId) {
        OAuthClient c = call(() -> client.resetOAuthClientSecret(clientId));
        if (c.secret() == null) {
            throw new ProvisionException("Genesys Cloud reset the secret of the OAuth client " + clientId
                    + " but sent no new secret. Try again.");
        }
        return c.secret();
    }

    @Override
    public String createIntegration(String name, String typeId) {
        return call(() -> client.createIntegration(name, typeId)).id();
    }

    @Override
    public int putIntegrationConfig(String integrationId, int version, AppConfig config, List<String> groupIds) {
        return appConfigs.write(integrationId, version, config, groupIds);
    }

    @Override
    public void enableIntegration(String integrationId) {
        call(() -> client.setIntegrationState(integrationId, Integration.ENABLED));
    }

    @Override
    public void deleteGroup(String groupId) {
        run(() -> client.deleteGroup(groupId));
    }

    /** An OAuth client is switched off before it is deleted, so that a failed delete leaves no live client. */
    @Override
    public void deleteClient(String clientId) {
        run(() -> {
            OAuthClient c = client.getOAuthClient(clientId);
            client.updateOAuthClient(clientId, c.toRequest(OAuthClient.STATE_INACTIVE));
            client.deleteOAuthClient(clientId);
        });
    }

    @Override
    public void deleteRole(String roleId) {
        run(() -> client.deleteRole(roleId));
    }

    @Override
    public void deleteIntegration(String integrationId) {
        run(() -> client.deleteIntegration(integrationId));
    }

    /**
     * A simulator on this computer (the sandbox: an address on loopback, never Genesys Cloud) does each write within
     * its answer delay, a few seconds at most; Genesys Cloud within {@link ApiContract#LATE_WRITE_WINDOW_SECONDS}.
     */
    @Override
    public Duration lateWriteWindow() {
        return Environment.isLoopback(client.apiBase().host()) ? ON_THIS_COMPUTER : OrgApi.super.lateWriteWindow();
    }
}
