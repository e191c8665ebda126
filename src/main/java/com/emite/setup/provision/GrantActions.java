package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The grants of an apply: eMite's role to the signed-in account (with the self-grant fallback and the wait until it
 * is in force) and the licence roles to agents (and back from leavers).
 */
final class GrantActions {
    private final ApplyRun run;
    private final Duration grantTimeout;

    GrantActions(ApplyRun run, Duration grantTimeout) {
        this.run = run;
        this.grantTimeout = grantTimeout;
    }

    String grantToIdentity(PlanItem item, Action.GrantRoleToIdentity g) {
        String roleId = g.roleId() != null ? g.roleId() : run.id(ItemKind.ROLE, g.roleName());
        String how = "in all divisions";
        try {
            run.api.grantRole(roleId, g.subjectKind().subjectType(), List.of(g.subjectId()),
                    List.of(g.divisionId()));
            run.wrote(1);
        } catch (OrgApi.GrantRefused refused) {
            run.wrote(1);
            addRoleToOwnClient(g.subjectId(), roleId, g.divisionId());
            how = "in all divisions, added to your OAuth client's roles (the authorization API refused the grant)";
        }
        run.pendingGrantRoleId = roleId;
        run.journal.recordGrants(roleId, g.divisionId(), List.of(g.subjectId()));
        return run.finish(item, "granted", roleId, how);
    }

    String awaitGrant(PlanItem item, Action.AwaitGrant g) {
        run.pendingGrantRoleId = g.roleId();
        run.journal.stepDone(item.key(), g.roleId(), "waiting for it to take effect");
        return "granted earlier; apply waits for it before the OAuth clients that need it";
    }

    /**
     * The documented way when the org refuses a grant to an OAuth client: the role joins the signed-in client's
     * own role/division pairs with PUT /oauth/clients/{id} (a full replacement: everything else is sent back as
     * it is), as an admin does by hand in Admin > OAuth.
     */
    private void addRoleToOwnClient(String clientId, String roleId, String divisionId) {
        OrgApi.ClientInfo own = run.api.oauthClient(clientId);
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        own.roleDivisions().forEach((r, d) -> rd.put(r, new LinkedHashSet<>(d)));
        rd.computeIfAbsent(roleId, k -> new LinkedHashSet<>()).add(divisionId);
        ClientSpec spec = new ClientSpec(own.name(), own.description() == null ? "" : own.description(),
                own.grantType() == null ? "CLIENT-CREDENTIALS" : own.grantType(),
                own.tokenSeconds() == null ? 86400 : own.tokenSeconds(), own.redirectUris(), own.scopes(), null,
                false);
        try {
            run.api.updateClient(clientId, spec, rd);
        } catch (ProvisionException e) {
            throw new ProvisionException("Genesys Cloud refused to give the role to the OAuth client you signed in "
                    + "with, both through the authorization API and on the client itself (" + e.getMessage()
                    + "). A Genesys Cloud admin can add the role to that client in Admin > OAuth; or sign in "
                    + "in the browser with your own account, which needs neither. Then apply again.", e);
        }
        run.wrote(1);
    }

    /** The role/division pairs of a client-credentials client; waits first for our own grant to be in force. */
    Map<String, String> roleDivisions(ClientSpec spec) {
        if (!spec.clientCredentials() || spec.roleName() == null) {
            return Map.of();
        }
        String roleId = run.id(ItemKind.ROLE, spec.roleName());
        if (roleId.equals(run.pendingGrantRoleId)) {
            waitForGrant(roleId, spec.roleName());
        }
        return Map.of(roleId, ApiContract.ALL_DIVISIONS);
    }

    private void waitForGrant(String roleId, String roleName) {
        long deadline = System.nanoTime() + grantTimeout.toNanos();
        run.listener.message("Waiting for the role " + roleName + " to take effect for your account (Genesys "
                + "applies new grants after a short delay; up to " + grantTimeout.toSeconds() + " s)");
        // Polls at 0.25, 0.5, 1, 2, 3.5, 5.5 s, then every 5 s: quick for a short delay, few calls for a long one.
        long[] delays = {250, 250, 500, 1000, 1500, 2000};
        int polls = 0;
        run.listener.waiting(ProgressListener.Wait.GRANT_IN_EFFECT, grantTimeout);
        run.token.sleep(delays[0]);
        while (true) {
            run.token.throwIfCancelled();
            if (run.api.identityRoleIds(run.plan.identity()).contains(roleId)) {
                run.pendingGrantRoleId = null;
                run.listener.message("The role " + roleName + " is in force");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ProvisionException("The role " + roleName + " was granted to your account, but "
                        + "Genesys had not applied it after " + grantTimeout.toSeconds() + " seconds. Run apply "
                        + "again in a few minutes: it continues from here.");
            }
            polls++;
            run.token.sleep(polls < delays.length ? delays[polls] : 5000);
        }
    }

    /** Takes a licence role back from users who left its division, one request each (the grant's division). */
    String revokeLicence(PlanItem item, Action.RevokeLicence r) {
        int n = 0;
        for (String user : r.userIds()) {
            run.token.throwIfCancelled();
            run.api.revokeRole(user, r.divisionId(), r.roleId());
            run.wrote(1);
            n++;
            run.listener.counted("licences taken back in " + r.divisionName(), n, r.userIds().size());
        }
        return run.finish(item, "taken back", r.roleId(), "from " + n + " user" + (n == 1 ? "" : "s")
                + " no longer in division " + r.divisionName());
    }

    String grantLicence(PlanItem item, Action.GrantLicence g) {
        String roleId = g.roleId() != null ? g.roleId() : run.id(ItemKind.LICENCE_ROLE, g.roleName());
        List<String> users = g.userIds();
        int granted = 0;
        for (int from = 0; from < users.size(); from += g.batchSize()) {
            run.token.throwIfCancelled();
            List<String> batch = users.subList(from, Math.min(users.size(), from + g.batchSize()));
            if (batch.size() == 1 && g.batchSize() == 1) {
                run.api.grantRoleToOne(roleId, "PC_USER", batch.get(0), g.divisionId());
            } else {
                run.api.grantRole(roleId, "PC_USER", batch, List.of(g.divisionId()));
            }
            granted += batch.size();
            run.wrote(1);
            run.listener.message("Licences: " + g.roleName() + " granted to " + granted + " of " + users.size()
                    + " agents in " + g.divisionName());
            run.listener.counted("agents granted in " + g.divisionName(), granted, users.size());
        }
        run.journal.recordGrants(roleId, g.divisionId(), users);
        return run.finish(item, "granted", roleId, "to " + users.size() + " agent" + (users.size() == 1 ? "" : "s")
                + " in division " + g.divisionName());
    }
}
