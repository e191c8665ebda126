package com.emite.setup.ui.plan;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.Blocker;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.Identity;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.OrgFacts;
import com.emite.setup.provision.PermissionCheck;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plan in plain words: sections by step, badges, why and who can fix it, and what apply will do. */
class PlanPresenterTest {
    private static Plan plan(List<PlanItem> items) {
        OrgFacts org = new OrgFacts("o1", "Acme", "acme", "Americas (US East)", "us-east-1", "useast",
                "https://useast-cloud.emite.com/emite/acme/Auth/OAuthPureCloud?org=acme", "https://api");
        Identity me = new Identity(Identity.Kind.USER, "u1", "Jane Admin", Set.of("*"), Set.of());
        List<PermissionCheck> checks = List.of(new PermissionCheck(1, "Analytics", "Conversation Aggregate",
                "View", "analytics:conversationAggregate:view", true, false, null));
        return new Plan(org, me, Choices.defaults(), items, checks, null, 10, Instant.now());
    }

    @Test
    void sectionsFollowTheStepsAndSayWhatApplyDoes() {
        Plan p = plan(List.of(
                PlanItem.missing(ItemKind.GROUP, "emite_Access",
                        new Action.CreateGroup("emite_Access", "official", "public", true, "")),
                PlanItem.present(ItemKind.ROLE, "eMite Data Integration", "r1", "41 permissions in place"),
                PlanItem.blocked(ItemKind.PERMISSION, "wfm:agentSchedule:view", null,
                        Blocker.optional(com.emite.setup.provision.Fix.ENABLE_WFM, "Your org has no WFM licence, so wfm:agentSchedule:view does not exist.",
                                "Nothing to do unless you want WFM data in eMite; then add the WFM licence.")),
                new PlanItem(ItemKind.CLIENT_SECRET, "emite_APIdata", ItemState.SECRET_UNKNOWN,
                        List.of("needs a reset"), Blocker.required(com.emite.setup.provision.Fix.RESET_UNKNOWN_SECRETS, "The client exists, but its secret is not in "
                        + "the vault.", "A new secret is issued (the old one stops working); then give eMite the new "
                        + "one."), "c1", null)));
        List<PlanSection> sections = PlanPresenter.sections(p);
        assertEquals(List.of(2, 3, 5, 8), sections.stream().map(PlanSection::step).toList());
        assertEquals("Step 2 · Groups", sections.get(0).title());

        PlanRow group = sections.get(0).rows().get(0);
        assertEquals("Group emite_Access", group.title());
        assertEquals(Badge.MISSING, group.badge());
        assertEquals(List.of("Apply creates it."), group.lines());

        PlanRow notOffered = sections.get(1).rows().get(1);
        assertEquals(Badge.NOT_AVAILABLE, notOffered.badge(), "WFM not chosen: not blocking");
        assertTrue(notOffered.lines().get(1).contains("eMite works without WFM data"));
        assertTrue(notOffered.lines().get(2).contains("tick \"Also set up the WFM clients\""),
                notOffered.lines().get(2));

        PlanRow secret = sections.get(2).rows().get(0);
        assertEquals(Badge.SECRET_UNKNOWN, secret.badge());
        assertTrue(secret.lines().stream().anyMatch(l -> l.startsWith("Who can fix it: You: tick \"Issue new secrets")),
                secret.lines()::toString);
        assertTrue(secret.lines().stream().noneMatch(l -> l.contains("--")), "no command-line options on screen");

        assertTrue(PlanPresenter.summary(p).startsWith("1 change to make"), PlanPresenter.summary(p));
        assertTrue(PlanPresenter.summary(p).contains("1 item is blocked"));
    }

    @Test
    void anOrgInPlaceSaysSo() {
        Plan p = plan(List.of(PlanItem.present(ItemKind.GROUP, "emite_Access", "g1")));
        assertEquals("Everything eMite needs is in place.", PlanPresenter.summary(p));
        PlanSection form = PlanPresenter.sections(p).get(1);
        assertEquals(8, form.step());
        assertEquals(Badge.PRESENT, form.rows().get(0).badge());
    }

    @Test
    void theFixIsWordedForTheWindowThenTheEnginesAdvice() {
        var b = com.emite.setup.provision.Blocker.required(com.emite.setup.provision.Fix.ALL_DIVISIONS,
                "No division named Sales.", "Check the name.");
        assertEquals("You: choose \"All divisions\" on the Licences tab, or tick other divisions. Check the name.",
                PlanPresenter.fix(b));
    }

    /**
     * What apply takes away is said as such on the Review page's list (it said "Apply changes it." for each): members
     * taken out, a licence role taken back, a second copy deleted.
     */
    @Test
    void takingAwayIsSaidPlainly() {
        assertEquals("Apply takes 2 members out.", PlanPresenter.willDo(PlanItem.different(ItemKind.GROUP_MEMBERS,
                "emite_Access (removals)", "g1", List.of(), new Action.RemoveGroupMembers("emite_Access", "g1",
                        List.of("a", "b"), 50))));
        assertEquals("Apply takes it back from 1 person in Home.", PlanPresenter.willDo(PlanItem.different(
                ItemKind.LICENCE_GRANTS, "eMite_Home (left Home)", "r1", List.of(), new Action.RevokeLicence(
                        "eMite_Home", "r1", "d1", "Home", List.of("x")))));
        assertEquals("Apply deletes it for good.", PlanPresenter.willDo(PlanItem.different(ItemKind.OAUTH_CLIENT,
                "emite_SSO (second, id c9)", "c9", List.of(), new Action.DeleteDuplicate(ItemKind.OAUTH_CLIENT,
                        "emite_SSO", "c9"))));
    }
}
