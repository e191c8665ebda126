package com.emite.setup.provision;

import com.emite.setup.provision.OrgApi.AppConfigInfo;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;
import com.emite.setup.region.EmiteRedirectUrl;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The org as read once for a plan ({@link SnapshotReader}): every planning step is a pure function of this, the needs
 * and the admin's choices. Collections are empty when the account may not read them ({@link #readProblems}).
 *
 * @param org            organization
 * @param me             who is signed in
 * @param facts          step 1's facts
 * @param redirect       the eMite redirect URL, or why it cannot be made
 * @param journal        the org's apply journal (from the vault)
 * @param readProblems   reads the account may not make (then nothing else was read)
 * @param catalog        the permission catalog of eMite's domains
 * @param roles          every role
 * @param groups         every group (listing)
 * @param divisions      every division
 * @param clients        every OAuth client (listing, no grant type)
 * @param fullClients    id → the client read in full, for the eMite-named clients the plan compares
 * @param integrations   every integration
 * @param appConfig      the eMite app's current config, or null when there is no app (or no redirect URL)
 * @param individuals    group id → its individual members, for groups the admin adds people to or takes out
 * @param users          what the one pass over the active users found
 */
record OrgSnapshot(OrgApi.OrgInfo org, Identity me, OrgFacts facts, EmiteRedirectUrl.Result redirect,
                   Journal journal, List<PlanItem> readProblems, Set<String> catalog, List<RoleInfo> roles,
                   List<GroupInfo> groups, List<DivisionInfo> divisions, List<ClientInfo> clients,
                   Map<String, ClientInfo> fullClients, List<IntegrationInfo> integrations,
                   AppConfigInfo appConfig, Map<String, Set<String>> individuals, Users users) {

    /**
     * The active users as the plan needs them.
     *
     * @param idByEmail            lower-case e-mail → user id, for the e-mails the admin named
     * @param activeByDivision     division id → active agents (users whose division is it), chosen divisions only
     * @param unlicensedByDivision division id → agents lacking the division's licence role
     */
    record Users(Map<String, String> idByEmail, Map<String, Integer> activeByDivision,
                 Map<String, List<String>> unlicensedByDivision) {
        static final Users NONE = new Users(Map.of(), Map.of(), Map.of());
    }

    String redirectUrl() {
        return redirect.url().orElse(null);
    }

    Map<String, RoleInfo> rolesByName() {
        return Compare.firstByName(roles, RoleInfo::name);
    }

    Map<String, GroupInfo> groupsByName() {
        return Compare.firstByName(groups, GroupInfo::name);
    }

    /** The listed client with this name that eMite uses: the one whose secret the vault holds, else the first. */
    ClientInfo emiteClient(String name, RunStore store) {
        List<ClientInfo> same = clients.stream().filter(c -> c.name().equals(name)).toList();
        if (same.isEmpty()) {
            return null;
        }
        RunStore.StoredSecret stored = store.client(name);
        return same.stream().filter(x -> stored != null && x.id().equals(stored.clientId())).findFirst()
                .orElse(same.get(0));
    }

    /** The integrations that are the eMite app (its type and name). */
    List<IntegrationInfo> emiteApps(Needs.AppNeed need) {
        return integrations.stream().filter(i -> need.typeId().equals(i.typeId()) && need.name().equals(i.name()))
                .toList();
    }
}
