package com.emite.setup.provision;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.CallStats;
import com.emite.setup.genesys.ConflictException;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.SignInMethod;
import com.emite.setup.genesys.model.AuthzGrant;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.NamedEntity;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link OrgApi} over the typed {@link GenesysClient}: each method is one request (or one paged listing), and every
 * failure becomes a {@link ProvisionException} carrying the client's plain message.
 */
public final class GenesysOrgApi implements OrgApi {
    /** Users per page handed to the planner (the client reads them 100 per request, lazily). */
    private static final int USER_PAGE = 100;

    private final GenesysClient client;
    /** The last config read per integration, so that a PUT keeps properties the engine does not manage. */
    private final Map<String, IntegrationConfiguration> configs = new ConcurrentHashMap<>();
    private OrgInfo org;

    public GenesysOrgApi(GenesysClient client) {
        this.client = client;
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
        SignInMethod method = client.signInMethod().orElseThrow(() -> new ProvisionException("Not signed in."));
        if (method != SignInMethod.CLIENT_CREDENTIALS) {
            try {
                User me = client.getMe("authorization");
                return userIdentity(me);
            } catch (GenesysApiException e) {
                if (method == SignInMethod.BROWSER_PKCE || e.kind() == GenesysApiException.Kind.NOT_SIGNED_IN) {
                    throw new ProvisionException(e.userMessage(), e);
                }
                // A pasted client-credentials token: no user behind it.
            }
        }
        // Signed in with client credentials, the client's id is known: no token lookup (one request less per run).
        String ownId = method == SignInMethod.CLIENT_CREDENTIALS ? client.clientCredentialsId().orElse(null) : null;
        String ownName = null;
        if (ownId == null) {
            TokenInfo info = call(client::getTokenInfo);
            OAuthClient own = info.oauthClient();
            if (own == null || own.id() == null) {
                throw new ProvisionException("Genesys Cloud did not say which OAuth client this token belongs to, "
                        + "so its permissions cannot be checked. Sign in another way.");
            }
            ownId = own.id();
            ownName = own.name();
        }
        String subjectId = ownId;
        AuthzSubject subject = call(() -> clientSubject(subjectId));
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        if (subject.grants() != null) {
            for (AuthzGrant g : subject.grants()) {
                if (g.role() == null) {
                    continue;
                }
                roles.add(g.role().id());
                if (g.role().policies() != null) {
                    g.role().policies().forEach(p -> {
                        if (p.actions() != null) {
                            p.actions().forEach(a -> permissions.add(p.domain() + ":" + p.entityName() + ":" + a));
                        }
                    });
                }
            }
        }
        String name = ownName != null ? ownName : subject.name() != null ? subject.name() : ownId;
        return new Identity(Identity.Kind.CLIENT, ownId, name, permissions, roles);
    }

    /**
     * The grants of the OAuth client signed in with client credentials: GET /authorization/subjects/me, or, when the
     * API refuses that without a user (400, 403 or 404), GET /authorization/subjects/{ownClientId} (reference §9,
     * {@link com.emite.setup.contract.ApiContract#SUBJECTS_ME_FOR_CLIENT_CREDENTIALS}).
     */
    private AuthzSubject clientSubject(String ownClientId) {
        try {
            return client.getMySubject();
        } catch (GenesysApiException e) {
            int st = e.status();
            if (ownClientId == null || (st != 400 && st != 403 && st != 404)) {
                throw e;
            }
            return client.getSubject(ownClientId);
        }
    }

    private static Identity userIdentity(User me) {
        Set<String> permissions = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        if (me.authorization() != null) {
            if (me.authorization().permissions() != null) {
                permissions.addAll(me.authorization().permissions());
            }
            if (me.authorization().permissionPolicies() != null) {
                for (DomainPermissionPolicy p : me.authorization().permissionPolicies()) {
                    if (p.actionSet() != null) {
                        p.actionSet().forEach(a -> permissions.add(p.domain() + ":" + p.entityName() + ":" + a));
                    }
                }
            }
            if (me.authorization().roles() != null) {
                me.authorization().roles().forEach(r -> roles.add(r.id()));
            }
        }
        String name = me.name() != null ? me.name() : me.email() != null ? me.email() : me.id();
        return new Identity(Identity.Kind.USER, me.id(), name, permissions, roles);
    }

