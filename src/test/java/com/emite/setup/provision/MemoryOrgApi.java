package com.emite.setup.provision;

import com.emite.setup.common.Secret;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * An org in memory, for planner and executor rules that test in milliseconds: no HTTP, no lags, no paging. It keeps
 * only what the engine reads and writes; the sandbox over HTTP stays the end-to-end check of the wire.
 */
final class MemoryOrgApi implements OrgApi {
    OrgInfo org = new OrgInfo("org-1", "Acme", "acme");
    Identity me = new Identity(Identity.Kind.USER, "me", "Jane Admin", Set.of("*:*:*"), Set.of());
    final Set<String> catalog = new TreeSet<>();
    final Map<String, RoleInfo> roles = new LinkedHashMap<>();
    final Map<String, GroupInfo> groups = new LinkedHashMap<>();
    final Map<String, List<String>> groupMembers = new HashMap<>();
    final Map<String, DivisionInfo> divisions = new LinkedHashMap<>();
    final Map<String, ClientInfo> clients = new LinkedHashMap<>();
    final Map<String, UserInfo> users = new LinkedHashMap<>();
    final Map<String, IntegrationInfo> integrations = new LinkedHashMap<>();
    final Map<String, AppConfigInfo> configs = new HashMap<>();
    final List<String> writes = new ArrayList<>();
    long reads;
    /** How long each group create takes (a slow answer), 0 for none. */
    long createGroupMillis;
    /** Refuse role grants to OAuth clients through the subjects API (the org wants PUT /oauth/clients/{id}). */
    boolean refuseClientGrants;
    private int next = 1;
    /** The org's late-write window (an in-memory org does each write at once unless a test makes one late). */
    java.time.Duration lateWriteWindow = java.time.Duration.ZERO;
    /** When ≥ 0, the next group create gets no answer (OutcomeUnknown) and the org does it this many ms later. */
    long lateGroupCreateMillis = -1;
    /** Group creates that got no answer → when the org does them ({@link System#nanoTime()}). */
    private final Map<GroupInfo, Long> landing = new LinkedHashMap<>();

    MemoryOrgApi() {
        for (String p : new com.emite.setup.provision.BlueprintNeedsCatalog().strings()) {
            catalog.add(p);
        }
        divisions.put("d-home", new DivisionInfo("d-home", "Home"));
    }

    String id(String prefix) {
        return prefix + "-" + next++;
    }

    UserInfo addUser(String name, String email, String divisionId) {
        UserInfo u = new UserInfo(id("u"), name, email, divisionId, Set.of());
        users.put(u.id(), u);
        return u;
    }

    // ---- reads ----

    @Override
    public OrgInfo organization() {
        reads++;
        return org;
    }

    @Override
    public Identity identity() {
        reads++;
        return me;
    }

    @Override
    public Set<String> identityRoleIds(Identity identity) {
        reads++;
        return me.roleIds();
    }

    @Override
    public Set<String> permissionCatalog(List<String> domains) {
        reads++;
        return Set.copyOf(catalog);
    }

    @Override
    public List<RoleInfo> roles() {
        reads++;
        return List.copyOf(roles.values());
    }

    @Override
    public List<GroupInfo> groups() {
        reads++;
        landing.entrySet().removeIf(e -> {
            boolean landed = e.getValue() <= System.nanoTime();
            if (landed) {
                groups.put(e.getKey().id(), e.getKey());
            }
            return landed;
        });
        return groups.values().stream().map(g -> new GroupInfo(g.id(), g.name(), g.type(), g.visibility(),
                g.rulesVisible(), g.version(), g.description(), g.ownerIds(),
                (long) groupMembers.getOrDefault(g.id(), List.of()).size())).toList();
    }

    @Override
    public List<DivisionInfo> divisions() {
        reads++;
        return List.copyOf(divisions.values());
    }

    /** As the listing: without the grant type (the SDK's listing model lacks it). */
    @Override
    public List<ClientInfo> oauthClients() {
        reads++;
        return clients.values().stream().map(c -> new ClientInfo(c.id(), c.name(), c.description(), null,
                c.tokenSeconds(), c.redirectUris(), c.scopes(), c.roleDivisions(), c.state())).toList();
    }

    @Override
    public ClientInfo oauthClient(String clientId) {
        reads++;
        return clients.get(clientId);
    }

    @Override
    public List<IntegrationInfo> integrations() {
        reads++;
        return List.copyOf(integrations.values());
    }

