package com.emite.setup.cli;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.GenesysOrgApi;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.Journal;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** remove against a sandbox org over HTTP: plan, confirm with the short name, remove, compare with a snapshot (#12). */
class CliRemoveTest {
    @TempDir
    Path dir;

    static GenesysOrgApi admin(CliSandboxTest.Org org) {
        GenesysClient c = GenesysClient.forSingleBase(org.sandbox.baseUrl());
        c.signInWithClientCredentials(org.sandbox.adminClientId(), org.sandbox.adminClientSecret());
        return new GenesysOrgApi(c);
    }

    /**
     * What the org holds, ids aside: group, role (with permissions), OAuth client and integration names, and every
     * grant of every user and of the admin client as role name and division.
     */
    static Set<String> snapshot(CliSandboxTest.Org org) {
        GenesysOrgApi api = admin(org);
        Set<String> s = new TreeSet<>();
        api.groups().forEach(g -> s.add("group " + g.name()));
        api.roles().forEach(r -> s.add("role " + r.name() + " " + r.policies().stream()
                .map(p -> p.domain() + ":" + p.entityName() + ":" + new TreeSet<>(p.actions()))
                .sorted().collect(Collectors.joining(","))));
        api.oauthClients().forEach(c -> s.add("client " + c.name()));
        api.integrations().forEach(i -> s.add("integration " + i.name()));
        SandboxInspector in = org.sandbox.inspect();
        List<String> subjects = new ArrayList<>(in.activeUserIds());
        subjects.add(org.sandbox.adminClientId());
        for (String subject : subjects) {
            for (SandboxInspector.GrantInfo g : in.grantsOf(subject)) {
                s.add("grant " + subject + " " + g.roleName() + " in " + g.divisionId());
            }
        }
        return s;
    }

    static void assertNoOrphanGrant(CliSandboxTest.Org org) {
        SandboxInspector in = org.sandbox.inspect();
        List<String> subjects = new ArrayList<>(in.activeUserIds());
        subjects.add(org.sandbox.adminClientId());
        for (String subject : subjects) {
            for (SandboxInspector.GrantInfo g : in.grantsOf(subject)) {
                assertTrue(g.roleName() != null, "grant of " + subject + " to a role that is gone: " + g.roleId());
            }
        }
    }

    @Test
    void applyThenRemoveLeavesTheOrgAsItWasAndKeepsWhatWasThereBefore() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            // A group with an eMite name that the admin made by hand before eMite Setup.
            GenesysClient c = GenesysClient.forSingleBase(org.sandbox.baseUrl());
            c.signInWithClientCredentials(org.sandbox.adminClientId(), org.sandbox.adminClientSecret());
            String handMade = c.createGroup(GroupCreate.officialPublic("emite_Access")).id();
            CliSandboxTest.settle();
            Set<String> snapshot = snapshot(org);

            CliSandboxTest.Result apply = org.run("apply", "--yes");
            assertEquals(0, apply.code(), apply.err() + apply.out());
            CliSandboxTest.settle();
            assertNotEquals(snapshot, snapshot(org), "apply changed the org");

            CliSandboxTest.Result refused = org.withInput("litware\n", "remove");
            assertEquals(1, refused.code(), refused.err());
            assertTrue(refused.out().contains("OAuth client emite_APIdata"), refused.out());
            assertTrue(refused.out().contains("eMite STOPS WORKING"), refused.out());
            assertTrue(refused.out().contains("keep     Group emite_Access (id " + handMade + "): kept: it was there "
                    + "before eMite Setup (--include-existing removes it too)"), refused.out());
            assertTrue(refused.err().contains("Type the org's short name (" + org.sandbox.orgShortName() + ")"),
                    refused.err());
            assertTrue(refused.err().contains("Nothing was removed."), refused.err());

            long writesBefore = org.sandbox.stats().writes();
            CliSandboxTest.Result removed = org.withInput(org.sandbox.orgShortName() + "\n", "remove");
            assertEquals(0, removed.code(), removed.err() + removed.out());
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("remove makes (\\d+) write requests")
                    .matcher(removed.out());
            assertTrue(m.find(), removed.out());
            assertEquals(Long.parseLong(m.group(1)), org.sandbox.stats().writes() - writesBefore,
                    "the plan's count of write requests is what remove sent");
            assertTrue(removed.out().contains("Removed. What was removed is recorded in the vault"), removed.out());
            CliSandboxTest.settle();

            assertEquals(snapshot, snapshot(org), "the org is as it was before apply (ids aside)");
            assertNoOrphanGrant(org);
            assertEquals(List.of(handMade), org.sandbox.inspect().groupIdsNamed("emite_Access"));

            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                OrgRecord r = v.contents().findOrg(org.sandbox.orgId()).orElseThrow();
                List<Change> gone = Journal.parse(r.journal()).changes().stream()
                        .filter(x -> x.action().equals("removed")).toList();
                assertTrue(gone.stream().anyMatch(x -> x.target().equals("emite_APIdata")), gone.toString());
                assertTrue(gone.stream().anyMatch(x -> x.kind() == ItemKind.ROLE), gone.toString());
                assertTrue(gone.stream().anyMatch(x -> x.kind() == ItemKind.LICENCE_ROLE), gone.toString());
                assertTrue(gone.stream().noneMatch(x -> x.id() != null && x.id().equals(handMade)));
                assertTrue(r.client("emite_APIdata").isEmpty(), "a deleted client's secret is forgotten");
            }

            CliSandboxTest.Result again = org.run("remove", "--yes");
            assertEquals(0, again.code(), again.err());
            assertTrue(again.err().contains("Nothing to remove."), again.err());
            CliSandboxTest.Result all = org.run("remove", "--yes", "--include-existing");
            assertEquals(0, all.code(), all.err() + all.out());
            assertTrue(org.sandbox.inspect().groupIdsNamed("emite_Access").isEmpty());
        }
    }
}
