package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.OrgApi.AppConfigInfo;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;
import com.emite.setup.region.EmiteRedirectUrl;
import com.emite.setup.region.Environment;
import com.emite.setup.region.Region;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the org once and compares it with what eMite needs and what the admin chose: the result is a {@link Plan}.
 * Reads only. Every collection is read once (all pages) and reused for every step: one organization read, one identity
 * read, one catalog read for all domains, one listing each of roles, groups, divisions, OAuth clients and integrations
 * (plus the config of the eMite app if it exists), and one pass over the active users (with their roles) that answers
 * division membership, who already holds a licence role, and group members' e-mail addresses.
 */
public final class Planner {
    /** Who can fix an account's missing permissions, in the admin's words. */
    static final String ASK_ADMIN = "Ask a Genesys Cloud admin (for example someone with the Master Admin role) to "
            + "give your account a role that has it, or sign in with an account that has it.";

    private final OrgApi api;
    private final Needs needs;
    private final Environment environment;
    private final RunStore store;
    private final ProgressListener listener;
    private final CancellationToken token;

    public Planner(OrgApi api, Needs needs, Environment environment, RunStore store, ProgressListener listener,
                   CancellationToken token) {
        this.api = Objects.requireNonNull(api);
        this.needs = Objects.requireNonNull(needs);
        this.environment = Objects.requireNonNull(environment);
        this.store = Objects.requireNonNull(store);
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.token = token == null ? new CancellationToken() : token;
    }

    /** Reads the org and makes the plan for {@code choices}. */
    public Plan plan(Choices choices) {
        validateChoices(choices);
        OrgApi.CallCount start = api.calls();
        Journal journal = Journal.parse(store.loadJournal());
        List<PlanItem> items = new ArrayList<>();

        // ---- 1. organization, region, identity ----
        say("Reading the organization");
        OrgApi.OrgInfo org = api.organization();
        token.throwIfCancelled();
        Identity me = api.identity();
        token.throwIfCancelled();
        EmiteRedirectUrl.Result redirect = EmiteRedirectUrl.build(environment, org.shortName());
        String redirectUrl = redirect.url().orElse(null);
        Region region = environment.region().orElse(null);
        OrgFacts facts = new OrgFacts(org.id(), org.name(), org.shortName(),
                region == null ? environment.name() : region.name(),
                region == null ? null : region.genesysRegionId(), environment.emiteCode().orElse(null), redirectUrl,
                environment.apiBaseUrl().toString());
        if (redirectUrl != null) {
            items.add(PlanItem.present(ItemKind.ORGANIZATION, org.shortName(), org.id(),
                    "short name " + org.shortName(), "region " + facts.regionName() + ", eMite code "
                            + facts.emiteCode(), "redirect URL " + redirectUrl));
        } else {
            items.add(PlanItem.blocked(ItemKind.ORGANIZATION, org.shortName(), org.id(),
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, redirect.text(), "Without it the SSO client and the eMite app cannot be set "
                            + "up; everything else can. eMite support can give the region code.")));
        }

        // Reads the account may not make: stop here with a plan that says so (no further reads).
        List<PlanItem> readProblems = missingPermissions(me, List.of(
                new Need("authorization:role:view", "list roles"),
                new Need("oauth:client:view", "list OAuth clients"),
                new Need("integrations:integration:view", "list integrations"),
                new Need(ApiContract.PERMISSION_USERS_READ, "list users")));
        if (!readProblems.isEmpty()) {
            List<PlanItem> all = new ArrayList<>(readProblems);
            all.addAll(items);
            return new Plan(facts, me, choices, all, List.of(), resumeNote(journal),
                    api.calls().minus(start).reads(), Instant.now());
        }

        // ---- the collections, each read once ----
        say("Reading the permission catalog");
        Set<String> catalog = api.permissionCatalog(catalogDomains());
        token.throwIfCancelled();
        say("Reading roles");
        List<RoleInfo> roles = api.roles();
        token.throwIfCancelled();
        say("Reading groups");
        List<GroupInfo> groups = api.groups();
        token.throwIfCancelled();
        say("Reading divisions");
        List<DivisionInfo> divisions = api.divisions();
        token.throwIfCancelled();
        say("Reading OAuth clients");
        List<ClientInfo> clients = api.oauthClients();
        token.throwIfCancelled();
        say("Reading integrations");
        List<IntegrationInfo> integrations = api.integrations();
        token.throwIfCancelled();

