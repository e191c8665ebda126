package com.emite.setup.ui.apply;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.ClientSpec;
import com.emite.setup.provision.Identity;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.OrgFacts;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.RolePolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Apply's confirmation in short: counts by kind (not each change again), what reaches people, what cannot be undone,
 * where the new secrets go.
 */
class ConfirmationSummaryTest {
    private static final Path VAULT = Path.of("/home/jane/.local/share/emite-setup/acme.emitevault");

    private static Plan plan(Identity.Kind kind, List<PlanItem> items) {
        OrgFacts org = new OrgFacts("o1", "Acme", "acme", "Americas (US East)", "us-east-1", "useast",
                "https://useast-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme", "https://api");
        Identity me = new Identity(kind, "u1", "Jane Admin", Set.of("*"), Set.of());
        return new Plan(org, me, Choices.defaults(), items, List.of(), null, 10, Instant.now());
    }

    private static PlanItem group(String name) {
        return PlanItem.missing(ItemKind.GROUP, name, new Action.CreateGroup(name, "official", "public", true, ""));
    }

    private static PlanItem client(String name) {
        return PlanItem.missing(ItemKind.OAUTH_CLIENT, name, new Action.CreateClient(new ClientSpec(name, "",
                "CLIENT-CREDENTIALS", 86400, List.of(), List.of(), "eMite Data Integration", false)));
    }