    @Override
    public AppConfigInfo integrationConfig(String integrationId) {
        reads++;
        return configs.get(integrationId);
    }

    @Override
    public List<String> groupIndividualIds(String groupId) {
        reads++;
        return List.copyOf(groupMembers.getOrDefault(groupId, List.of()));
    }

    @Override
    public List<UserInfo> groupIndividuals(String groupId) {
        reads++;
        return groupMembers.getOrDefault(groupId, List.of()).stream().map(users::get).toList();
    }

    @Override
    public List<UserInfo> searchUsers(String text, int pageNumber, int pageSize) {
        reads++;
        String t = text.toLowerCase(java.util.Locale.ROOT);
        return users.values().stream().filter(u -> u.name().toLowerCase(java.util.Locale.ROOT).contains(t)
                        || u.email().toLowerCase(java.util.Locale.ROOT).contains(t))
                .skip((long) (pageNumber - 1) * pageSize).limit(pageSize).toList();
    }

    @Override
    public int groupVersion(String groupId) {
        reads++;
        return groups.get(groupId).version();
    }

    @Override
    public void forEachActiveUserPage(Consumer<List<UserInfo>> page) {
        reads++;
        page.accept(List.copyOf(users.values()));
    }

    @Override
    public CallCount calls() {
        return new CallCount(reads, writes.size());
    }

    // ---- writes ----

    @Override
    public java.time.Duration lateWriteWindow() {
        return lateWriteWindow;
    }

    @Override
    public GroupInfo createGroup(String name, String type, String visibility, boolean rulesVisible,
                                 String description) {
        writes.add("createGroup " + name);
        if (createGroupMillis > 0) {
            try {
                Thread.sleep(createGroupMillis); // a slow answer; the executor's deadline interrupts it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunCancelledException();
            }
        }
        GroupInfo g = new GroupInfo(id("g"), name, type, visibility, rulesVisible, 1, description, List.of(), 0L);
        if (lateGroupCreateMillis >= 0) {
            landing.put(g, System.nanoTime() + lateGroupCreateMillis * 1_000_000);
            lateGroupCreateMillis = -1;
            throw new OutcomeUnknown("Outcome unknown: create the group " + name + " (read timed out)", null);
        }
        groups.put(g.id(), g);
        return g;
    }

    @Override
    public int updateGroup(String groupId, int version, String name, String description, List<String> ownerIds,
                           String visibility, boolean rulesVisible) {
        writes.add("updateGroup " + name);
        GroupInfo g = groups.get(groupId);
        groups.put(groupId, new GroupInfo(groupId, name, g.type(), visibility, rulesVisible, version + 1,
                description, ownerIds, null));
        return version + 1;
    }

    @Override
    public void addGroupMembers(String groupId, int version, List<String> userIds) {
        writes.add("addGroupMembers " + userIds.size());
        List<String> m = groupMembers.computeIfAbsent(groupId, k -> new ArrayList<>());
        userIds.stream().filter(u -> !m.contains(u)).forEach(m::add);
    }

    @Override
    public void removeGroupMembers(String groupId, List<String> userIds) {
        writes.add("removeGroupMembers " + userIds.size());
        groupMembers.getOrDefault(groupId, new ArrayList<>()).removeAll(userIds);
    }

    @Override
    public RoleInfo createRole(String name, String description, List<RolePolicy> policies) {
        writes.add("createRole " + name);
        RoleInfo r = new RoleInfo(id("r"), name, description, policies);
        roles.put(r.id(), r);
        return r;
    }

    @Override
    public void updateRole(String roleId, String name, String description, List<RolePolicy> policies) {
        writes.add("updateRole " + name);
        roles.put(roleId, new RoleInfo(roleId, name, description, policies));
    }

    @Override
    public void grantRole(String roleId, String subjectType, List<String> subjectIds, List<String> divisionIds) {
        writes.add("grantRole " + roleId + " " + subjectIds.size());
        if (refuseClientGrants && subjectType.equals("PC_OAUTH_CLIENT")) {
            throw new GrantRefused("refused", null);
        }
        for (String s : subjectIds) {
            if (s.equals(me.id())) {
                Set<String> r = new LinkedHashSet<>(me.roleIds());
                r.add(roleId);
                me = new Identity(me.kind(), me.id(), me.name(), me.permissions(), r);
            } else if (users.containsKey(s)) {
                UserInfo u = users.get(s);
                Set<String> r = new LinkedHashSet<>(u.roleIds());
                r.add(roleId);
                users.put(s, new UserInfo(u.id(), u.name(), u.email(), u.divisionId(), r));
            }
        }
    }