        Map<String, RoleInfo> rolesByName = firstByName(roles, RoleInfo::name);
        Map<String, GroupInfo> groupsByName = firstByName(groups, GroupInfo::name);

        // ---- licence prerequisites (decides whether the users must be read for licences) ----
        boolean licenceOffered = catalog.contains(needs.licence().permission());
        List<DivisionInfo> chosenDivisions = divisions.stream().filter(d -> choices.includesDivision(d.name()))
                .sorted(Comparator.comparing(DivisionInfo::name)).toList();
        Map<String, String> licenceRoleIdByDivision = new HashMap<>();
        for (DivisionInfo d : chosenDivisions) {
            RoleInfo r = rolesByName.get(needs.licence().roleName(d.name()));
            if (r != null) {
                licenceRoleIdByDivision.put(d.id(), r.id());
            }
        }

        // ---- one pass over the active users ----
        Set<String> wantedEmails = choices.allMemberEmails();
        Map<String, String> userIdByEmail = new HashMap<>();
        Map<String, List<String>> unlicensedByDivision = new HashMap<>();
        Map<String, Integer> activeByDivision = new HashMap<>();
        boolean needUsers = !wantedEmails.isEmpty() || (licenceOffered && !chosenDivisions.isEmpty());
        if (needUsers) {
            say("Reading active users");
            Set<String> chosenIds = new HashSet<>();
            chosenDivisions.forEach(d -> chosenIds.add(d.id()));
            long[] pages = {0};
            api.forEachActiveUserPage(page -> {
                token.throwIfCancelled();
                listener.counted("pages of users read", ++pages[0], 0);
                for (OrgApi.UserInfo u : page) {
                    if (u.email() != null && wantedEmails.contains(u.email().toLowerCase(Locale.ROOT))) {
                        userIdByEmail.put(u.email().toLowerCase(Locale.ROOT), u.id());
                    }
                    if (licenceOffered && u.divisionId() != null && chosenIds.contains(u.divisionId())) {
                        activeByDivision.merge(u.divisionId(), 1, Integer::sum);
                        String roleId = licenceRoleIdByDivision.get(u.divisionId());
                        if (roleId == null || !u.roleIds().contains(roleId)) {
                            unlicensedByDivision.computeIfAbsent(u.divisionId(), k -> new ArrayList<>()).add(u.id());
                        }
                    }
                }
            });
        }

        // ---- 2. groups and members ----
        for (Needs.GroupNeed g : needs.groups()) {
            items.add(groupItem(g, groups));
        }
        for (Needs.GroupNeed g : needs.groups()) {
            items.addAll(GroupMembersRule.items(api, g.name(), choices.groupMembers().getOrDefault(g.name(),
                    List.of()), choices.groupRemovals().getOrDefault(g.name(), List.of()),
                    groupsByName.get(g.name()), userIdByEmail, needs.app().groupNames().contains(g.name())));
        }

        // ---- 3. role and permissions ----
        List<PermissionCheck> checks = new ArrayList<>();
        RoleInfo role = rolesByName.get(needs.role().name());
        List<String> offered = new ArrayList<>();
        Map<Integer, String> chosen = new HashMap<>(journal.permissionChoices());
        chosen.putAll(choices.permissionChoices());
        for (Needs.PermissionNeed p : needs.role().permissions()) {
            PermissionRows.Row r = PermissionRows.decide(p, catalog, choices, chosen.get(p.row()));
            if (r.item() != null) {
                items.add(r.item());
            }
            if (r.granted() != null) {
                offered.add(r.granted());
            }
            PermissionCheck c = r.check();
            checks.add(new PermissionCheck(c.row(), c.type(), c.name(), c.level(), c.permission(), c.offered(),
                    role != null && r.granted() != null && covers(role.policies(), r.granted()), c.reason(),
                    c.status(), c.candidates(), c.loses()));
        }
        String roleId = role == null ? null : role.id();
        if (role == null) {
            items.add(PlanItem.missing(ItemKind.ROLE, needs.role().name(),
                    new Action.CreateRole(needs.role().name(), needs.role().description(), policiesOf(offered)),
                    offered.size() + " permissions"));
        } else {
            List<String> lacking = offered.stream().filter(p -> !covers(role.policies(), p)).toList();
            if (lacking.isEmpty()) {
                items.add(PlanItem.present(ItemKind.ROLE, role.name(), role.id(),
                        offered.size() + " permissions in place"));
            } else {
                items.add(PlanItem.different(ItemKind.ROLE, role.name(), role.id(),
                        List.of("lacks " + lacking.size() + " permission" + (lacking.size() == 1 ? "" : "s") + ": "
                                + String.join(", ", lacking) + " (they are added; other permissions stay)"),
                        new Action.UpdateRole(role.id(), role.name(), orEmpty(role.description()),
                                merge(role.policies(), lacking))));
            }
        }

