package com.emite.setup.provision;

import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;
import com.emite.setup.region.EmiteRedirectUrl;
import com.emite.setup.region.Environment;
import com.emite.setup.region.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads the org once for a plan: one organization read, one identity read, one catalog read for all domains, one
 * listing each of roles, groups, divisions, OAuth clients and integrations, each eMite client in full (the listing
 * lacks the grant type), the eMite app's config if it exists, the individuals of the groups the admin changes, and one
 * pass over the active users that answers division membership, who holds a licence role, and e-mail addresses.
 */
final class SnapshotReader {
    private final OrgApi api;
    private final Needs needs;
    private final Environment environment;
    private final RunStore store;
    private final ProgressListener listener;
    private final CancellationToken token;

    SnapshotReader(OrgApi api, Needs needs, Environment environment, RunStore store, ProgressListener listener,
                   CancellationToken token) {
        this.api = api;
        this.needs = needs;
        this.environment = environment;
        this.store = store;
        this.listener = listener;
        this.token = token;
    }

    static OrgFacts facts(OrgApi.OrgInfo org, Environment environment, EmiteRedirectUrl.Result redirect) {
        Region region = environment.region().orElse(null);
        return new OrgFacts(org.id(), org.name(), org.shortName(),
                region == null ? environment.name() : region.name(),
                region == null ? null : region.genesysRegionId(), environment.emiteCode().orElse(null),
                redirect.url().orElse(null), environment.apiBaseUrl().toString());
    }

