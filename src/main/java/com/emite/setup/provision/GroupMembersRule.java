package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 2's rule for one group's members: the people the admin adds and takes out, and a flag when the group will be
 * empty (eMite's groups are useless empty: emite_Access decides who sees the eMite app).
 */
final class GroupMembersRule {
    private GroupMembersRule() {
    }

    static List<PlanItem> items(String groupName, List<String> add, List<String> remove, OrgApi.GroupInfo group,
                                Set<String> present, Map<String, String> userIdByEmail, boolean appFilter) {
        List<PlanItem> out = new ArrayList<>();
        List<String> addIds = resolve(groupName, add, userIdByEmail, out);
        List<String> removeIds = resolve(groupName, remove, userIdByEmail, out);
        addIds.removeAll(removeIds);
        int batch = ApiContract.MAX_GROUP_MEMBERS_PER_CALL;
        if (!addIds.isEmpty()) {
            if (group == null) {
                out.add(PlanItem.missing(ItemKind.GROUP_MEMBERS, groupName,
                        new Action.AddGroupMembers(groupName, null, null, addIds, batch),
                        addIds.size() + " members to add"));
            } else {
                List<String> toAdd = addIds.stream().filter(id -> !present.contains(id)).toList();
                out.add(toAdd.isEmpty() ? PlanItem.present(ItemKind.GROUP_MEMBERS, groupName, group.id(),
                        addIds.size() + " chosen members in place")
                        : PlanItem.different(ItemKind.GROUP_MEMBERS, groupName, group.id(),
                        List.of(toAdd.size() + " of the " + addIds.size() + " chosen members are not in the group"),
                        new Action.AddGroupMembers(groupName, group.id(), group.version(), toAdd, batch)));
            }
        }
        List<String> toRemove = group == null ? List.of()
                : removeIds.stream().filter(present::contains).toList();
        if (!toRemove.isEmpty()) {
            out.add(PlanItem.different(ItemKind.GROUP_MEMBERS, groupName + " (removals)", group.id(),
                    List.of(toRemove.size() + " chosen " + (toRemove.size() == 1 ? "person is" : "people are")
                            + " to be taken out"),
                    new Action.RemoveGroupMembers(groupName, group.id(), toRemove, batch)));
        }
        long after = group == null ? addIds.size() : group.memberCount() == null ? -1
                : group.memberCount() + addIds.stream().filter(id -> !present.contains(id)).count()
                - toRemove.size();
        if (after == 0) {
            out.add(new PlanItem(ItemKind.GROUP_MEMBERS, groupName, ItemState.BLOCKED, List.of("nobody in it"),
                    Blocker.optional(Fix.ADD_GROUP_MEMBERS, groupName + " is empty: " + meaning(groupName, appFilter),
                            "Add the people who use eMite to " + groupName + "."),
                    group == null ? null : group.id(), null));
        }
        return out;
    }

    /** What an empty eMite group means for eMite's users. */
    static String meaning(String groupName, boolean appFilter) {
        if (appFilter) {
            return "nobody will see the eMite app until someone is in this group.";
        }
        if (groupName.toLowerCase(java.util.Locale.ROOT).contains("creator")) {
            return "nobody can create or edit eMite dashboards and reports until someone is in this group.";
        }
        if (groupName.toLowerCase(java.util.Locale.ROOT).contains("viewer")) {
            return "nobody can view eMite dashboards and reports through this group until someone is in it.";
        }
        return "eMite gives nobody the rights of this group until someone is in it.";
    }

    private static List<String> resolve(String groupName, List<String> emails, Map<String, String> userIdByEmail,
                                        List<PlanItem> out) {
        List<String> ids = new ArrayList<>();
        for (String email : emails) {
            String id = userIdByEmail.get(Choices.normal(email));
            if (id == null) {
                out.add(PlanItem.blocked(ItemKind.GROUP_MEMBERS, groupName + ": " + email.trim(), null,
                        Blocker.required(Fix.CHECK_EMAIL, "No active user has the e-mail address " + email.trim()
                                + ".", "Check the address, or remove it from the members of " + groupName + ".")));
            } else if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return ids;
    }
}