        // ---- 4. the role for the signed-in account ----
        boolean holdsRole = roleId != null && me.roleIds().contains(roleId);
        boolean grantedRecently = roleId != null && !holdsRole
                && journal.recentlyGranted(roleId, ApiContract.ALL_DIVISIONS).contains(me.id());
        if (grantedRecently) {
            items.add(new PlanItem(ItemKind.ROLE_GRANT, needs.role().name() + " to " + me.name(), ItemState.PRESENT,
                    List.of("granted by the last apply; Genesys has not applied it yet (apply waits for it)"), null,
                    roleId, new Action.AwaitGrant(needs.role().name(), roleId)));
        } else if (holdsRole) {
            items.add(PlanItem.present(ItemKind.ROLE_GRANT, needs.role().name() + " to " + me.name(), roleId));
        } else {
            items.add(PlanItem.missing(ItemKind.ROLE_GRANT, needs.role().name() + " to " + me.name(),
                    new Action.GrantRoleToIdentity(needs.role().name(), roleId, me.kind(), me.id(),
                            ApiContract.ALL_DIVISIONS),
                    "in all divisions; the OAuth clients can only be given a role your account holds"));
        }

        // ---- 5. OAuth clients ----
        for (ClientSpec raw : needs.clients()) {
            if (raw.wfm() && !choices.withWfm()) {
                continue;
            }
            items.addAll(clientItems(raw, redirectUrl, redirect, clients, roleId, choices, journal));
        }

        // ---- 6. the client app ----
        items.add(appItem(integrations, redirectUrl, redirect, groupsByName));

        // ---- 7. licences ----
        for (String name : choices.divisions()) {
            if (divisions.stream().noneMatch(d -> d.name().equals(name))) {
                items.add(PlanItem.blocked(ItemKind.LICENCE_ROLE, needs.licence().roleName(name), null,
                        Blocker.required(Fix.ALL_DIVISIONS, "There is no division named \"" + name + "\" in this org.",
                                "Check the name (it must match exactly, capitals included) or choose all divisions.")));
            }
        }
        if (!licenceOffered) {
            items.add(PlanItem.blocked(ItemKind.LICENCE_ROLE, needs.licence().roleName("<division>"), null,
                    Blocker.required(Fix.INSTALL_EMITE_APP, "The eMite app is not installed in this org: the licence permission "
                                    + needs.licence().permission() + " does not exist, so agents cannot be given "
                                    + "eMite licences.",
                            "Install eMite in Genesys Cloud (AppFoundry) or ask eMite to enable it for your org, "
                                    + "then run apply again. Everything else is set up without it.")));
        } else {
            for (DivisionInfo d : chosenDivisions) {
                RoleInfo licenceRole = rolesByName.get(needs.licence().roleName(d.name()));
                List<String> unlicensed = unlicensedByDivision.getOrDefault(d.id(), List.of());
                int pending = 0;
                if (licenceRole != null && !unlicensed.isEmpty()) {
                    Set<String> recent = journal.recentlyGranted(licenceRole.id(), d.id());
                    if (!recent.isEmpty()) {
                        List<String> still = unlicensed.stream().filter(u -> !recent.contains(u)).toList();
                        pending = unlicensed.size() - still.size();
                        unlicensed = still;
                    }
                }
                items.addAll(licenceItems(d, licenceRole, activeByDivision.getOrDefault(d.id(), 0), unlicensed,
                        pending, choices.perUserGrants()));
            }
        }