    @Override
    public Set<String> identityRoleIds(Identity identity) {
        if (identity.kind() == Identity.Kind.USER) {
            return userIdentity(call(() -> client.getMe("authorization"))).roleIds();
        }
        AuthzSubject s = call(() -> clientSubject(identity.id()));
        Set<String> roles = new HashSet<>();
        if (s.grants() != null) {
            s.grants().stream().filter(g -> g.role() != null).forEach(g -> roles.add(g.role().id()));
        }
        return roles;
    }

    @Override
    public Set<String> permissionCatalog(List<String> domains) {
        return call(() -> client.getPermissionCatalog(domains).permissions());
    }

    @Override
    public List<RoleInfo> roles() {
        return call(() -> client.listRoles().map(GenesysOrgApi::role).toList());
    }

    private static RoleInfo role(DomainOrganizationRole r) {
        List<RolePolicy> policies = new ArrayList<>();
        if (r.permissionPolicies() != null) {
            for (DomainPermissionPolicy p : r.permissionPolicies()) {
                policies.add(new RolePolicy(p.domain(), p.entityName(),
                        p.actionSet() == null ? List.of() : p.actionSet(), p));
            }
        } else if (r.permissions() != null) {
            for (String s : r.permissions()) {
                if (s.split(":").length == 3) {
                    policies.add(RolePolicy.of(s));
                }
            }
        }
        return new RoleInfo(r.id(), r.name(), r.description(), policies);
    }

    @Override
    public List<GroupInfo> groups() {
        return call(() -> client.listGroups().map(GenesysOrgApi::group).toList());
    }

    private static GroupInfo group(Group g) {
        List<String> owners = g.owners() == null ? List.of()
                : g.owners().stream().map(User::id).filter(java.util.Objects::nonNull).toList();
        return new GroupInfo(g.id(), g.name(), g.type(), g.visibility(),
                g.rulesVisible() == null || g.rulesVisible(), g.version() == null ? 1 : g.version(), g.description(),
                owners, g.memberCount(), instant(g.dateModified()));
    }

