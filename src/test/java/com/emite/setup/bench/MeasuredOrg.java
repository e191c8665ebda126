package com.emite.setup.bench;

import java.util.List;
import java.util.Set;

/**
 * What a sandbox org holds at one moment, as far as the lower bound needs it: sizes of every collection the setup
 * must read, and which of eMite's objects already exist. Read over the API by {@link FactsReader}.
 *
 * @param activeUsers       active users (all divisions, the admin included)
 * @param divisions         every division with its active users and how many of them lack its licence role
 * @param roles             roles in the org
 * @param groups            groups in the org
 * @param oauthClients      OAuth clients in the org
 * @param integrations      integrations in the org
 * @param catalogEntities   entities (one per domain) the permission catalog returns for eMite's domains
 * @param licenceOffered    the catalog has eMite's licence permission
 * @param roleNames         names of the roles
 * @param groupNames        names of the groups
 * @param clientNames       names of the OAuth clients
 * @param appExists         the eMite client app exists (by type and name)
 * @param appEnabled        it is enabled
 * @param identityHoldsRole the signed-in admin client holds the eMite role (in force)
 */
record MeasuredOrg(int activeUsers, List<Division> divisions, int roles, int groups, int oauthClients, int integrations,
                int catalogEntities, boolean licenceOffered, Set<String> roleNames, Set<String> groupNames,
                Set<String> clientNames, boolean appExists, boolean appEnabled, boolean identityHoldsRole) {

    /**
     * @param active            active users whose division this is
     * @param unlicensed        of which those without the division's licence role
     * @param licenceRoleExists the division's licence role exists
     */
    record Division(String id, String name, int active, int unlicensed, boolean licenceRoleExists) {
    }

    int unlicensed() {
        return divisions.stream().mapToInt(Division::unlicensed).sum();
    }

    /** One line for the benchmark's printout. */
    String summary() {
        return "users_active=" + activeUsers + " divisions=" + divisions.size() + " unlicensed=" + unlicensed()
                + " roles=" + roles + " groups=" + groups + " clients=" + oauthClients + " integrations="
                + integrations + " catalog_entities=" + catalogEntities + " app=" + (appExists ? (appEnabled
                ? "enabled" : "disabled") : "missing") + " identity_holds_role=" + identityHoldsRole;
    }
}