    private static PlanItem licences(String division, int agents) {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < agents; i++) {
            users.add(division + "-user-" + i);
        }
        return PlanItem.missing(ItemKind.LICENCE_GRANTS, "eMite_" + division, new Action.GrantLicence(
                "eMite_" + division, null, "d-" + division, division, users, 50));
    }

    /** The demo org's first apply: 3 groups, the role and its grant, 3 clients, the app, 2 divisions' licences. */
    private static List<PlanItem> firstApply() {
        return List.of(group("emite_Access"), group("emite_DashboardViewer"), group("emite_DashboardCreator"),
                PlanItem.missing(ItemKind.ROLE, "eMite Data Integration", new Action.CreateRole(
                        "eMite Data Integration", "", List.of(RolePolicy.of("analytics:conversationAggregate:view")))),
                PlanItem.missing(ItemKind.ROLE_GRANT, "eMite Data Integration to Jane Admin",
                        new Action.GrantRoleToIdentity("eMite Data Integration", null, Identity.Kind.USER, "u1",
                                "*")),
                client("emite_SSO"), client("emite_APIdata"), client("emite_RealtimeData"),
                PlanItem.missing(ItemKind.CLIENT_APP, "eMite Advanced Analytics", new Action.ClientApp(null,
                        "eMite Advanced Analytics", "embedded-client-app", 1, null, true, true)),
                PlanItem.missing(ItemKind.LICENCE_ROLE, "eMite_Brazil", new Action.CreateRole("eMite_Brazil", "",
                        List.of(RolePolicy.of("integration:emiteApps:view")))),
                licences("Brazil", 11),
                PlanItem.missing(ItemKind.LICENCE_ROLE, "eMite_Home", new Action.CreateRole("eMite_Home", "",
                        List.of(RolePolicy.of("integration:emiteApps:view")))),
                licences("Home", 8));
    }

    @Test
    void aFirstApplyIsCountedByKindWithTheGrantsToPeopleAndWhereTheSecretsGo() {
        ConfirmationSummary s = ConfirmationSummary.of(plan(Identity.Kind.USER, firstApply()), VAULT);

        assertEquals(List.of("New in your org: 3 groups, 1 role, 3 OAuth clients, 1 client app, 2 licence roles.",
                "Access: 1 role given to an account, licences in 2 divisions."), s.changes());
        assertEquals(List.of("Your own account, Jane Admin, gets the role eMite Data Integration in all divisions.",
                "19 agents in 2 divisions get an eMite licence role, so eMite counts them."), s.people());
        assertEquals(List.of(), s.cannotUndo(), "nothing here is final: Remove eMite takes it all back");
        assertEquals("3 new client secrets go only into your vault, the file " + VAULT + ". Genesys Cloud shows a "
                + "secret once, and nothing else keeps it.", s.secrets());
    }

    @Test
    void theSummaryNamesNoSingleChangeOfTheListAbove() {
        Plan p = plan(Identity.Kind.USER, firstApply());
        ConfirmationSummary s = ConfirmationSummary.of(p, VAULT);
        List<String> all = new ArrayList<>(s.changes());
        all.addAll(s.people());
        all.add(s.secrets());
        // The Review page's list says "Group emite_Access: Apply creates it." for each change: none comes back here.
        for (PlanItem i : p.toApply()) {
            if (i.kind() == ItemKind.GROUP || i.kind() == ItemKind.OAUTH_CLIENT || i.kind() == ItemKind.LICENCE_ROLE) {
                assertTrue(all.stream().noneMatch(line -> line.contains(i.target())), i.target() + " in " + all);
            }
        }
        assertTrue(all.size() < p.toApply().size() / 2, "a few lines for " + p.toApply().size() + " changes: " + all);
    }

    @Test
    void aClientSignInIsNamedAsTheClientAndOneDivisionByName() {
        ConfirmationSummary s = ConfirmationSummary.of(plan(Identity.Kind.CLIENT, List.of(
                PlanItem.missing(ItemKind.ROLE_GRANT, "eMite Data Integration to Jane Admin",
                        new Action.GrantRoleToIdentity("eMite Data Integration", "r1", Identity.Kind.CLIENT, "c1",
                                "*")),
                licences("Brazil", 1))), VAULT);
        assertEquals(List.of("The OAuth client you signed in with, Jane Admin, gets the role eMite Data "
                + "Integration in all divisions.", "1 agent in Brazil gets an eMite licence role, so eMite counts "
                + "them."), s.people());
        assertEquals("", s.secrets(), "no new secret: nothing said about the vault");
    }

    @Test
    void aSecretResetADeletedCopyAndMembersAreSaidPlainly() {
        ConfirmationSummary s = ConfirmationSummary.of(plan(Identity.Kind.USER, List.of(
                PlanItem.different(ItemKind.GROUP, "emite_Access", "g1", List.of("visibility"),
                        new Action.UpdateGroup("g1", 3, "emite_Access", "", List.of(), "public", true)),
                PlanItem.missing(ItemKind.GROUP_MEMBERS, "emite_Access", new Action.AddGroupMembers("emite_Access",
                        "g1", 3, List.of("a", "b"), 50)),
                PlanItem.missing(ItemKind.GROUP_MEMBERS, "emite_DashboardViewer", new Action.RemoveGroupMembers(
                        "emite_DashboardViewer", "g2", List.of("c"), 50)),
                PlanItem.missing(ItemKind.CLIENT_SECRET, "emite_APIdata", new Action.ResetSecret("c2",
                        "emite_APIdata")),
                PlanItem.missing(ItemKind.OAUTH_CLIENT, "emite_SSO", new Action.DeleteDuplicate(
                        ItemKind.OAUTH_CLIENT, "emite_SSO", "c9")),
                PlanItem.missing(ItemKind.LICENCE_GRANTS, "eMite_Home (left Home)", new Action.RevokeLicence(
                        "eMite_Home", "r2", "d-Home", "Home", List.of("x", "y", "z"))))), VAULT);

        assertEquals(List.of("Put right: 1 group.", "Access: licences in 1 division, members of 2 groups.",
                "A new secret for 1 existing OAuth client.", "Deleted for good: 1 OAuth client."), s.changes());
        assertEquals(List.of("2 people join the group emite_Access.", "1 person leaves the group "
                + "emite_DashboardViewer.", "3 people who moved out of a division lose its eMite licence role "
                + "(in Home)."), s.people());
        assertEquals(List.of("emite_APIdata gets a new secret and its old one stops working at once: whatever still "
                + "uses the old one can no longer sign in.", "The second OAuth client named emite_SSO is deleted for "
                + "good."), s.cannotUndo());
        assertTrue(s.secrets().startsWith("1 new client secret goes only into your vault, the file " + VAULT),
                s.secrets());
    }
}
