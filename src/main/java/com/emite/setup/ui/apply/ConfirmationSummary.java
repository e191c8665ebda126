package com.emite.setup.ui.apply;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.Identity;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.ui.common.Words;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What apply's confirmation says, in short, about the plan it is about to apply. The Review page lists every change
 * one by one just above the question, so the question does not list them again: it counts them by kind, names what
 * reaches people (a role for the signed-in account, licences for agents, group members) and what cannot be undone
 * (a secret reset, a deleted second copy), and says where the new secrets go. Pure: no JavaFX, no I/O.
 *
 * @param changes    "New in your org: 3 groups, 1 role, …", one line per sort of change (never empty for a plan with
 *                   changes)
 * @param people     what reaches people, one line each (empty when nothing does)
 * @param cannotUndo what cannot be undone, one line each (empty when nothing)
 * @param secrets    where the new client secrets go ("" when the plan gets none)
 */
public record ConfirmationSummary(List<String> changes, List<String> people, List<String> cannotUndo, String secrets) {
    public ConfirmationSummary {
        changes = List.copyOf(changes);
        people = List.copyOf(people);
        cannotUndo = List.copyOf(cannotUndo);
    }

    static final ConfirmationSummary NONE = new ConfirmationSummary(List.of(), List.of(), List.of(), "");

    /** The summary of what {@code plan} applies; {@code vaultFile} is where its new secrets are kept. */
    static ConfirmationSummary of(Plan plan, Path vaultFile) {
        // Counts by kind, in the plan's order (the guide's steps), one map per sort of change.
        Map<ItemKind, Integer> made = new LinkedHashMap<>();
        Map<ItemKind, Integer> putRight = new LinkedHashMap<>();
        Map<ItemKind, Integer> deleted = new LinkedHashMap<>();
        int resets = 0;
        List<String> people = new ArrayList<>();
        List<String> cannotUndo = new ArrayList<>();
        int roleGrants = 0;
        int licenceGrants = 0;
        int agents = 0;
        Set<String> agentDivisions = new LinkedHashSet<>();
        int leavers = 0;
        Set<String> leaverDivisions = new LinkedHashSet<>();
        int waits = 0;
        int secrets = 0;
        int memberChanges = 0;
        for (PlanItem i : plan.toApply()) {
            Action a = i.action();
            if (a instanceof Action.CreateGroup || a instanceof Action.CreateRole || a instanceof Action.CreateClient
                    || a instanceof Action.ClientApp app && app.integrationId() == null) {
                made.merge(i.kind(), 1, Integer::sum);
                secrets += a instanceof Action.CreateClient ? 1 : 0;
            } else if (a instanceof Action.UpdateGroup || a instanceof Action.UpdateRole
                    || a instanceof Action.UpdateClient || a instanceof Action.ClientApp) {
                putRight.merge(i.kind(), 1, Integer::sum);
            } else if (a instanceof Action.GrantRoleToIdentity g) {
                roleGrants++;
                Identity me = plan.identity();
                String who = me != null ? me.name() : g.subjectId();
                people.add(g.subjectKind() == Identity.Kind.USER
                        ? Words.get("apply.summary.roleGrant.user", who, g.roleName())
                        : Words.get("apply.summary.roleGrant.client", who, g.roleName()));
            } else if (a instanceof Action.GrantLicence g) {
                licenceGrants++;
                agents += g.userIds().size();
                agentDivisions.add(g.divisionName());
            } else if (a instanceof Action.RevokeLicence r) {
                licenceGrants++;
                leavers += r.userIds().size();
                leaverDivisions.add(r.divisionName());
            } else if (a instanceof Action.AddGroupMembers m) {
                memberChanges++;
                people.add(Words.count("apply.summary.join", m.userIds().size(), m.groupName()));
            } else if (a instanceof Action.RemoveGroupMembers m) {
                memberChanges++;
                people.add(Words.count("apply.summary.leave", m.userIds().size(), m.groupName()));
            } else if (a instanceof Action.ResetSecret r) {
                secrets++;
                resets++;
                cannotUndo.add(Words.get("apply.summary.reset", r.name()));
            } else if (a instanceof Action.DeleteDuplicate d) {
                deleted.merge(d.kind(), 1, Integer::sum);
                cannotUndo.add(Words.get("apply.summary.delete", noun(d.kind(), 1), d.name()));
            } else if (a instanceof Action.AwaitGrant) {
                waits++;
            }
        }
        if (agents > 0) {
            people.add(Words.count("apply.summary.licences", agents, places(agentDivisions)));
        }
        if (leavers > 0) {
            people.add(Words.count("apply.summary.takeBack", leavers, places(leaverDivisions)));
        }

        List<String> changes = new ArrayList<>();
        if (!made.isEmpty()) {
            changes.add(Words.get("apply.summary.new", counted(made)));
        }
        if (!putRight.isEmpty()) {
            changes.add(Words.get("apply.summary.putRight", counted(putRight)));
        }
        List<String> given = new ArrayList<>();
        if (roleGrants > 0) {
            given.add(Words.count("apply.summary.nRoleGrants", roleGrants));
        }
        if (licenceGrants > 0) {
            given.add(Words.count("apply.summary.nLicenceChanges", licenceGrants));
        }
        if (memberChanges > 0) {
            given.add(Words.count("apply.summary.nMemberChanges", memberChanges));
        }
        if (!given.isEmpty()) {
            changes.add(Words.get("apply.summary.access", String.join(", ", given)));
        }
        if (resets > 0) {
            changes.add(Words.count("apply.summary.resets", resets));
        }
        if (!deleted.isEmpty()) {
            changes.add(Words.get("apply.summary.deleted", counted(deleted)));
        }
        if (waits > 0) {
            changes.add(Words.count("apply.summary.waits", waits));
        }
        String where = secrets == 0 ? "" : Words.count("apply.summary.secrets", secrets,
                vaultFile == null ? "" : vaultFile.toString());
        return new ConfirmationSummary(changes, people, cannotUndo, where);
    }

    /** "3 groups, 1 role, 3 OAuth clients". */
    private static String counted(Map<ItemKind, Integer> byKind) {
        List<String> parts = new ArrayList<>();
        byKind.forEach((kind, n) -> parts.add(n + " " + noun(kind, n)));
        return String.join(", ", parts);
    }

    /** "in Brazil" for one division, "in 4 divisions" for more. */
    private static String places(Set<String> divisions) {
        return divisions.size() == 1 ? Words.get("apply.summary.inDivision", divisions.iterator().next())
                : Words.get("apply.summary.inDivisions", String.valueOf(divisions.size()));
    }

    private static String noun(ItemKind kind, int n) {
        return switch (kind) {
            case GROUP -> n == 1 ? Words.get("apply.kind.group.one") : Words.get("apply.kind.group.other");
            case ROLE -> n == 1 ? Words.get("apply.kind.role.one") : Words.get("apply.kind.role.other");
            case OAUTH_CLIENT -> n == 1 ? Words.get("apply.kind.client.one") : Words.get("apply.kind.client.other");
            case CLIENT_APP -> n == 1 ? Words.get("apply.kind.app.one") : Words.get("apply.kind.app.other");
            case LICENCE_ROLE -> n == 1 ? Words.get("apply.kind.licenceRole.one")
                    : Words.get("apply.kind.licenceRole.other");
            default -> n == 1 ? Words.get("apply.kind.other.one") : Words.get("apply.kind.other.other");
        };
    }
}
