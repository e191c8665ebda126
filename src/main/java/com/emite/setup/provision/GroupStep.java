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

/** Step 2 of the guide: the three groups (type, visibility) and the members the admin adds or takes out. */
final class GroupStep {
    private GroupStep() {
    }

    static List<PlanItem> items(OrgSnapshot s, Needs needs, Choices choices) {
        List<PlanItem> items = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            items.add(group(g, s.groups()));
        }
        Map<String, GroupInfo> byName = s.groupsByName();
        for (Needs.GroupNeed g : needs.groups()) {
            GroupInfo group = byName.get(g.name());
            items.addAll(GroupMembersRule.items(g.name(), choices.groupMembers().getOrDefault(g.name(), List.of()),
                    choices.groupRemovals().getOrDefault(g.name(), List.of()), group,
                    group == null ? Set.of() : s.individuals().getOrDefault(group.id(), Set.of()),
                    s.users().idByEmail(), needs.app().groupNames().contains(g.name())));
        }
        return items;
    }

    static PlanItem group(Needs.GroupNeed need, List<GroupInfo> groups) {
        List<GroupInfo> same = groups.stream().filter(g -> g.name().equals(need.name())).toList();
        if (same.isEmpty()) {
            return PlanItem.missing(ItemKind.GROUP, need.name(), new Action.CreateGroup(need.name(), need.type(),
                    need.visibility(), need.rulesVisible(), need.description()));
        }
        GroupInfo g = same.get(0);
        List<String> diffs = new ArrayList<>();
        if (same.size() > 1) {
            diffs.add(same.size() + " groups have this name; eMite uses the first one (id " + g.id() + ")");
        }
        boolean fixable = false;
        if (!eq(need.visibility(), g.visibility())) {
            diffs.add("visibility is " + g.visibility() + ", eMite needs " + need.visibility());
            fixable = true;
        }
        if (need.rulesVisible() != g.rulesVisible()) {
            diffs.add("rules visible is " + g.rulesVisible() + ", eMite needs " + need.rulesVisible());
            fixable = true;
        }
        boolean typeWrong = !eq(need.type(), g.type());
        if (typeWrong) {
            diffs.add("type is " + g.type() + ", eMite needs " + need.type());
        }
        if (typeWrong && !fixable) {
            return new PlanItem(ItemKind.GROUP, need.name(), ItemState.BLOCKED, diffs,
                    Blocker.optional(Fix.RENAME_GROUP, "The group is " + g.type() + ", not " + need.type() + ", and Genesys Cloud "
                            + "cannot change a group's type.", "If eMite users cannot see the group, rename it in "
                            + "Admin > Groups and run apply again to create a new " + need.type() + " group."),
                    g.id(), null);
        }
        if (fixable) {
            return PlanItem.different(ItemKind.GROUP, need.name(), g.id(), diffs,
                    new Action.UpdateGroup(g.id(), g.version(), g.name(), g.description(), g.ownerIds(),
                            need.visibility(), need.rulesVisible()));
        }
        return new PlanItem(ItemKind.GROUP, need.name(), ItemState.PRESENT, diffs, null, g.id(), null);
    }
}
