package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/**
 * A second object with an eMite name (two applies at once, or one made by hand) is drift: the plan names it, and apply
 * deletes it only when the admin confirmed the clean-up ({@link Choices#removeDuplicates()}). The object eMite keeps
 * is the one the other steps use (for a client: the one whose secret the vault holds).
 */
final class DuplicatesRule {
    private DuplicatesRule() {
    }

    static List<PlanItem> items(OrgSnapshot s, Needs needs, RunStore store, Choices choices) {
        List<PlanItem> out = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            List<OrgApi.GroupInfo> same = s.groups().stream().filter(x -> x.name().equals(g.name())).toList();
            for (OrgApi.GroupInfo extra : same.subList(Math.min(1, same.size()), same.size())) {
                out.add(item(ItemKind.GROUP, g.name(), extra.id(), same.get(0).id(), choices, "", "eMite"));
            }
        }
        List<ClientSpec> clients = new ArrayList<>(needs.clients());
        clients.add(UpkeepNeed.clientSpec()); // eMite Setup's own client: a second one is as unwanted
        for (ClientSpec c : clients) {
            OrgApi.ClientInfo kept = s.emiteClient(c.name(), store);
            String warning = UpkeepNeed.CLIENT_NAME.equals(c.name()) ? " Its secret is not in the vault, so "
                    + "keep-licences never signs in with it; deleting it takes away the rights it holds."
                    : " Its secret is not in the vault: if someone gave it to eMite by another way, eMite stops "
                    + "working with it when it is deleted.";
            for (OrgApi.ClientInfo extra : s.clients().stream().filter(x -> x.name().equals(c.name())
                    && !x.id().equals(kept.id())).toList()) {
                out.add(item(ItemKind.OAUTH_CLIENT, c.name(), extra.id(), kept.id(), choices, warning,
                        UpkeepNeed.CLIENT_NAME.equals(c.name()) ? "keep-licences" : "eMite"));
            }
        }
        List<OrgApi.IntegrationInfo> apps = s.emiteApps(needs.app());
        for (OrgApi.IntegrationInfo extra : apps.subList(Math.min(1, apps.size()), apps.size())) {
            out.add(item(ItemKind.CLIENT_APP, needs.app().name(), extra.id(), apps.get(0).id(), choices, "",
                    "eMite"));
        }
        return out;
    }

    private static PlanItem item(ItemKind kind, String name, String id, String keptId, Choices choices,
                                 String warning, String user) {
        Blocker b = Blocker.optional(Fix.REMOVE_DUPLICATE, "A second " + kind.noun() + " is named " + name + " (id "
                + id + "); " + user + " uses " + keptId + ". Two applies at the same time, or one made by hand, can "
                + "leave one." + warning, "Confirm the clean-up to delete the second one.");
        Action delete = choices.removeDuplicates() ? new Action.DeleteDuplicate(kind, name, id) : null;
        return new PlanItem(kind, name + " (second, id " + id + ")", ItemState.DIFFERENT,
                List.of("a second " + kind.noun() + " with this name" + (delete == null ? "" : ": it is deleted")),
                b, id, delete);
    }
}
