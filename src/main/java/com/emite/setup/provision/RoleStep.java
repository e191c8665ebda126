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

/** Step 3 of the guide: the role "eMite Data Integration" and its permission checklist. */
final class RoleStep {
    private RoleStep() {
    }

    /**
     * @param items  the role item and the permission rows that need attention
     * @param checks the checklist, one row per row of the guide
     * @param roleId the role's id when it exists
     */
    record Result(List<PlanItem> items, List<PermissionCheck> checks, String roleId) {
    }

    static Result plan(OrgSnapshot s, Needs needs, Choices choices) {
        List<PlanItem> items = new ArrayList<>();
        List<PermissionCheck> checks = new ArrayList<>();
        RoleInfo role = s.rolesByName().get(needs.role().name());
        List<String> offered = new ArrayList<>();
        Map<Integer, String> chosen = new HashMap<>(s.journal().permissionChoices());
        chosen.putAll(choices.permissionChoices());
        for (Needs.PermissionNeed p : needs.role().permissions()) {
            PermissionRows.Row r = PermissionRows.decide(p, s.catalog(), choices, chosen.get(p.row()));
            if (r.item() != null) {
                items.add(r.item());
            }
            if (r.granted() != null) {
                offered.add(r.granted());
            }
            PermissionCheck c = r.check();
            checks.add(new PermissionCheck(c.row(), c.type(), c.name(), c.level(), c.permission(), c.offered(),
                    role != null && r.granted() != null && covers(role.policies(), r.granted()), c.reason(),
                    c.status(), c.candidates(), c.loses()));
        }
        if (role == null) {
            items.add(PlanItem.missing(ItemKind.ROLE, needs.role().name(),
                    new Action.CreateRole(needs.role().name(), needs.role().description(), policiesOf(offered)),
                    offered.size() + " permissions"));
        } else {
            List<String> lacking = offered.stream().filter(p -> !covers(role.policies(), p)).toList();
            if (lacking.isEmpty()) {
                items.add(PlanItem.present(ItemKind.ROLE, role.name(), role.id(),
                        offered.size() + " permissions in place"));
            } else {
                items.add(PlanItem.different(ItemKind.ROLE, role.name(), role.id(),
                        List.of("lacks " + lacking.size() + " permission" + (lacking.size() == 1 ? "" : "s") + ": "
                                + String.join(", ", lacking) + " (they are added; other permissions stay)"),
                        new Action.UpdateRole(role.id(), role.name(), orEmpty(role.description()),
                                merge(role.policies(), lacking))));
            }
        }
        return new Result(items, checks, role == null ? null : role.id());
    }
}
