package com.emite.setup.provision;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The removal plan's rules without a server: only what the journal says was created, and the account's rights. */
class RemovalTest {
    final MemoryOrgApi org = new MemoryOrgApi();
    final Needs needs = BlueprintNeeds.standard();
    final MemoryRunStore store = new MemoryRunStore();

    private String created(ItemKind kind, String name, String id) {
        Journal j = Journal.parse(store.loadJournal());
        j.beginRun("test");
        j.addChange("created", kind, name, id, null);
        j.endRun(Journal.RunStatus.FINISHED, null);
        store.saveJournal(j.toJson());
        return id;
    }

    @Test
    void onlyWhatTheJournalSaysWasCreatedIsRemovedUnlessIncludeExisting() {
        OrgApi.GroupInfo ours = org.createGroup("emite_Access", "official", "public", true, "");
        OrgApi.GroupInfo theirs = org.createGroup("emite_DashboardViewer", "official", "public", true, "");
        org.createGroup("Sales", "official", "public", true, "");
        created(ItemKind.GROUP, "emite_Access", ours.id());

        Removal.Plan plan = new Removal(org, needs, store).plan(false);
        assertEquals(List.of(ours.id()), plan.toRemove().stream().map(Removal.Item::id).toList());
        assertEquals(List.of(theirs.id()), plan.kept().stream().map(Removal.Item::id).toList());
        assertEquals(2, plan.items().size(), "Sales has no eMite name");

        Removal.Plan all = new Removal(org, needs, store).plan(true);
        assertEquals(2, all.toRemove().size());
        new Removal(org, needs, store).apply(all, "test", null);
        assertEquals(List.of("Sales"), org.groups().stream().map(OrgApi.GroupInfo::name).toList());
        assertTrue(Journal.parse(store.loadJournal()).changes().stream()
                .filter(c -> c.action().equals("removed")).count() == 2);
    }

    @Test
    void anAccountWithoutTheDeleteRightsRemovesNothing() {
        OrgApi.GroupInfo g = org.createGroup("emite_Access", "official", "public", true, "");
        created(ItemKind.GROUP, "emite_Access", g.id());
        org.me = new Identity(Identity.Kind.USER, "me", "Jane", Set.of("directory:group:view"), Set.of());
        Removal.Plan plan = new Removal(org, needs, store).plan(false);
        assertEquals(List.of("directory:group:delete (to delete groups)"), plan.missingPermissions());
        int writes = org.writes.size();
        assertThrows(ProvisionException.class, () -> new Removal(org, needs, store).apply(plan, "test", null));
        assertEquals(writes, org.writes.size());
        assertEquals(1, org.groups().size());
    }
}
