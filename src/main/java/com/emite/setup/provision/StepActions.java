package com.emite.setup.provision;

import com.emite.setup.common.Secret;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Performs one plan item's action: the groups, members, role and OAuth clients here; grants in {@link GrantActions},
 * the client app in {@link AppAction}. Each action's journal and change entries sit next to its requests, so the order
 * of save and send stays visible; a new client's secret reaches the vault before anything else happens.
 */
final class StepActions {
    private static final int MAX_VERSION_RETRIES = 5;

    private final ApplyRun run;
    private final CreateGuard guard;
    private final GrantActions grants;
    private final AppAction app;

    StepActions(ApplyRun run, Duration grantTimeout) {
        this.run = run;
        this.guard = new CreateGuard(run);
        this.grants = new GrantActions(run, grantTimeout);
        this.app = new AppAction(run, guard);
    }

    String perform(PlanItem item) {
        Action a = item.action();
        if (a instanceof Action.CreateGroup g) {
            return createGroup(item, g);
        }
        if (a instanceof Action.UpdateGroup g) {
            int v = run.api.updateGroup(g.groupId(), g.version(), g.name(), g.description(), g.ownerIds(),
                    g.visibility(), g.rulesVisible());
            run.wrote(1);
            run.groupVersions.put(g.groupId(), v);
            return run.finish(item, "changed", g.groupId(), "visibility " + g.visibility());
        }
        if (a instanceof Action.AddGroupMembers m) {
            return addMembers(item, m);
        }
        if (a instanceof Action.RemoveGroupMembers m) {
            return removeMembers(item, m);
        }
        if (a instanceof Action.CreateRole r) {
            return createRole(item, r);
        }
        if (a instanceof Action.UpdateRole r) {
            run.api.updateRole(r.roleId(), r.name(), r.description(), r.policies());
            run.wrote(1);
            return run.finish(item, "changed", r.roleId(), "permissions added; now " + permissionCount(r.policies()));
        }
        if (a instanceof Action.GrantRoleToIdentity g) {
            return grants.grantToIdentity(item, g);
        }
        if (a instanceof Action.AwaitGrant g) {
            return grants.awaitGrant(item, g);
        }
        if (a instanceof Action.CreateClient c) {
            String found = guard.existing(item, CreateGuard.Kind.CLIENT, c.spec().name());
            if (found != null) {
                run.secretUnknown(c.spec().name(), found);
                return guard.foundMeanwhile(item, found) + ". Its secret is not in the vault: issue a new secret for "
                        + "it, or ask whoever made it";
            }
            return createClient(item, c.spec());
        }
        if (a instanceof Action.UpdateClient c) {
            return updateClient(item, c);
        }
        if (a instanceof Action.DeleteDuplicate d) {
            switch (d.kind()) {
                case GROUP -> run.api.deleteGroup(d.id());
                case OAUTH_CLIENT -> run.api.deleteClient(d.id());
                default -> run.api.deleteIntegration(d.id());
            }
            run.wrote(d.kind() == ItemKind.OAUTH_CLIENT ? 2 : 1);
            return run.finish(item, "deleted duplicate", d.id(), "a second " + d.kind().noun() + " named " + d.name());
        }
        if (a instanceof Action.ResetSecret r) {
            return resetSecret(item, r);
        }
        if (a instanceof Action.ClientApp c) {
            return app.apply(item, c);
        }
        if (a instanceof Action.GrantLicence g) {
            return grants.grantLicence(item, g);
        }
        if (a instanceof Action.RevokeLicence r) {
            return grants.revokeLicence(item, r);
        }
        throw new IllegalStateException("Unknown action " + a);
    }

    private String createGroup(PlanItem item, Action.CreateGroup g) {
        String found = guard.existing(item, CreateGuard.Kind.GROUP, g.name());
        if (found != null) {
            return guard.foundMeanwhile(item, found);
        }
        OrgApi.GroupInfo created = guard.send(item, true, () -> run.api.createGroup(g.name(), g.type(),
                g.visibility(), g.rulesVisible(), g.description()));
        run.wrote(1);
        run.remember(ItemKind.GROUP, g.name(), created.id());
        run.groupVersions.put(created.id(), created.version());
        return run.finish(item, "created", created.id(), null);
    }

    private String createRole(PlanItem item, Action.CreateRole r) {
        String found = guard.existing(item, CreateGuard.Kind.ROLE, r.name());
        if (found != null) {
            return guard.foundMeanwhile(item, found);
        }
        OrgApi.RoleInfo created = guard.send(item, true, () -> run.api.createRole(r.name(), r.description(),
                r.policies()));
        run.wrote(1);
        run.remember(ItemKind.ROLE, r.name(), created.id());
        int n = permissionCount(r.policies());
        return run.finish(item, "created", created.id(), n + (n == 1 ? " permission" : " permissions"));
    }

