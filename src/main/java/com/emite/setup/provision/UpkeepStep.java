package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.emite.setup.provision.Compare.orEmpty;
import static com.emite.setup.provision.Policies.covers;
import static com.emite.setup.provision.Policies.policiesOf;

/**
 * The dedicated sign-in of the unattended licence upkeep ({@link UpkeepNeed}), planned with the existing actions so
 * that the executor creates, journals and vaults it exactly like eMite's own objects: its role (exactly the upkeep's
 * permissions: more is drift, and apply takes the extra away), the role for the signed-in account (an OAuth client can
 * only be given a role its creator holds, reference §9), and the client (client credentials, that role alone in all
 * divisions; a new secret goes into the vault before the next step). Planned when the admin asks for it, or when the org
 * has the client already (so verify keeps checking it); otherwise nothing.
 */
final class UpkeepStep {
    private UpkeepStep() {
    }

    static List<PlanItem> items(OrgSnapshot s, Needs needs, RunStore store, Choices choices) {
        UpkeepClientChoice wish = choices.upkeepClient();
        ClientSpec spec = UpkeepNeed.clientSpec();
        ClientInfo listed = s.emiteClient(spec.name(), store);
        if (!wish.wanted() && listed == null) {
            return List.of();
        }
        String licence = needs.licence().permission();
        if (!s.catalog().contains(licence)) {
            Blocker b = new Blocker("The eMite app is not installed in this org (the licence permission " + licence
                    + " does not exist), so there are no licences to keep and no upkeep sign-in to make.",
                    "Install eMite in Genesys Cloud (AppFoundry) or ask eMite to enable it, then run apply again.",
                    wish.wanted(), Fix.INSTALL_EMITE_APP);
            return List.of(new PlanItem(ItemKind.OAUTH_CLIENT, spec.name(), ItemState.BLOCKED, List.of(), b,
                    listed == null ? null : listed.id(), null));
        }
        RoleInfo role = s.rolesByName().get(UpkeepNeed.ROLE_NAME);
        boolean takeBack = switch (wish) {
            case WANTED_WITH_TAKE_BACK -> true;
            case WANTED -> false;
            case IF_PRESENT -> role != null && covers(role.policies(), UpkeepNeed.TAKE_BACK_PERMISSION);
        };
        List<String> wanted = UpkeepNeed.permissionList(licence, takeBack);
        List<PlanItem> out = new ArrayList<>();
        out.add(roleItem(role, wanted));
        String roleId = role == null ? null : role.id();
        ClientInfo full = listed == null ? null : s.fullClients().getOrDefault(listed.id(), listed);
        boolean clientHoldsRole = full != null && roleId != null
                && full.roleDivisions().getOrDefault(roleId, Set.of()).contains(ApiContract.ALL_DIVISIONS);
        if (!clientHoldsRole) {
            PlanItem grant = grantItem(s, roleId);
            if (grant != null) {
                out.add(grant);
            }
        }
        // The secret is this app's alone (no one else signs in with it): an unknown one is simply reset when asked.
        Choices forClient = choices.withResetUnknownSecrets(choices.resetUnknownSecrets() || wish.wanted());
        for (PlanItem i : ClientStep.items(spec, s, store, roleId, forClient, List.of())) {
            out.add(i.kind() == ItemKind.OAUTH_CLIENT && full != null ? onlyItsRole(i, full, spec, roleId) : i);
        }
        return out;
    }

    /** The role with exactly the upkeep's permissions: a missing one is added, any other one is taken away. */
    private static PlanItem roleItem(RoleInfo role, List<String> wanted) {
        String name = UpkeepNeed.ROLE_NAME;
        if (role == null) {
            return PlanItem.missing(ItemKind.ROLE, name, new Action.CreateRole(name, UpkeepNeed.ROLE_DESCRIPTION,
                    policiesOf(wanted)), wanted.size() + " permissions, only what keep-licences needs: "
                    + String.join(", ", wanted));
        }
        List<String> lacking = wanted.stream().filter(p -> !covers(role.policies(), p)).toList();
        Set<String> extra = new TreeSet<>();
        for (RolePolicy p : role.policies()) {
            for (String a : p.actions()) {
                String perm = p.domain() + ":" + p.entityName() + ":" + a;
                if (!wanted.contains(perm)) {
                    extra.add(perm);
                }
            }
        }
        if (lacking.isEmpty() && extra.isEmpty()) {
            return PlanItem.present(ItemKind.ROLE, name, role.id(), "exactly the " + wanted.size()
                    + " permissions keep-licences needs");
        }
        List<String> diffs = new ArrayList<>();
        if (!extra.isEmpty()) {
            diffs.add("holds more than keep-licences needs: " + String.join(", ", extra) + " (taken away)");
        }
        if (!lacking.isEmpty()) {
            diffs.add("lacks " + String.join(", ", lacking) + " (added)");
        }
        return PlanItem.different(ItemKind.ROLE, name, role.id(), diffs, new Action.UpdateRole(role.id(), name,
                orEmpty(role.description()), policiesOf(wanted)));
    }

    /** The upkeep role for the signed-in account, which must hold it to give it to the client; null when it does. */
    private static PlanItem grantItem(OrgSnapshot s, String roleId) {
        Identity me = s.me();
        String target = UpkeepNeed.ROLE_NAME + " to " + me.name();
        if (roleId != null && me.roleIds().contains(roleId)) {
            return null;
        }
        if (roleId != null && s.journal().recentlyGranted(roleId, ApiContract.ALL_DIVISIONS).contains(me.id())) {
            return new PlanItem(ItemKind.ROLE_GRANT, target, ItemState.PRESENT,
                    List.of("granted by the last apply; Genesys has not applied it yet (apply waits for it)"), null,
                    roleId, new Action.AwaitGrant(UpkeepNeed.ROLE_NAME, roleId));
        }
        return PlanItem.missing(ItemKind.ROLE_GRANT, target, new Action.GrantRoleToIdentity(UpkeepNeed.ROLE_NAME,
                        roleId, me.kind(), me.id(), ApiContract.ALL_DIVISIONS),
                "in all divisions: the upkeep client can only be given a role your account holds");
    }

    /**
     * The client holds its own role and nothing else: other role/division pairs (added by hand) would give the
     * unattended sign-in more rights than the upkeep needs, so they are drift and apply takes them away.
     */
    private static PlanItem onlyItsRole(PlanItem item, ClientInfo c, ClientSpec spec, String roleId) {
        Set<String> others = new TreeSet<>();
        c.roleDivisions().forEach((role, divisions) -> {
            if (!role.equals(roleId)) {
                others.add(role);
            } else if (!divisions.equals(Set.of(ApiContract.ALL_DIVISIONS))) {
                divisions.stream().filter(d -> !d.equals(ApiContract.ALL_DIVISIONS)).forEach(d -> others.add(role
                        + " in division " + d));
            }
        });
        if (others.isEmpty()) {
            return item;
        }
        List<String> diffs = new ArrayList<>(item.state() == ItemState.DIFFERENT ? item.differences() : List.of());
        diffs.add("holds other roles too (" + String.join(", ", others) + "): taken away, the upkeep client holds "
                + "only " + UpkeepNeed.ROLE_NAME);
        ClientSpec kept = new ClientSpec(spec.name(), c.description() != null ? c.description() : spec.description(),
                spec.grantType(), spec.tokenSeconds(), List.of(), List.of(), spec.roleName(), false);
        return PlanItem.different(ItemKind.OAUTH_CLIENT, spec.name(), c.id(), diffs,
                new Action.UpdateClient(c.id(), kept, Map.<String, Set<String>>of()));
    }
}