    /** A date of the API (ISO-8601), or null when absent or unreadable: it only ever adds a notice. */
    private static java.time.Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
    }

    @Override
    public List<DivisionInfo> divisions() {
        return call(() -> client.listDivisions().map(d -> new DivisionInfo(d.id(), d.name())).toList());
    }

    @Override
    public List<ClientInfo> oauthClients() {
        return call(() -> client.listOAuthClients().map(GenesysOrgApi::clientInfo).toList());
    }

    private static ClientInfo clientInfo(OAuthClient c) {
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        if (c.roleDivisions() != null) {
            for (RoleDivision r : c.roleDivisions()) {
                rd.computeIfAbsent(r.roleId(), k -> new LinkedHashSet<>()).add(r.divisionId());
            }
        }
        return new ClientInfo(c.id(), c.name(), c.description(), c.authorizedGrantType(),
                c.accessTokenValiditySeconds() == null ? null : (int) (long) c.accessTokenValiditySeconds(),
                c.registeredRedirectUri() == null ? List.of() : c.registeredRedirectUri(),
                c.scope() == null ? List.of() : c.scope(), rd, c.state(), instant(c.dateCreated()));
    }

    @Override
    public List<IntegrationInfo> integrations() {
        return call(() -> client.listIntegrations().map(i -> new IntegrationInfo(i.id(), integrationName(i),
                i.typeId(), i.intendedState())).toList());
    }

    private static String integrationName(Integration i) {
        if (i.name() != null) {
            return i.name();
        }
        return i.config() != null && i.config().current() != null ? i.config().current().name() : null;
    }

    @Override
    public AppConfigInfo integrationConfig(String integrationId) {
        IntegrationConfiguration c = call(() -> client.getIntegrationConfig(integrationId));
        configs.put(integrationId, c);
        JsonObject p = c.properties() == null ? new JsonObject() : c.properties();
        List<String> groups = new ArrayList<>();
        JsonElement g = p.get(com.emite.setup.contract.ApiContract.CLIENT_APP_GROUPS_PROPERTY);
        if (g != null && g.isJsonArray()) {
            g.getAsJsonArray().forEach(e -> {
                if (e.isJsonPrimitive()) {
                    groups.add(e.getAsString());
                } else if (e.isJsonObject() && e.getAsJsonObject().has("id")) {
                    groups.add(e.getAsJsonObject().get("id").getAsString());
                }
            });
        } else if (g != null && g.isJsonPrimitive() && !g.getAsString().isBlank()) {
            for (String s : g.getAsString().split(",")) {
                groups.add(s.trim());
            }
        }
        return new AppConfigInfo(c.version() == null ? 1 : c.version(), c.name(), text(p, "url"),
                text(p, "displayType"), text(p, "featureCategory"), text(p, "sandbox"), groups);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    @Override
    public List<String> groupIndividualIds(String groupId) {
        return call(() -> client.listGroupIndividuals(groupId).map(User::id).toList());
    }

    @Override
    public List<UserInfo> groupIndividuals(String groupId) {
        return call(() -> client.listGroupIndividuals(groupId).map(GenesysOrgApi::userInfo).toList());
    }

    @Override
    public List<UserInfo> searchUsers(String text, int pageNumber, int pageSize) {
        SearchRequest q = new SearchRequest(pageSize, pageNumber, null, null, List.of(new SearchCriterion(
                SearchCriterion.CONTAINS, List.of("name", "email"), text.trim(), null, null, null, null, null,
                null)), null);
        return call(() -> client.searchUsers(q).limit(pageSize).map(GenesysOrgApi::userInfo).toList());
    }

    private static UserInfo userInfo(User u) {
        Set<String> roles = new HashSet<>();
        if (u.authorization() != null && u.authorization().roles() != null) {
            for (NamedEntity r : u.authorization().roles()) {
                roles.add(r.id());
            }
        }
        return new UserInfo(u.id(), u.name(), u.email(), u.division() == null ? null : u.division().id(), roles);
    }

    @Override
    public ClientInfo oauthClient(String clientId) {
        return clientInfo(call(() -> client.getOAuthClient(clientId)));
    }

    @Override
    public void removeGroupMembers(String groupId, List<String> userIds) {
        call(() -> {
            client.removeGroupMembers(groupId, userIds);
            return null;
        });
    }

    @Override
    public int groupVersion(String groupId) {
        Group g = call(() -> client.getGroup(groupId));
        return g.version() == null ? 1 : g.version();
    }

    @Override
    public void forEachActiveUserPage(Consumer<List<UserInfo>> page) {
        call(() -> {
            List<UserInfo> buffer = new ArrayList<>(USER_PAGE);
            client.listUsers(User.STATE_ACTIVE, List.of("authorization")).forEach(u -> {
                buffer.add(userInfo(u));
                if (buffer.size() == USER_PAGE) {
                    page.accept(List.copyOf(buffer));
                    buffer.clear();
                }
            });
            if (!buffer.isEmpty()) {
                page.accept(List.copyOf(buffer));
            }
            return null;
        });
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
        return group(g);
    }

    @Override
    public int updateGroup(String groupId, int version, String name, String description, List<String> ownerIds,
                           String visibility, boolean rulesVisible) {
        try {
            Group g = client.updateGroup(groupId, new GroupUpdate(version, name, description, null, visibility,
                    rulesVisible, ownerIds));
            return g != null && g.version() != null ? g.version() : version + 1;
        } catch (ConflictException e) {
            throw new VersionConflict(e.userMessage());
        } catch (GenesysApiException e) {
            throw new ProvisionException(e.userMessage(), e);
        }
    }

    @Override
    public void addGroupMembers(String groupId, int version, List<String> userIds) {
        try {
            client.addGroupMembers(groupId, version, userIds);
        } catch (ConflictException e) {
            throw new VersionConflict(e.userMessage());
        } catch (GenesysApiException e) {
            throw new ProvisionException(e.userMessage(), e);
        }
    }

    @Override
    public RoleInfo createRole(String name, String description, List<RolePolicy> policies) {
        return role(call(() -> client.createRole(new RoleRequest(name, description, apiPolicies(policies)))));
    }

    @Override
    public void updateRole(String roleId, String name, String description, List<RolePolicy> policies) {
        call(() -> client.updateRole(roleId, new RoleRequest(name, description, apiPolicies(policies))));
    }

    private static List<DomainPermissionPolicy> apiPolicies(List<RolePolicy> policies) {
        List<DomainPermissionPolicy> out = new ArrayList<>();
        for (RolePolicy p : policies) {
            if (p.original() instanceof DomainPermissionPolicy o) {
                out.add(new DomainPermissionPolicy(o.domain(), o.entityName(), p.actions(), o.allowConditions(),
                        o.resourceConditionNode(), o.policyName(), o.policyDescription(), o.namedResources()));
            } else {
                out.add(DomainPermissionPolicy.of(p.domain(), p.entityName(), p.actions()));
            }
        }
        return out;
    }

    @Override
    public void grantRole(String roleId, String subjectType, List<String> subjectIds, List<String> divisionIds) {
        try {
            call(() -> {
                client.grantRoleToSubjects(roleId, SubjectType.valueOf(subjectType), subjectIds, divisionIds);
                return null;
            });
        } catch (ProvisionException e) {
            if (e.getCause() instanceof GenesysApiException g && (g.status() == 400 || g.status() == 403
                    || g.status() == 404) && SubjectType.valueOf(subjectType) == SubjectType.PC_OAUTH_CLIENT) {
                throw new GrantRefused(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public void grantRoleToOne(String roleId, String subjectType, String subjectId, String divisionId) {
        call(() -> {
            client.grantRole(subjectId, SubjectType.valueOf(subjectType), divisionId, roleId);
            return null;
        });
    }

    @Override
    public CreatedClient createClient(ClientSpec spec, Map<String, String> roleDivisions) {
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        roleDivisions.forEach((role, division) -> rd.put(role, Set.of(division)));
        OAuthClient c = call(() -> client.createOAuthClient(request(spec, rd)));
        if (c.secret() == null) {
            throw new ProvisionException("Genesys Cloud created the OAuth client " + spec.name() + " (id " + c.id()
                    + ") but sent no secret. Run apply again with --reset-unknown-secrets to issue one.");
        }
        return new CreatedClient(c.id(), c.secret());
    }

    @Override
    public void updateClient(String clientId, ClientSpec spec, Map<String, Set<String>> roleDivisions) {
        call(() -> client.updateOAuthClient(clientId, request(spec, roleDivisions)));
    }

    /**
     * The whole client (POST, and PUT, which replaces every field, reference §10): redirect URIs and scopes for a
     * code client, role/division pairs for a client-credentials client (each ignored by the other grant type).
     */
    private static OAuthClientRequest request(ClientSpec spec, Map<String, Set<String>> roleDivisions) {
        List<RoleDivision> rd = new ArrayList<>();
        roleDivisions.forEach((role, divisions) -> divisions.forEach(d -> rd.add(new RoleDivision(role, d))));
        if (spec.clientCredentials()) {
            return new OAuthClientRequest(spec.name(), spec.description(), (long) spec.tokenSeconds(),
                    spec.grantType(), spec.redirectUris().isEmpty() ? null : spec.redirectUris(),
                    spec.scopes().isEmpty() ? null : spec.scopes(), rd, OAuthClient.STATE_ACTIVE);
        }
        return new OAuthClientRequest(spec.name(), spec.description(), (long) spec.tokenSeconds(), spec.grantType(),
                spec.redirectUris(), spec.scopes(), rd.isEmpty() ? null : rd, OAuthClient.STATE_ACTIVE);
    }

    @Override
    public void deleteGroup(String groupId) {
        call(() -> {
            client.deleteGroup(groupId);
            return null;
        });
    }

    @Override
    public void deleteClient(String clientId) {
        call(() -> {
            OAuthClient c = client.getOAuthClient(clientId);
            client.updateOAuthClient(clientId, new OAuthClientRequest(c.name(), c.description(),
                    c.accessTokenValiditySeconds(), c.authorizedGrantType(), c.registeredRedirectUri(), c.scope(),
                    c.roleDivisions(), "inactive"));
            client.deleteOAuthClient(clientId);
            return null;
        });
    }

    @Override
    public List<RoleHolder> roleHolders(String roleId) {
        return call(() -> client.listRoleSubjectGrants(roleId).map(g -> new RoleHolder(g.id(), g.name(), g.type(),
                g.divisions() == null ? List.of() : g.divisions().stream()
                        .map(com.emite.setup.genesys.model.NamedEntity::id).toList())).toList());
    }

    @Override
    public void revokeRole(String subjectId, String divisionId, String roleId) {
        call(() -> {
            client.revokeRole(subjectId, divisionId, roleId);
            return null;
        });
    }

    @Override
    public void deleteRole(String roleId) {
        call(() -> {
            client.deleteRole(roleId);
            return null;
        });
    }

    @Override
    public void deleteIntegration(String integrationId) {
        call(() -> {
            client.deleteIntegration(integrationId);
            return null;
        });
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
        IntegrationConfiguration previous = configs.get(integrationId);
        JsonObject properties = previous != null && previous.properties() != null
                ? previous.properties().deepCopy() : new JsonObject();
        properties.addProperty("url", config.url());
        properties.addProperty("displayType", config.displayType());
        properties.addProperty("featureCategory", config.featureCategory() == null ? "" : config.featureCategory());
        properties.addProperty("sandbox", config.sandbox());
        JsonArray groups = new JsonArray();
        groupIds.forEach(groups::add);
        properties.add(com.emite.setup.contract.ApiContract.CLIENT_APP_GROUPS_PROPERTY, groups);
        IntegrationConfiguration body = new IntegrationConfiguration(null, config.name(), version, properties,
                previous != null && previous.advanced() != null ? previous.advanced() : new JsonObject(),
                previous != null && previous.notes() != null ? previous.notes() : "",
                previous != null && previous.credentials() != null ? previous.credentials() : new JsonObject(), null);
        try {
            IntegrationConfiguration saved = client.putIntegrationConfig(integrationId, body);
            if (saved != null) {
                configs.put(integrationId, saved);
            }
            return saved != null && saved.version() != null ? saved.version() : version + 1;
        } catch (ConflictException e) {
            throw new VersionConflict(e.userMessage());
        } catch (GenesysApiException e) {
            throw new ProvisionException(e.userMessage(), e);
        }
    }

    @Override
    public void enableIntegration(String integrationId) {
        call(() -> client.setIntegrationState(integrationId, Integration.ENABLED));
    }

    /**
     * A simulator on this computer (the sandbox: an address on loopback, never Genesys Cloud) does each write within
     * its answer delay, a few seconds at most; Genesys Cloud within {@link ApiContract#LATE_WRITE_WINDOW_SECONDS}.
     */
    @Override
    public java.time.Duration lateWriteWindow() {
        return com.emite.setup.region.Environment.isLoopback(client.apiBase().host()) ? ON_THIS_COMPUTER
                : OrgApi.super.lateWriteWindow();
    }

    /** The late-write window of a simulator on loopback: the sandbox does a late create at most 4 s late. */
    static final java.time.Duration ON_THIS_COMPUTER = java.time.Duration.ofSeconds(5);

    /** Runs a client call, turning its exceptions into plain {@link ProvisionException}s. */
    private static <T> T call(Supplier<T> s) {
        try {
            return s.get();
        } catch (GenesysApiException e) {
            if (e.kind() == GenesysApiException.Kind.CANCELLED) {
                throw new RunCancelledException();
            }
            String message = e.userMessage() == null ? e.getMessage() : e.userMessage();
            if (e.kind() == GenesysApiException.Kind.OUTCOME_UNKNOWN) {
                throw new OutcomeUnknown(message, e);
            }
            throw new ProvisionException(message, e);
        }
    }
}