    private String addMembers(PlanItem item, Action.AddGroupMembers m) {
        String groupId = m.groupId() != null ? m.groupId() : run.id(ItemKind.GROUP, m.groupName());
        Integer version = run.groupVersions.containsKey(groupId) ? run.groupVersions.get(groupId) : m.version();
        if (version == null) {
            version = run.api.groupVersion(groupId);
        }
        List<String> users = m.userIds();
        for (int from = 0; from < users.size(); from += m.batchSize()) {
            run.token.throwIfCancelled();
            List<String> batch = users.subList(from, Math.min(users.size(), from + m.batchSize()));
            for (int attempt = 0; ; attempt++) {
                try {
                    run.api.addGroupMembers(groupId, version, batch);
                    run.wrote(1);
                    version = version + 1;
                    break;
                } catch (OrgApi.VersionConflict e) {
                    if (attempt >= MAX_VERSION_RETRIES) {
                        throw new ProvisionException("The group " + m.groupName() + " kept changing while "
                                + "members were added. Run apply again.");
                    }
                    version = run.api.groupVersion(groupId);
                }
            }
        }
        run.groupVersions.put(groupId, version);
        return run.finish(item, "members added", groupId, users.size() + " members");
    }

    private String removeMembers(PlanItem item, Action.RemoveGroupMembers m) {
        List<String> users = m.userIds();
        for (int from = 0; from < users.size(); from += m.batchSize()) {
            run.token.throwIfCancelled();
            run.api.removeGroupMembers(m.groupId(), users.subList(from, Math.min(users.size(), from + m.batchSize())));
            run.wrote(1);
        }
        return run.finish(item, "members removed", m.groupId(), users.size() + " members");
    }

    private String createClient(PlanItem item, ClientSpec spec) {
        Map<String, String> rd = grants.roleDivisions(spec);
        OrgApi.CreatedClient created = guard.send(item, true, () -> run.api.createClient(spec, rd));
        run.wrote(1);
        run.remember(ItemKind.OAUTH_CLIENT, spec.name(), created.id());
        run.journal.stepDone(item.key(), created.id(), "created");
        run.journal.addChange("created", ItemKind.OAUTH_CLIENT, spec.name(), created.id(),
                spec.clientCredentials() ? "client credentials, role " + spec.roleName() + " in all divisions"
                        : "code authorization, redirect " + String.join(", ", spec.redirectUris()));
        // The secret is shown only in this response: it reaches the vault before anything else happens.
        run.store.saveClientAndJournal(spec.name(), created.id(), created.secret(), run.journal.toJson());
        return "created (id " + created.id() + "), secret saved in the vault";
    }

    private String updateClient(PlanItem item, Action.UpdateClient c) {
        // The client's own role/division pairs, plus eMite's role in all divisions.
        Map<String, Set<String>> rd = new LinkedHashMap<>();
        c.keptRoleDivisions().forEach((role, divisions) -> rd.put(role, new LinkedHashSet<>(divisions)));
        grants.roleDivisions(c.spec()).forEach((role, division) -> rd.computeIfAbsent(role,
                k -> new LinkedHashSet<>()).add(division));
        run.api.updateClient(c.clientId(), c.spec(), rd);
        run.wrote(1);
        return run.finish(item, "changed", c.clientId(), String.join("; ", item.differences()));
    }

    private String resetSecret(PlanItem item, Action.ResetSecret r) {
        // A reset that got no answer may still be done later and would kill the secret this one saves: wait it out.
        guard.waitOutLateWrite(item);
        Secret secret = guard.send(item, false, () -> run.api.resetSecret(r.clientId()));
        run.wrote(1);
        run.journal.stepDone(item.key(), r.clientId(), "secret reset");
        run.journal.addChange("secret reset", ItemKind.CLIENT_SECRET, r.name(), r.clientId(),
                SecretRotation.isUpkeep(r.name()) ? "a new secret was issued and saved in the vault; keep-licences "
                        + "signs in with it from its next run" : "a new secret was issued and saved in the vault; give "
                        + "it to eMite");
        run.store.saveClientAndJournal(r.name(), r.clientId(), secret, run.journal.toJson());
        return "new secret saved in the vault";
    }

    private static int permissionCount(List<RolePolicy> policies) {
        return policies.stream().mapToInt(p -> p.actions().size()).sum();
    }
}