    /**
     * The eMite redirect URL. A short name outside the guide's "lowercase, no special characters" is used as the org
     * has it (percent-encoded for the URL path), with a warning in the plan ({@link OrgStep}), not a block.
     */
    static EmiteRedirectUrl.Result redirect(Environment environment, String shortName) {
        EmiteRedirectUrl.Result r = EmiteRedirectUrl.build(environment, shortName);
        if (r instanceof EmiteRedirectUrl.Unavailable u && !u.missingEmiteCode() && shortName != null
                && !shortName.isBlank() && environment.emiteCode().isPresent()) {
            String encoded = java.net.URLEncoder.encode(shortName.strip(), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20");
            return new EmiteRedirectUrl.Ready(EmiteRedirectUrl.render(environment.emiteCode().get(), encoded));
        }
        return r;
    }

    /** What every read starts with: the journal, the organization, who is signed in, and the org's facts. */
    private record Start(Journal journal, OrgApi.OrgInfo org, Identity me, EmiteRedirectUrl.Result redirect,
                         OrgFacts facts) {
        /** The snapshot that stops at reads the account may not make (no further reads); the plan says so. */
        OrgSnapshot stoppedBy(List<PlanItem> readProblems) {
            return new OrgSnapshot(org, me, facts, redirect, journal, readProblems, Set.of(), List.of(), List.of(),
                    List.of(), List.of(), Map.of(), List.of(), null, Map.of(), OrgSnapshot.Users.NONE);
        }
    }

    private Start start() {
        Journal journal = Journal.parse(store.loadJournal());
        say("Reading the organization");
        OrgApi.OrgInfo org = api.organization();
        token.throwIfCancelled();
        Identity me = api.identity();
        token.throwIfCancelled();
        EmiteRedirectUrl.Result redirect = redirect(environment, org.shortName());
        return new Start(journal, org, me, redirect, facts(org, environment, redirect));
    }

    OrgSnapshot read(Choices choices) {
        Start st = start();
        Journal journal = st.journal();
        OrgApi.OrgInfo org = st.org();
        Identity me = st.me();
        EmiteRedirectUrl.Result redirect = st.redirect();
        OrgFacts facts = st.facts();
        List<PlanItem> readProblems = Preflight.readProblems(me);
        if (!readProblems.isEmpty()) {
            return st.stoppedBy(readProblems);
        }
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

        OrgSnapshot partial = new OrgSnapshot(org, me, facts, redirect, journal, List.of(), catalog, roles, groups,
                divisions, clients, Map.of(), integrations, null, Map.of(), OrgSnapshot.Users.NONE);
        Map<String, ClientInfo> full = new LinkedHashMap<>();
        for (ClientSpec c : needs.clients()) {
            if (c.wfm() && !choices.withWfm()) {
                continue;
            }
            ClientInfo listed = partial.emiteClient(c.name(), store);
            if (listed != null) {
                full.put(listed.id(), api.oauthClient(listed.id()));
                token.throwIfCancelled();
            }
        }
        ClientInfo upkeep = partial.emiteClient(UpkeepNeed.CLIENT_NAME, store);
        if (upkeep != null) {
            full.put(upkeep.id(), api.oauthClient(upkeep.id()));
            token.throwIfCancelled();
        }
        OrgApi.AppConfigInfo appConfig = null;
        List<IntegrationInfo> apps = partial.emiteApps(needs.app());
        if (!apps.isEmpty() && partial.redirectUrl() != null) {
            appConfig = api.integrationConfig(apps.get(0).id());
            token.throwIfCancelled();
        }
        Map<String, Set<String>> individuals = new HashMap<>();
        Map<String, GroupInfo> byName = partial.groupsByName();
        for (Needs.GroupNeed g : needs.groups()) {
            boolean changed = !choices.groupMembers().getOrDefault(g.name(), List.of()).isEmpty()
                    || !choices.groupRemovals().getOrDefault(g.name(), List.of()).isEmpty();
            GroupInfo group = byName.get(g.name());
            if (changed && group != null) {
                individuals.put(group.id(), new HashSet<>(api.groupIndividualIds(group.id())));
                token.throwIfCancelled();
            }
        }
        return new OrgSnapshot(org, me, facts, redirect, journal, List.of(), catalog, roles, groups, divisions,
                clients, full, integrations, appConfig, individuals, users(choices, catalog, roles, divisions));
    }

    /**
     * The reads the licence step alone needs (keep-licences): the organization, who is signed in, the licence
     * permission in the catalog, roles, divisions and the active users. Groups, OAuth clients and integrations are not
     * read, so an upkeep account needs no right to see them.
     */
    OrgSnapshot readLicences(Choices choices) {
        Start st = start();
        List<PlanItem> readProblems = Preflight.licenceReadProblems(st.me());
        if (!readProblems.isEmpty()) {
            return st.stoppedBy(readProblems);
        }
        say("Reading the licence permission");
        Set<String> catalog = api.permissionCatalog(List.of(needs.licence().permission().split(":")[0]));
        token.throwIfCancelled();
        say("Reading roles");
        List<RoleInfo> roles = api.roles();
        token.throwIfCancelled();
        say("Reading divisions");
        List<DivisionInfo> divisions = api.divisions();
        token.throwIfCancelled();
        Choices licencesOnly = new Choices(false, choices.divisions(), Map.of(), false, choices.perUserGrants());
        return new OrgSnapshot(st.org(), st.me(), st.facts(), st.redirect(), st.journal(), List.of(), catalog, roles,
                List.of(), divisions, List.of(), Map.of(), List.of(), null, Map.of(),
                users(licencesOnly, catalog, roles, divisions));
    }

    /** One pass over the active users, only when the plan needs it (members named, or licences to count). */
    private OrgSnapshot.Users users(Choices choices, Set<String> catalog, List<RoleInfo> roles,
                                    List<DivisionInfo> divisions) {
        boolean licenceOffered = catalog.contains(needs.licence().permission());
        List<DivisionInfo> chosen = divisions.stream().filter(d -> choices.includesDivision(d.name()))
                .sorted(Comparator.comparing(DivisionInfo::name)).toList();
        Set<String> wantedEmails = choices.allMemberEmails();
        if (wantedEmails.isEmpty() && !(licenceOffered && !chosen.isEmpty())) {
            return OrgSnapshot.Users.NONE;
        }
        Map<String, RoleInfo> rolesByName = Compare.firstByName(roles, RoleInfo::name);
        Map<String, String> licenceRoleIdByDivision = new HashMap<>();
        for (DivisionInfo d : chosen) {
            RoleInfo r = rolesByName.get(needs.licence().roleName(d.name()));
            if (r != null) {
                licenceRoleIdByDivision.put(d.id(), r.id());
            }
        }
        Set<String> chosenIds = new HashSet<>();
        chosen.forEach(d -> chosenIds.add(d.id()));
        Map<String, String> idByEmail = new HashMap<>();
        Map<String, List<String>> unlicensed = new HashMap<>();
        Map<String, List<String>> leavers = new HashMap<>();
        Map<String, Integer> active = new HashMap<>();
        say("Reading active users");
        long[] pages = {0};
        api.forEachActiveUserPage(page -> {
            token.throwIfCancelled();
            listener.counted("pages of users read", ++pages[0], 0);
            for (OrgApi.UserInfo u : page) {
                if (u.email() != null && wantedEmails.contains(u.email().toLowerCase(Locale.ROOT))) {
                    idByEmail.put(u.email().toLowerCase(Locale.ROOT), u.id());
                }
                for (Map.Entry<String, String> e : licenceRoleIdByDivision.entrySet()) {
                    if (u.roleIds().contains(e.getValue()) && !e.getKey().equals(u.divisionId())) {
                        leavers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(u.id());
                    }
                }
                if (licenceOffered && u.divisionId() != null && chosenIds.contains(u.divisionId())) {
                    active.merge(u.divisionId(), 1, Integer::sum);
                    String roleId = licenceRoleIdByDivision.get(u.divisionId());
                    if (roleId == null || !u.roleIds().contains(roleId)) {
                        unlicensed.computeIfAbsent(u.divisionId(), k -> new ArrayList<>()).add(u.id());
                    }
                }
            }
        });
        return new OrgSnapshot.Users(idByEmail, active, unlicensed, leavers);
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
}
