package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;
import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.DivisionInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.provision.OrgApi.IntegrationInfo;
import com.emite.setup.provision.OrgApi.RoleInfo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static com.emite.setup.provision.Compare.eq;
import static com.emite.setup.provision.Compare.orEmpty;
import static com.emite.setup.provision.Compare.show;
import static com.emite.setup.provision.Compare.union;
import static com.emite.setup.provision.Compare.sandboxSet;
import static com.emite.setup.provision.Policies.covers;
import static com.emite.setup.provision.Policies.merge;
import static com.emite.setup.provision.Policies.policiesOf;

/** Step 4: the role for the signed-in account (the OAuth clients can only be given a role the account holds). */
final class RoleGrantStep {
    private RoleGrantStep() {
    }

    static PlanItem item(OrgSnapshot s, Needs needs, String roleId) {
        Identity me = s.me();
        boolean holdsRole = roleId != null && me.roleIds().contains(roleId);
        boolean grantedRecently = roleId != null && !holdsRole
                && s.journal().recentlyGranted(roleId, ApiContract.ALL_DIVISIONS).contains(me.id());
        String target = needs.role().name() + " to " + me.name();
        if (grantedRecently) {
            return new PlanItem(ItemKind.ROLE_GRANT, target, ItemState.PRESENT,
                    List.of("granted by the last apply; Genesys has not applied it yet (apply waits for it)"), null,
                    roleId, new Action.AwaitGrant(needs.role().name(), roleId));
        }
        if (holdsRole) {
            return PlanItem.present(ItemKind.ROLE_GRANT, target, roleId);
        }
        String how = me.kind() == Identity.Kind.CLIENT
                ? "to the OAuth client you signed in with, through the authorization API; if Genesys refuses that, "
                + "apply adds the role to that client's own roles (PUT /oauth/clients/" + me.id() + "), as an admin "
                + "does by hand. Signing in in the browser as your own account needs neither"
                : "to your own account, through the authorization API";
        return PlanItem.missing(ItemKind.ROLE_GRANT, target,
                new Action.GrantRoleToIdentity(needs.role().name(), roleId, me.kind(), me.id(),
                        ApiContract.ALL_DIVISIONS),
                "in all divisions; the OAuth clients can only be given a role your account holds", how);
    }
}