    @Override
    public void grantRoleToOne(String roleId, String subjectType, String subjectId, String divisionId) {
        grantRole(roleId, subjectType, List.of(subjectId), List.of(divisionId));
    }

    @Override
    public CreatedClient createClient(ClientSpec spec, Map<String, String> roleDivisions) {
        writes.add("createClient " + spec.name());
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        roleDivisions.forEach((r, d) -> rd.put(r, Set.of(d)));
        ClientInfo c = new ClientInfo(id("c"), spec.name(), spec.description(), spec.grantType(),
                spec.tokenSeconds(), spec.redirectUris(), spec.scopes(), rd, "active");
        clients.put(c.id(), c);
        return new CreatedClient(c.id(), Secret.of("secret-" + c.id()));
    }

    @Override
    public void updateClient(String clientId, ClientSpec spec, Map<String, Set<String>> roleDivisions) {
        writes.add("updateClient " + spec.name());
        if (clientId.equals(me.id())) {
            Set<String> r = new LinkedHashSet<>(me.roleIds());
            r.addAll(roleDivisions.keySet());
            me = new Identity(me.kind(), me.id(), me.name(), me.permissions(), r);
        }
        clients.put(clientId, new ClientInfo(clientId, spec.name(), spec.description(), spec.grantType(),
                spec.tokenSeconds(), spec.redirectUris(), spec.scopes(), roleDivisions, "active"));
    }

    @Override
    public void deleteGroup(String groupId) {
        writes.add("deleteGroup " + groupId);
        groups.remove(groupId);
    }

    @Override
    public void deleteClient(String clientId) {
        writes.add("deleteClient " + clientId);
        clients.remove(clientId);
    }

    @Override
    public List<RoleHolder> roleHolders(String roleId) {
        List<RoleHolder> out = new java.util.ArrayList<>();
        if (me.roleIds().contains(roleId)) {
            out.add(new RoleHolder(me.id(), me.name(), me.kind() == Identity.Kind.USER ? "PC_USER"
                    : "PC_OAUTH_CLIENT", List.of("*")));
        }
        users.values().stream().filter(u -> u.roleIds().contains(roleId)).forEach(u -> out.add(new RoleHolder(
                u.id(), u.name(), "PC_USER", List.of(u.divisionId()))));
        return out;
    }

    @Override
    public void revokeRole(String subjectId, String divisionId, String roleId) {
        writes.add("revokeRole " + roleId + " " + subjectId);
        if (subjectId.equals(me.id())) {
            Set<String> r = new LinkedHashSet<>(me.roleIds());
            r.remove(roleId);
            me = new Identity(me.kind(), me.id(), me.name(), me.permissions(), r);
        } else if (users.containsKey(subjectId)) {
            UserInfo u = users.get(subjectId);
            Set<String> r = new LinkedHashSet<>(u.roleIds());
            r.remove(roleId);
            users.put(subjectId, new UserInfo(u.id(), u.name(), u.email(), u.divisionId(), r));
        }
    }

    @Override
    public void deleteRole(String roleId) {
        writes.add("deleteRole " + roleId);
        roles.remove(roleId);
    }

    @Override
    public void deleteIntegration(String integrationId) {
        writes.add("deleteIntegration " + integrationId);
        integrations.remove(integrationId);
    }

    @Override
    public Secret resetSecret(String clientId) {
        writes.add("resetSecret " + clientId);
        return Secret.of("reset-" + clientId);
    }

    @Override
    public String createIntegration(String name, String typeId) {
        writes.add("createIntegration " + name);
        IntegrationInfo i = new IntegrationInfo(id("i"), name, typeId, "DISABLED");
        integrations.put(i.id(), i);
        configs.put(i.id(), new AppConfigInfo(1, name, null, null, null, null, List.of()));
        return i.id();
    }

    @Override
    public int putIntegrationConfig(String integrationId, int version, AppConfig config, List<String> groupIds) {
        writes.add("putIntegrationConfig " + integrationId);
        configs.put(integrationId, new AppConfigInfo(version + 1, config.name(), config.url(),
                config.displayType(), config.featureCategory(), config.sandbox(), groupIds));
        return version + 1;
    }

    @Override
    public void enableIntegration(String integrationId) {
        writes.add("enableIntegration " + integrationId);
        IntegrationInfo i = integrations.get(integrationId);
        integrations.put(integrationId, new IntegrationInfo(i.id(), i.name(), i.typeId(), "ENABLED"));
    }
}
