package com.emite.setup.genesys;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.DivisionsPermitted;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.EntityListing;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntegrationType;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthScope;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleDivisionGrants;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectDivisionGrants;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Calls that tests use to set up or check an org and the product does not need: they were public methods of
 * {@link GenesysClient} and live here so the product carries no dead code. Built on the client's own request helper,
 * so they go through the same transport (token, retries, errors) as the product's calls.
 */
public final class TestCalls {
    private final GenesysClient client;
    private final ApiRequests r;

    private TestCalls(GenesysClient client) {
        this.client = client;
        this.r = client.requests();
    }

    public static TestCalls of(GenesysClient client) {
        return new TestCalls(client);
    }

    /** Browser sign-in in one blocking call: start, wait for the browser, exchange the code. 1 token call. */
    public AccessToken signInWithBrowser(BrowserSignIn.Options options, BrowserOpener opener) {
        try (BrowserSignIn s = client.startBrowserSignIn(options, opener)) {
            return s.await();
        }
    }

    /**
     * Re-reads the group and applies {@code change} to a {@link GroupUpdate} at its current version (name,
     * description, visibility, rulesVisible and owners as they are), retrying on a version conflict (up to
     * {@link RetryPolicy#maxVersionRetries()}). 2 calls in the common case.
     */
    public Group updateGroup(String groupId, UnaryOperator<GroupUpdate> change) {
        return withVersionRetry("update the group " + groupId, () -> {
            Group g = client.getGroup(groupId);
            GroupUpdate base = new GroupUpdate(g.version(), g.name(), g.description(), null, g.visibility(),
                    g.rulesVisible(), g.ownerIds());
            return client.updateGroup(groupId, change.apply(base).withVersion(g.version()));
        });
    }

