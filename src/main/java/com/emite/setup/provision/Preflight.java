package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Before anything changes: may the signed-in account make the plan's reads and writes? */
final class Preflight {
    /** Who can fix an account's missing permissions, in the admin's words. */
    static final String ASK_ADMIN = "Ask a Genesys Cloud admin (for example someone with the Master Admin role) to "
            + "give your account a role that has it, or sign in with an account that has it.";

    private Preflight() {
    }

    /** The reads of a plan the account may not make (then the plan stops after the organization). */
    static List<PlanItem> readProblems(Identity me) {
        return missingPermissions(me, List.of(
                new Need("authorization:role:view", "list roles"),
                new Need("oauth:client:view", "list OAuth clients"),
                new Need("integrations:integration:view", "list integrations"),
                new Need(ApiContract.PERMISSION_USERS_READ, "list users")));
    }

    /** The writes of {@code items} the account may not make. */
    static List<PlanItem> writeProblems(Identity me, List<PlanItem> items) {
        return missingPermissions(me, writeNeeds(items));
    }

    /** A permission the account needs for something, with the thing in words. */
    record Need(String permission, String what) {
    }

    static List<Need> writeNeeds(List<PlanItem> items) {
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
            } else if (a instanceof Action.DeleteDuplicate d) {
                n = List.of(switch (d.kind()) {
                    case GROUP -> new Need("directory:group:delete", "delete groups");
                    case OAUTH_CLIENT -> new Need("oauth:client:delete", "delete OAuth clients");
                    default -> new Need("integrations:integration:delete", "delete integrations");
                });
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

    static List<PlanItem> missingPermissions(Identity me, List<Need> needs) {
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
}
