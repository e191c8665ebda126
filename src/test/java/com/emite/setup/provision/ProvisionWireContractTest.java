package com.emite.setup.provision;

import com.emite.setup.contract.SdkOracle;
import com.emite.setup.contract.WireRecorder;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.TestCalls;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every request the engine really sends, checked against the official SDK (the oracle of the real API's contract):
 * a full apply with group members, WFM clients and licences, then drift on every kind of object and the apply that
 * fixes it. A path, query parameter, body field or enum literal the SDK does not know fails the test, whatever the
 * sandbox accepted.
 */
class ProvisionWireContractTest {
    @TempDir
    Path dir;

    @Test
    void everyRequestOfApplyAndOfFixingDriftIsAnSdkOperation() throws Exception {
        SdkOracle oracle = SdkOracle.get();
        WireRecorder wire = new WireRecorder();
        OAuthClient after;
        try (TestOrg org = TestOrg.start(dir, b -> b.divisions(2).agents(70), wire.okHttp())) {
            GenesysClient c = org.client;
            List<String> emails = c.listUsers(User.STATE_ACTIVE, List.of()).limit(60).map(User::email).toList();
            Choices choices = Choices.defaults().withWfm(true).withGroupMembers(Map.of(
                    "emite_Access", emails.subList(0, 55), "emite_DashboardViewer", emails.subList(55, 60)));
            ApplyResult first = org.apply(choices);
            assertTrue(first.finished(), first::error);
            TestOrg.settle();

            // Drift on every kind of object, made through the client (those requests are checked too).
            Group viewer = TestCalls.of(c).findGroupsByNameInListing("emite_DashboardViewer").get(0);
            String owner = c.listUsers(User.STATE_ACTIVE, List.of()).skip(61).findFirst().orElseThrow().id();
            TestCalls.of(c).updateGroup(viewer.id(), u -> new com.emite.setup.genesys.model.GroupUpdate(u.version(), u.name(),
                    "kept by the admin", null, Group.VISIBILITY_MEMBERS, false, List.of(owner)));
            DomainOrganizationRole role = TestCalls.of(c).findRolesByName("eMite Data Integration").get(0);
            c.updateRole(role.id(), new RoleRequest(role.name(), role.description(),
                    role.permissionPolicies().subList(0, role.permissionPolicies().size() - 2)));
            OAuthClient sso = TestCalls.of(c).findOAuthClientsByName("emite_SSO").get(0);
            OAuthClient full = c.getOAuthClient(sso.id());
            List<String> redirects = new ArrayList<>(full.registeredRedirectUri());
            redirects.add("https://extra.example.com/callback");
            c.updateOAuthClient(sso.id(), new com.emite.setup.genesys.model.OAuthClientRequest(full.name(),
                    "kept by the admin", 3600L, full.authorizedGrantType(), redirects,
                    full.scope().subList(1, full.scope().size()), null, full.state()));
            Integration app = TestCalls.of(c).findIntegrations("embedded-client-app", "eMite Advanced Analytics").get(0);
            TestCalls.of(c).updateIntegrationConfig(app.id(), cfg -> {
                com.google.gson.JsonObject p = cfg.properties().deepCopy();
                p.addProperty("sandbox", "allow-scripts");
                return cfg.with(cfg.name(), p, cfg.advanced(), cfg.notes());
            });
            c.setIntegrationState(app.id(), Integration.DISABLED);
            org.sandbox.addAgents(3);
            TestOrg.settle();

            Plan drift = org.plan(choices);
            Set<ItemKind> fixing = new TreeSet<>();
            drift.toApply().forEach(i -> fixing.add(i.kind()));
            assertEquals(new TreeSet<>(Set.of(ItemKind.GROUP, ItemKind.ROLE, ItemKind.OAUTH_CLIENT,
                    ItemKind.CLIENT_APP, ItemKind.LICENCE_GRANTS)), fixing, drift.toApply()::toString);
            ApplyResult fix = org.apply(drift, null, null);
            assertTrue(fix.finished(), fix::error);
            TestOrg.settle();
            assertTrue(org.plan(choices).inPlace(), () -> org.plan(choices).drift().toString());

            after = c.getOAuthClient(sso.id());
            Group fixed = c.getGroup(viewer.id());
            assertEquals(Group.VISIBILITY_PUBLIC, fixed.visibility());
            assertEquals("kept by the admin", fixed.description(), "the group's description outlives the fix");
            assertEquals(List.of(owner), fixed.owners().stream().map(User::id).toList(), "and its owners");
        }

        List<String> problems = new ArrayList<>();
        Set<String> ops = new LinkedHashSet<>();
        for (SdkOracle.Wire w : wire.requests()) {
            if (w.path().startsWith("/oauth/")) {
                problems.addAll(oracle.checkToken(w));
                continue;
            }
            problems.addAll(oracle.check(w));
            SdkOracle.Op op = oracle.find(w.method(), w.path());
            if (op != null) {
                ops.add(op.key());
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", new TreeSet<>(problems)));
        for (String expected : List.of(
                "GET /api/v2/organizations/me", "GET /api/v2/authorization/subjects/me",
                "GET /api/v2/authorization/permissions", "GET /api/v2/authorization/roles", "GET /api/v2/groups",
                "GET /api/v2/authorization/divisions", "GET /api/v2/oauth/clients", "GET /api/v2/integrations",
                "GET /api/v2/users", "GET /api/v2/groups/{groupId}/individuals", "GET /api/v2/oauth/clients/{clientId}",
                "GET /api/v2/integrations/{integrationId}/config/current",
                "POST /api/v2/groups", "PUT /api/v2/groups/{groupId}", "POST /api/v2/groups/{groupId}/members",
                "POST /api/v2/authorization/roles", "PUT /api/v2/authorization/roles/{roleId}",
                "POST /api/v2/authorization/roles/{roleId}", "POST /api/v2/oauth/clients",
                "PUT /api/v2/oauth/clients/{clientId}", "POST /api/v2/integrations",
                "PUT /api/v2/integrations/{integrationId}/config/current", "PATCH /api/v2/integrations/{integrationId}")) {
            assertTrue(ops.contains(expected), "not exercised: " + expected + " (seen " + ops + ")");
        }
        assertFalse(ops.isEmpty());

        // The admin's own settings of the SSO client outlive the fix (PUT is a full replacement, reference §10).
        assertTrue(after.registeredRedirectUri().contains("https://extra.example.com/callback"),
                after.registeredRedirectUri()::toString);
        assertEquals("kept by the admin", after.description());
        // The token duration is part of what eMite needs (issue #11): a changed one is drift and is put back.
        assertEquals(86400L, after.accessTokenValiditySeconds());
    }
}