        // ---- preflight: may the account make every write of the plan? ----
        List<PlanItem> preflight = missingPermissions(me, writeNeeds(items));
        List<PlanItem> ordered = new ArrayList<>(preflight);
        ordered.addAll(items);
        long reads = api.calls().minus(start).reads();
        return new Plan(facts, me, choices, ordered, checks, resumeNote(journal), reads, Instant.now());
    }

    /**
     * The few reads the Integration Details Form needs (organization, groups, OAuth clients): a plan holding only
     * those items, for {@code export-form}.
     */
    public Plan formPlan(Choices choices) {
        OrgApi.CallCount start = api.calls();
        OrgApi.OrgInfo org = api.organization();
        EmiteRedirectUrl.Result redirect = EmiteRedirectUrl.build(environment, org.shortName());
        Region region = environment.region().orElse(null);
        OrgFacts facts = new OrgFacts(org.id(), org.name(), org.shortName(),
                region == null ? environment.name() : region.name(),
                region == null ? null : region.genesysRegionId(), environment.emiteCode().orElse(null),
                redirect.url().orElse(null), environment.apiBaseUrl().toString());
        List<GroupInfo> groups = api.groups();
        List<ClientInfo> clients = api.oauthClients();
        List<PlanItem> items = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            items.add(groups.stream().filter(x -> x.name().equals(g.name())).findFirst()
                    .map(x -> PlanItem.present(ItemKind.GROUP, g.name(), x.id()))
                    .orElse(new PlanItem(ItemKind.GROUP, g.name(), ItemState.MISSING, List.of(), null, null, null)));
        }
        for (ClientSpec c : needs.clients()) {
            if (c.wfm() && !choices.withWfm()) {
                continue;
            }
            RunStore.StoredSecret stored = store.client(c.name());
            List<ClientInfo> same = clients.stream().filter(x -> x.name().equals(c.name())).toList();
            items.add(same.stream().filter(x -> stored != null && x.id().equals(stored.clientId())).findFirst()
                    .or(() -> same.stream().findFirst())
                    .map(x -> PlanItem.present(ItemKind.OAUTH_CLIENT, c.name(), x.id()))
                    .orElse(new PlanItem(ItemKind.OAUTH_CLIENT, c.name(), ItemState.MISSING, List.of(), null, null,
                            null)));
        }
        Identity nobody = new Identity(Identity.Kind.USER, "", "(not read)", Set.of(), Set.of());
        return new Plan(facts, nobody, choices, items, List.of(), null, api.calls().minus(start).reads(),
                Instant.now());
    }

    // ------------------------------------------------------------------------------------------------------------

    private void validateChoices(Choices choices) {
        Set<String> groupNames = new HashSet<>();
        needs.groups().forEach(g -> groupNames.add(g.name()));
        for (String g : choices.groupMembers().keySet()) {
            if (!groupNames.contains(g)) {
                throw new ProvisionException("\"" + g + "\" is not one of the eMite groups ("
                        + String.join(", ", new TreeSet<>(groupNames)) + ").");
            }
        }
    }

    private void say(String text) {
        listener.message(text);
    }

    private List<String> catalogDomains() {
        Set<String> domains = new TreeSet<>();
        needs.role().permissions().forEach(p -> domains.add(p.permission().split(":")[0]));
        domains.add(needs.licence().permission().split(":")[0]);
        return List.copyOf(domains);
    }

    private PlanItem groupItem(Needs.GroupNeed need, List<GroupInfo> groups) {
        List<GroupInfo> same = groups.stream().filter(g -> g.name().equals(need.name())).toList();
        if (same.isEmpty()) {
            return PlanItem.missing(ItemKind.GROUP, need.name(), new Action.CreateGroup(need.name(), need.type(),
                    need.visibility(), need.rulesVisible(), need.description()));
        }
        GroupInfo g = same.get(0);
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " groups have this name; eMite uses the first one (id " + g.id() + ")");
        }
        boolean fixable = false;
        if (!eq(need.visibility(), g.visibility())) {
            diffs.add("visibility is " + g.visibility() + ", eMite needs " + need.visibility());
            fixable = true;
        }
        if (need.rulesVisible() != g.rulesVisible()) {
            diffs.add("rules visible is " + g.rulesVisible() + ", eMite needs " + need.rulesVisible());
            fixable = true;
        }
        boolean typeWrong = !eq(need.type(), g.type());
        if (typeWrong) {
            diffs.add("type is " + g.type() + ", eMite needs " + need.type());
        }
        if (typeWrong && !fixable) {
            return new PlanItem(ItemKind.GROUP, need.name(), ItemState.BLOCKED, diffs,
                    Blocker.optional(Fix.RENAME_GROUP, "The group is " + g.type() + ", not " + need.type() + ", and Genesys Cloud "
                            + "cannot change a group's type.", "If eMite users cannot see the group, rename it in "
                            + "Admin > Groups and run apply again to create a new " + need.type() + " group."),
                    g.id(), null);
        }
        if (fixable) {
            return PlanItem.different(ItemKind.GROUP, need.name(), g.id(), diffs,
                    new Action.UpdateGroup(g.id(), g.version(), g.name(), g.description(), g.ownerIds(),
                            need.visibility(), need.rulesVisible()));
        }
        return new PlanItem(ItemKind.GROUP, need.name(), ItemState.PRESENT, diffs, null, g.id(), null);
    }

    private List<PlanItem> clientItems(ClientSpec raw, String redirectUrl, EmiteRedirectUrl.Result redirect,
                                       List<ClientInfo> clients, String roleId, Choices choices, Journal journal) {
        boolean needsRedirect = raw.redirectUris().contains(Needs.REDIRECT_URL);
        if (needsRedirect && redirectUrl == null) {
            return List.of(PlanItem.blocked(ItemKind.OAUTH_CLIENT, raw.name(), null,
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, "This client needs the eMite redirect URL, which cannot be made: "
                            + redirect.text(), "Ask eMite support for your region's eMite code.")));
        }
        ClientSpec spec = needsRedirect ? new ClientSpec(raw.name(), raw.description(), raw.grantType(),
                raw.tokenSeconds(), raw.redirectUris().stream().map(u -> u.equals(Needs.REDIRECT_URL)
                ? redirectUrl : u).toList(), raw.scopes(), raw.roleName(), raw.wfm()) : raw;
        List<ClientInfo> same = clients.stream().filter(c -> c.name().equals(spec.name())).toList();
        if (same.isEmpty()) {
            return List.of(PlanItem.missing(ItemKind.OAUTH_CLIENT, spec.name(), new Action.CreateClient(spec),
                    spec.clientCredentials() ? "client credentials, role " + spec.roleName() + " in all divisions"
                            : "code authorization, redirect " + redirectUrl));
        }
        RunStore.StoredSecret stored = store.client(spec.name());
        ClientInfo listed = same.stream().filter(x -> stored != null && x.id().equals(stored.clientId()))
                .findFirst().orElse(same.get(0));
        // The listing has no grant type (SDK OAuthClientListing): the whole client is read to compare it.
        ClientInfo c = api.oauthClient(listed.id());
        List<PlanItem> out = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " OAuth clients have this name; eMite uses " + c.id());
        }
        List<String> fixes = new ArrayList<>();
        if (c.grantType() != null && !c.grantType().equals(spec.grantType())) {
            fixes.add("grant type is " + c.grantType() + ", eMite needs " + spec.grantType());
        }
        if (c.tokenSeconds() != null && c.tokenSeconds() != spec.tokenSeconds()) {
            fixes.add("token duration is " + c.tokenSeconds() + " s, eMite needs " + spec.tokenSeconds() + " s");
        }
        if (!spec.clientCredentials()) {
            if (!new HashSet<>(c.redirectUris()).containsAll(spec.redirectUris())) {
                fixes.add("redirect URL " + String.join(", ", spec.redirectUris()) + " is missing");
            }
            Set<String> missingScopes = new TreeSet<>(spec.scopes());
            missingScopes.removeAll(c.scopes());
            if (!missingScopes.isEmpty()) {
                fixes.add("scopes missing: " + String.join(", ", missingScopes));
            }
        } else if (spec.roleName() != null) {
            boolean hasRole = roleId != null && c.roleDivisions().getOrDefault(roleId, Set.of())
                    .contains(ApiContract.ALL_DIVISIONS);
            if (!hasRole) {
                fixes.add("does not have the role " + spec.roleName() + " in all divisions");
            }
        }
        if (c.state() != null && !c.state().equalsIgnoreCase("active")) {
            fixes.add("state is " + c.state() + ", eMite needs active");
        }
        diffs.addAll(fixes);
        if (fixes.isEmpty()) {
            out.add(new PlanItem(ItemKind.OAUTH_CLIENT, spec.name(), ItemState.PRESENT, diffs, null, c.id(), null));
        } else {
            // PUT replaces the whole client (reference §10): keep what eMite does not ask for.
            ClientSpec merged = new ClientSpec(spec.name(), c.description() != null ? c.description()
                    : spec.description(), spec.grantType(), spec.tokenSeconds(),
                    union(c.redirectUris(), spec.redirectUris()), union(c.scopes(), spec.scopes()), spec.roleName(),
                    spec.wfm());
            out.add(PlanItem.different(ItemKind.OAUTH_CLIENT, spec.name(), c.id(), diffs,
                    new Action.UpdateClient(c.id(), merged, c.roleDivisions())));
        }
        boolean secretKnown = stored != null && stored.clientId().equals(c.id());
        if (!secretKnown) {
            Journal.Step interrupted = journal.unfinishedStep(ItemKind.OAUTH_CLIENT.name() + ":" + spec.name());
            String reason = interrupted != null
                    ? "An earlier apply (" + interrupted.at() + ") created this client but stopped before its secret "
                    + "was saved, and Genesys shows a secret only once."
                    : "The client exists, but its secret is not in the vault (Genesys shows a secret only when it "
                    + "is made).";
            Blocker b = Blocker.required(Fix.RESET_UNKNOWN_SECRETS, reason, "Issue a new secret (the old one stops working), then give "
                    + "eMite the new one.");
            Action reset = choices.resetUnknownSecrets() ? new Action.ResetSecret(c.id(), spec.name()) : null;
            out.add(new PlanItem(ItemKind.CLIENT_SECRET, spec.name(), ItemState.SECRET_UNKNOWN,
                    List.of(reset != null ? "will be reset" : "needs a reset"), b, c.id(), reset));
        }
        return out;
    }

    private PlanItem appItem(List<IntegrationInfo> integrations, String redirectUrl, EmiteRedirectUrl.Result redirect,
                             Map<String, GroupInfo> groupsByName) {
        Needs.AppNeed need = needs.app();
        if (redirectUrl == null) {
            return PlanItem.blocked(ItemKind.CLIENT_APP, need.name(), null,
                    Blocker.required(Fix.ASK_EMITE_REGION_CODE, "The app's address is the eMite redirect URL, which cannot be made: "
                            + redirect.text(), "Ask eMite support for your region's eMite code."));
        }
        AppConfig config = new AppConfig(need.name(),
                need.url().equals(Needs.REDIRECT_URL) ? redirectUrl : need.url(), need.displayType(),
                need.featureCategory(), need.sandbox(), need.groupNames());
        List<IntegrationInfo> same = integrations.stream()
                .filter(i -> need.typeId().equals(i.typeId()) && need.name().equals(i.name())).toList();
        if (same.isEmpty()) {
            return PlanItem.missing(ItemKind.CLIENT_APP, need.name(),
                    new Action.ClientApp(null, need.name(), need.typeId(), 1, config, true, true),
                    "standalone, shown to members of " + String.join(", ", need.groupNames()));
        }
        IntegrationInfo app = same.get(0);
        AppConfigInfo current = api.integrationConfig(app.id());
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " apps have this name; eMite uses " + app.id());
        }
        boolean put = false;
        if (!eq(config.url(), current.url())) {
            diffs.add("URL is " + show(current.url()) + ", eMite needs " + config.url());
            put = true;
        }
        if (!eq(config.displayType(), current.displayType())) {
            diffs.add("type is " + show(current.displayType()) + ", eMite needs " + config.displayType());
            put = true;
        }
        if (!eq(orEmpty(config.featureCategory()), orEmpty(current.featureCategory()))) {
            diffs.add("category is " + show(current.featureCategory()) + ", eMite needs it blank");
            put = true;
        }
        if (!sandboxSet(config.sandbox()).equals(sandboxSet(current.sandbox()))) {
            diffs.add("sandbox options are " + show(current.sandbox()) + ", eMite needs " + config.sandbox());
            put = true;
        }
        List<String> wantedGroupIds = new ArrayList<>();
        boolean groupsKnown = true;
        for (String gName : need.groupNames()) {
            GroupInfo g = groupsByName.get(gName);
            if (g == null) {
                groupsKnown = false;
            } else {
                wantedGroupIds.add(g.id());
            }
        }
        if (!groupsKnown || !new HashSet<>(current.groupIds()).equals(new HashSet<>(wantedGroupIds))) {
            diffs.add("group filter is not exactly " + String.join(", ", need.groupNames()));
            put = true;
        }
        boolean enable = !"ENABLED".equalsIgnoreCase(app.intendedState());
        if (enable) {
            diffs.add("not enabled");
        }
        if (!put && !enable) {
            return new PlanItem(ItemKind.CLIENT_APP, need.name(), ItemState.PRESENT, diffs, null, app.id(), null);
        }
        return PlanItem.different(ItemKind.CLIENT_APP, need.name(), app.id(), diffs,
                new Action.ClientApp(app.id(), need.name(), need.typeId(), current.version(), config, put, enable));
    }

    private List<PlanItem> licenceItems(DivisionInfo d, RoleInfo role, int active, List<String> unlicensed,
                                        int pending, boolean perUser) {
        Needs.LicenceNeed lic = needs.licence();
        String roleName = lic.roleName(d.name());
        List<PlanItem> out = new ArrayList<>();
        int batch = perUser ? 1 : ApiContract.MAX_SUBJECTS_PER_GRANT_CALL;
        if (role == null) {
            out.add(PlanItem.missing(ItemKind.LICENCE_ROLE, roleName,
                    new Action.CreateRole(roleName, lic.description(), List.of(Policy.of(lic.permission()))),
                    "with " + lic.permission()));
        } else if (!covers(role.policies(), lic.permission())) {
            out.add(PlanItem.different(ItemKind.LICENCE_ROLE, roleName, role.id(),
                    List.of("lacks " + lic.permission() + " (it is added; other permissions stay)"),
                    new Action.UpdateRole(role.id(), role.name(), orEmpty(role.description()),
                            merge(role.policies(), List.of(lic.permission())))));
        } else {
            out.add(PlanItem.present(ItemKind.LICENCE_ROLE, roleName, role.id()));
        }
        String roleId = role == null ? null : role.id();
        String target = roleName;
        if (unlicensed.isEmpty()) {
            out.add(PlanItem.present(ItemKind.LICENCE_GRANTS, target, roleId, active == 0
                    ? "no active agents in " + d.name() : "all " + active + " active agents in " + d.name()
                    + " hold it" + (pending == 0 ? "" : " (" + pending + " granted by the last apply; Genesys "
                    + "shows them shortly)")));
        } else {
            Action grant = new Action.GrantLicence(roleName, roleId, d.id(), d.name(), unlicensed, batch);
            String words = unlicensed.size() + " of " + active + " active agents in " + d.name() + " lack it";
            out.add(role == null ? PlanItem.missing(ItemKind.LICENCE_GRANTS, target, grant, words)
                    : PlanItem.different(ItemKind.LICENCE_GRANTS, target, roleId, List.of(words), grant));
        }
        return out;
    }

    /** A permission the account needs for something, with the thing in words. */
    record Need(String permission, String what) {
    }

    private List<Need> writeNeeds(List<PlanItem> items) {
        Map<String, Need> out = new LinkedHashMap<>();
        for (PlanItem i : items) {
            Action a = i.action();
            if (a == null) {
                continue;
            }
            List<Need> n;
            if (a instanceof Action.CreateGroup) {
                n = List.of(new Need("directory:group:add", "create groups"));
            } else if (a instanceof Action.UpdateGroup) {
                n = List.of(new Need("directory:group:edit", "change groups"));
            } else if (a instanceof Action.AddGroupMembers) {
                n = List.of(new Need(ApiContract.PERMISSION_GROUP_MEMBERS, "add group members"));
            } else if (a instanceof Action.RemoveGroupMembers) {
                n = List.of(new Need(ApiContract.PERMISSION_GROUP_MEMBERS, "remove group members"));
            } else if (a instanceof Action.CreateRole) {
                n = List.of(new Need("authorization:role:add", "create roles"));
            } else if (a instanceof Action.UpdateRole) {
                n = List.of(new Need("authorization:role:edit", "change roles"));
            } else if (a instanceof Action.GrantRoleToIdentity || a instanceof Action.GrantLicence) {
                n = List.of(new Need("authorization:grant:add", "grant roles"));
            } else if (a instanceof Action.CreateClient) {
                n = List.of(new Need("oauth:client:add", "create OAuth clients"));
            } else if (a instanceof Action.UpdateClient) {
                n = List.of(new Need("oauth:client:edit", "change OAuth clients"));
            } else if (a instanceof Action.ResetSecret) {
                n = List.of(new Need("oauth:client:edit", "reset client secrets"));
            } else if (a instanceof Action.ClientApp x && x.integrationId() == null) {
                n = List.of(new Need("integrations:integration:add", "install the eMite app"),
                        new Need("integrations:integration:edit", "configure the eMite app"));
            } else {
                n = List.of(new Need("integrations:integration:edit", "configure the eMite app"));
            }
            n.forEach(need -> out.putIfAbsent(need.permission(), need));
        }
        return List.copyOf(out.values());
    }

    private static List<PlanItem> missingPermissions(Identity me, List<Need> needs) {
        List<PlanItem> out = new ArrayList<>();
        for (Need n : needs) {
            if (!me.holds(n.permission())) {
                out.add(PlanItem.blocked(ItemKind.PREFLIGHT, n.permission(), me.id(),
                        Blocker.required(Fix.ASK_ADMIN_FOR_PERMISSION, "Your account (" + me.describe() + ") may not " + n.what() + ": it lacks "
                                + "the permission " + n.permission() + ".", ASK_ADMIN)));
            }
        }
        return out;
    }

    private static String resumeNote(Journal journal) {
        Journal.Run r = journal.interruptedRun();
        if (r == null) {
            return null;
        }
        String how = switch (r.status()) {
            case RUNNING -> "stopped unexpectedly";
            case CANCELLED -> "was cancelled";
            case FAILED -> "failed" + (r.error() == null ? "" : " (" + r.error() + ")");
            case FINISHED -> "finished";
        };
        long open = r.steps().values().stream().filter(s -> s.status() != Journal.StepStatus.DONE).count();
        return "The apply started " + r.startedAt() + " by " + r.account() + " " + how + ". This plan continues "
                + "from what the org has now" + (open > 0 ? "; " + open + " step(s) it had started were looked up "
                + "by name first, so nothing is created twice." : ".");
    }

    /** The catalog's string for a permission row: exact, or (unconfirmed rows) the best of the candidates. */
    static String resolve(Needs.PermissionNeed p, Set<String> catalog) {
        if (PermissionRows.exact(p, catalog)) {
            return p.permission();
        }
        List<String> c = PermissionRows.candidates(p, catalog);
        return c.isEmpty() ? null : c.get(0);
    }

    /** True if the policies grant {@code permission} (wildcards included). */
    static boolean covers(List<Policy> policies, String permission) {
        String[] w = permission.split(":");
        for (Policy p : policies) {
            if (!(p.domain().equals(w[0]) || p.domain().equals("*"))) {
                continue;
            }
            if (!(p.entityName().equals(w[1]) || p.entityName().equals("*"))) {
                continue;
            }
            if (p.actions().contains("*") || p.actions().contains(w[2])) {
                return true;
            }
        }
        return false;
    }

    /** Permission strings → policies, one per domain+entity with all its actions. */
    static List<Policy> policiesOf(List<String> permissions) {
        return merge(List.of(), permissions);
    }

    /** The existing policies with the permissions added (actions merged into a matching policy; nothing removed). */
    static List<Policy> merge(List<Policy> existing, List<String> add) {
        List<Policy> out = new ArrayList<>(existing);
        for (String perm : add) {
            String[] w = perm.split(":");
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                Policy p = out.get(i);
                if (p.domain().equals(w[0]) && p.entityName().equals(w[1])) {
                    if (!p.actions().contains(w[2]) && !p.actions().contains("*")) {
                        List<String> actions = new ArrayList<>(p.actions());
                        if (w[2].equals("*")) {
                            actions.clear();
                        }
                        actions.add(w[2]);
                        out.set(i, p.withActions(actions));
                    }
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(new Policy(w[0], w[1], List.of(w[2])));
            }
        }
        return out;
    }

    /** {@code first}, then the items of {@code second} not in it. */
    private static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> out = new LinkedHashSet<>(first);
        out.addAll(second);
        return List.copyOf(out);
    }

    private static Set<String> sandboxSet(String s) {
        Set<String> out = new TreeSet<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    private static <T> Map<String, T> firstByName(List<T> list, java.util.function.Function<T, String> name) {
        Map<String, T> out = new HashMap<>();
        for (T t : list) {
            out.putIfAbsent(name.apply(t), t);
        }
        return out;
    }

    private static boolean eq(String a, String b) {
        return a == null ? b == null : b != null && a.equalsIgnoreCase(b);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String show(String s) {
        return s == null || s.isEmpty() ? "(blank)" : s;
    }
}