    /**
     * Adds any number of members: batches of {@link ApiContract#MAX_GROUP_MEMBERS_PER_CALL}, each after a fresh GET
     * of the group's version, retrying a batch on a version conflict. 2 calls per batch in the common case.
     */
    public void addGroupMembers(String groupId, Collection<String> memberIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(memberIds));
        for (List<String> batch : ApiRequests.chunks(ids, ApiContract.MAX_GROUP_MEMBERS_PER_CALL)) {
            withVersionRetry("add members to the group " + groupId, () -> {
                Group g = client.getGroup(groupId);
                client.addGroupMembers(groupId, g.version() == null ? 1 : g.version(), batch);
                return null;
            });
        }
    }

    /** {@code HEAD /api/v2/tokens/me}: true if the token is valid, false on 401. */
    public boolean isTokenValid() {
        try {
            r.send("HEAD", r.api("tokens", "me"), true, "check the token");
            return true;
        } catch (NotSignedInException e) {
            return false;
        }
    }

    public Optional<User> findUserByEmail(String email) {
        return client.findUsersByEmail(email).stream().findFirst();
    }

    public Stream<Group> searchGroups(SearchRequest request) {
        return r.search("groups", request, Group.class, "search groups");
    }

    /** Groups named exactly {@code name} via search (EXACT, compared again): lags behind creates (§3.3). */
    public List<Group> findGroupsByName(String name) {
        return searchGroups(SearchRequest.of(SearchCriterion.exact("name", name)))
                .filter(g -> name.equals(g.name())).collect(Collectors.toList());
    }

    /** Groups named exactly {@code name} by paging the listing: consistent. */
    public List<Group> findGroupsByNameInListing(String name) {
        return client.listGroups().filter(g -> name.equals(g.name())).collect(Collectors.toList());
    }

    public void deleteGroup(String groupId) {
        r.write("DELETE", r.api("groups", groupId), null, Transport.Repeat.SAFE, null, "delete the group " + groupId);
    }

    /** Roles named exactly {@code name} ({@code ?name=…&userCount=false}, compared again here). */
    public List<DomainOrganizationRole> findRolesByName(String name) {
        return r.pages(() -> r.api("authorization", "roles").addQueryParameter("userCount", "false")
                        .addQueryParameter("name", name), DomainOrganizationRole.class, "list roles")
                .filter(role -> name.equals(role.name())).collect(Collectors.toList());
    }

    public DomainOrganizationRole getRole(String roleId) {
        return r.get(r.api("authorization", "roles", roleId).addQueryParameter("userCount", "false"),
                DomainOrganizationRole.class, "read the role " + roleId);
    }

    public void deleteRole(String roleId) {
        r.write("DELETE", r.api("authorization", "roles", roleId), null, Transport.Repeat.SAFE, null,
                "delete the role " + roleId);
    }

    public AuthzDivision getHomeDivision() {
        return r.get(r.api("authorization", "divisions", "home"), AuthzDivision.class, "read the home division");
    }

    /** {@code GET /api/v2/authorization/divisionspermitted/paged/me?permission=…}, all pages. */
    public DivisionsPermitted divisionsPermittedForMe(String permission) {
        boolean[] all = {false};
        List<AuthzDivision> divisions = Pages.listing(ApiContract.MAX_PAGE_SIZE, (n, size) -> {
            EntityListing<AuthzDivision> page = r.getPage(r.api("authorization", "divisionspermitted", "paged", "me")
                    .addQueryParameter("permission", permission), n, size, AuthzDivision.class,
                    "check where you hold " + permission);
            if (Boolean.TRUE.equals(page.allDivsPermitted())) {
                all[0] = true;
            }
            return page;
        }).collect(Collectors.toList());
        return new DivisionsPermitted(all[0], divisions);
    }

    public void bulkAddGrants(String subjectId, SubjectType type, List<RoleDivision> grants) {
        r.write("POST", r.api("authorization", "subjects", subjectId, "bulkadd")
                        .addQueryParameter("subjectType", type.name()), new RoleDivisionGrants(List.copyOf(grants)),
                Transport.Repeat.SAFE, null, "grant roles to " + subjectId);
    }

    public Stream<SubjectDivisionGrants> listRoleSubjectGrants(String roleId) {
        return r.pages(() -> r.api("authorization", "roles", roleId, "subjectgrants"), SubjectDivisionGrants.class,
                "list who holds the role " + roleId);
    }

    public List<OAuthClient> findOAuthClientsByName(String name) {
        return client.listOAuthClients().filter(c -> name.equals(c.name())).collect(Collectors.toList());
    }

    public void deleteOAuthClient(String clientId) {
        r.write("DELETE", r.api("oauth", "clients", clientId), null, Transport.Repeat.SAFE, null,
                "delete the OAuth client " + clientId);
    }

    public List<OAuthScope> listScopes() {
        EntityListing<OAuthScope> l = r.get(r.api("oauth", "scopes"), ApiRequests.listingOf(OAuthScope.class),
                "list OAuth scopes");
        return l.entities() == null ? List.of() : l.entities();
    }

    public Stream<IntegrationType> listIntegrationTypes() {
        return r.pages(() -> r.api("integrations", "types"), IntegrationType.class, "list integration types");
    }

    /** Integrations of {@code typeId} named exactly {@code name} (filtered here; the API has no filter). */
    public List<Integration> findIntegrations(String typeId, String name) {
        return client.listIntegrations()
                .filter(i -> typeId == null || typeId.equals(i.typeId()))
                .filter(i -> name == null || name.equals(i.name())
                        || (i.config() != null && i.config().current() != null
                        && name.equals(i.config().current().name())))
                .collect(Collectors.toList());
    }

    public Integration getIntegration(String integrationId) {
        return r.get(r.api("integrations", integrationId), Integration.class, "read the integration " + integrationId);
    }

    public void deleteIntegration(String integrationId) {
        r.write("DELETE", r.api("integrations", integrationId), null, Transport.Repeat.SAFE, null,
                "delete the integration " + integrationId);
    }

    /** Reads the configuration, applies {@code change}, PUTs it at the version read, retrying on a conflict. */
    public IntegrationConfiguration updateIntegrationConfig(String integrationId,
                                                            UnaryOperator<IntegrationConfiguration> change) {
        return withVersionRetry("save the configuration of the integration " + integrationId, () -> {
            IntegrationConfiguration current = client.getIntegrationConfig(integrationId);
            int version = current.version() == null ? 1 : current.version();
            return client.putIntegrationConfig(integrationId, change.apply(current).withVersion(version));
        });
    }

    /** Runs {@code attempt}, repeating it on a version conflict (409, or 400 "does not match the current version"). */
    private <T> T withVersionRetry(String operation, Supplier<T> attempt) {
        int max = r.transport.retry.maxVersionRetries();
        for (int i = 0; ; i++) {
            try {
                return attempt.get();
            } catch (ConflictException e) {
                if (i >= max) {
                    throw e;
                }
                Transport.LOG.info(() -> "Version conflict while trying to " + operation + "; reading again");
                try {
                    r.transport.time.sleepNanos(r.transport.retry.versionRetryDelay().toNanos());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw Transport.cancelled(ie);
                }
            }
        }
    }
}
