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

/**
 * Step 7 of the guide: the licence role of each chosen division and its agents. An agent is an active user whose
 * division is that division (Genesys Cloud's own division of the user, not the divisions of the user's roles).
 */
final class LicenceStep {
    private LicenceStep() {
    }

    static List<PlanItem> items(OrgSnapshot s, Needs needs, Choices choices) {
        List<PlanItem> items = new ArrayList<>();
        for (String name : choices.divisions()) {
            if (s.divisions().stream().noneMatch(d -> d.name().equals(name))) {
                items.add(PlanItem.blocked(ItemKind.LICENCE_ROLE, needs.licence().roleName(name), null,
                        Blocker.required(Fix.ALL_DIVISIONS, "There is no division named \"" + name + "\" in this org.",
                                "Check the name (it must match exactly, capitals included) or choose all divisions.")));
            }
        }
        if (!s.catalog().contains(needs.licence().permission())) {
            items.add(PlanItem.blocked(ItemKind.LICENCE_ROLE, needs.licence().roleName("<division>"), null,
                    Blocker.required(Fix.INSTALL_EMITE_APP, "The eMite app is not installed in this org: the licence permission "
                                    + needs.licence().permission() + " does not exist, so agents cannot be given "
                                    + "eMite licences.",
                            "Install eMite in Genesys Cloud (AppFoundry) or ask eMite to enable it for your org, "
                                    + "then run apply again. Everything else is set up without it.")));
        } else {
            List<DivisionInfo> chosenDivisions = s.divisions().stream().filter(d -> choices.includesDivision(d.name()))
                    .sorted(java.util.Comparator.comparing(DivisionInfo::name)).toList();
            for (DivisionInfo d : chosenDivisions) {
                RoleInfo licenceRole = s.rolesByName().get(needs.licence().roleName(d.name()));
                List<String> unlicensed = s.users().unlicensedByDivision().getOrDefault(d.id(), List.of());
                int pending = 0;
                if (licenceRole != null && !unlicensed.isEmpty()) {
                    Set<String> recent = s.journal().recentlyGranted(licenceRole.id(), d.id());
                    if (!recent.isEmpty()) {
                        List<String> still = unlicensed.stream().filter(u -> !recent.contains(u)).toList();
                        pending = unlicensed.size() - still.size();
                        unlicensed = still;
                    }
                }
                items.addAll(items(needs, d, licenceRole, s.users().activeByDivision().getOrDefault(d.id(), 0), unlicensed,
                        pending, choices.perUserGrants()));
            }
        }
        return items;
    }

    private static List<PlanItem> items(Needs needs, DivisionInfo d, RoleInfo role, int active, List<String> unlicensed,
                                        int pending, boolean perUser) {
        Needs.LicenceNeed lic = needs.licence();
        String roleName = lic.roleName(d.name());
        List<PlanItem> out = new ArrayList<>();
        int batch = perUser ? 1 : ApiContract.MAX_SUBJECTS_PER_GRANT_CALL;
        if (role == null) {
            out.add(PlanItem.missing(ItemKind.LICENCE_ROLE, roleName,
                    new Action.CreateRole(roleName, lic.description(), List.of(RolePolicy.of(lic.permission()))),
                    "with " + lic.permission(), counting(d, active)));
        } else if (!covers(role.policies(), lic.permission())) {
            out.add(PlanItem.different(ItemKind.LICENCE_ROLE, roleName, role.id(),
                    List.of("lacks " + lic.permission() + " (it is added; other permissions stay)"),
                    new Action.UpdateRole(role.id(), role.name(), orEmpty(role.description()),
                            merge(role.policies(), List.of(lic.permission())))));
        } else {
            out.add(PlanItem.present(ItemKind.LICENCE_ROLE, roleName, role.id(), counting(d, active)));
        }
        String roleId = role == null ? null : role.id();
        String target = roleName;
        if (unlicensed.isEmpty()) {
            out.add(PlanItem.present(ItemKind.LICENCE_GRANTS, target, roleId, active == 0
                    ? "no active agents in " + d.name() : "all " + active + " active agents in " + d.name()
                    + " hold it" + (pending == 0 ? "" : " (" + pending + " granted by the last apply; Genesys "
                    + "shows them shortly)")));
        } else {
            Action grant = new Action.GrantLicence(roleName, roleId, d.id(), d.name(), unlicensed, batch);
            String words = unlicensed.size() + " of " + active + " active agents in " + d.name() + " lack it";
            out.add(role == null ? PlanItem.missing(ItemKind.LICENCE_GRANTS, target, grant, words)
                    : PlanItem.different(ItemKind.LICENCE_GRANTS, target, roleId, List.of(words), grant));
        }
        return out;
    }

    /** Who counts as an agent, stated with the count (the guide leaves it open). */
    static String counting(DivisionInfo d, int active) {
        return active + " agent" + (active == 1 ? "" : "s") + " counted: the active users whose division is "
                + d.name();
    }
}
