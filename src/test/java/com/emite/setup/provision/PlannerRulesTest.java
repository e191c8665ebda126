package com.emite.setup.provision;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The planner's rules of issue #11, against an org in memory (milliseconds each, no HTTP). */
@ConcurrentMethods
class PlannerRulesTest {
    static final String ADHOC = "wfm:adhocForecast:view";
    static final String NOTIFICATION = "wfm:agentScheduleNotification:view";
    final Needs needs = BlueprintNeeds.standard();
    final Environment env = Environment.of(RegionCatalog.standard().byGenesysRegionId("us-east-1").orElseThrow());
    final MemoryOrgApi org = new MemoryOrgApi();
    final MemoryRunStore store = new MemoryRunStore();

    Plan plan(Choices choices) {
        return new Planner(org, needs, env, store, null, null).plan(choices);
    }

    int row(String permission) {
        return needs.role().permissions().stream().filter(p -> p.permission().equals(permission)).findFirst()
                .orElseThrow().row();
    }

    void withoutTheTwoWfmStrings() {
        org.catalog.remove(ADHOC);
        org.catalog.remove(NOTIFICATION);
    }

    @Test
    void aRowWithoutItsExactStringNeedsAChoiceWithRankedCandidatesAndNothingIsSubstituted() {
        withoutTheTwoWfmStrings();
        Plan p = plan(Choices.defaults());
        assertEquals(2, p.choicesNeeded().size());
        PermissionCheck adhoc = p.choicesNeeded().stream().filter(c -> c.row() == row(ADHOC)).findFirst()
                .orElseThrow();
        assertEquals(List.of("wfm:forecast:view", "wfm:shortTermForecast:view"), adhoc.candidates());
        PlanItem item = p.item(ItemKind.PERMISSION, ADHOC);
        assertEquals(ItemState.NEEDS_CHOICE, item.state());
        assertEquals(Fix.CHOOSE_PERMISSION, item.blocker().fix());
        assertTrue(p.requiredBlockers().contains(item), "a plan waiting for a choice is blocked (exit 2)");
        Action.CreateRole create = (Action.CreateRole) p.item(ItemKind.ROLE, needs.role().name()).action();
        List<RolePolicy> policies = create.policies();
        assertFalse(Planner.covers(policies, "wfm:forecast:view"), "no silent fuzzy substitute");
        assertFalse(Planner.covers(policies, "wfm:scheduleNotification:view"));
    }

    @Test
    void theAdminsChoiceIsGrantedAndShownAndRememberedAfterApply() {
        withoutTheTwoWfmStrings();
        Choices c = Choices.defaults().withPermissionChoice(row(ADHOC), "wfm:forecast:view")
                .withPermissionChoice(row(NOTIFICATION), "wfm:scheduleNotification:view");
        Plan p = plan(c);
        assertTrue(p.choicesNeeded().isEmpty());
        assertTrue(p.permissions().stream().anyMatch(x -> x.status() == PermissionCheck.Status.CHOSEN
                && x.permission().equals("wfm:forecast:view")));
        Action.CreateRole create = (Action.CreateRole) p.item(ItemKind.ROLE, needs.role().name()).action();
        assertTrue(Planner.covers(create.policies(), "wfm:forecast:view"));
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(p);
        assertTrue(r.finished(), r.error());
        assertTrue(r.changes().stream().anyMatch(ch -> ch.target().equals("wfm:forecast:view")),
                "the change report names the choice");
        Plan again = plan(Choices.defaults());
        assertTrue(again.choicesNeeded().isEmpty(), "the choice is remembered for the org");
        assertEquals(ItemState.PRESENT, again.item(ItemKind.ROLE, needs.role().name()).state());
    }

    @Test
    void aChoiceTheCatalogLacksStillNeedsAChoice() {
        withoutTheTwoWfmStrings();
        Plan p = plan(Choices.defaults().withPermissionChoice(row(ADHOC), "wfm:nothing:view"));
        assertEquals(ItemState.NEEDS_CHOICE, p.item(ItemKind.PERMISSION, ADHOC).state());
    }

    @Test
    void aLeftOutRowIsNotGrantedSaysWhatEmiteLosesAndIsNeverDrift() {
        int row = row("analytics:conversationDetail:view");
        Plan p = plan(Choices.defaults().withLeftOut(Set.of(row)));
        PermissionCheck left = p.leftOut().get(0);
        assertEquals(row, left.row());
        assertTrue(left.loses().contains("Conversation Detail"), left.loses());
        Action.CreateRole create = (Action.CreateRole) p.item(ItemKind.ROLE, needs.role().name()).action();
        assertFalse(Planner.covers(create.policies(), "analytics:conversationDetail:view"));
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(p);
        Plan verify = plan(Choices.defaults().withLeftOut(Set.of(row)));
        assertEquals(ItemState.PRESENT, verify.item(ItemKind.ROLE, needs.role().name()).state(),
                "the role without the left-out row is not drift");
    }

    @Test
    void anEmptyGroupIsFlaggedWithWhatItMeansAndTheFix() {
        Plan p = plan(Choices.defaults());
        assertEquals(3, p.emptyGroups().size());
        PlanItem access = p.emptyGroups().stream().filter(i -> i.target().equals("emite_Access")).findFirst()
                .orElseThrow();
        assertTrue(access.blocker().reason().contains("nobody will see the eMite app"), access.blocker().reason());
        assertFalse(access.blocker().required(), "a flag, not a blocker of apply");
        org.addUser("Joe Agent", "joe@example.com", "d-home");
        Plan withMember = plan(Choices.defaults().withGroupMembers(Map.of("emite_Access",
                List.of("joe@example.com"))));
        assertTrue(withMember.emptyGroups().stream().noneMatch(i -> i.target().equals("emite_Access")));
    }

    @Test
    void membersCanBeTakenOut() {
        OrgApi.UserInfo joe = org.addUser("Joe Agent", "joe@example.com", "d-home");
        OrgApi.GroupInfo g = org.createGroup("emite_Access", "official", "public", true, null);
        org.addGroupMembers(g.id(), 1, List.of(joe.id()));
        Plan p = plan(Choices.defaults().withGroupRemovals(Map.of("emite_Access", List.of("JOE@example.com"))));
        PlanItem removal = p.items().stream().filter(i -> i.action() instanceof Action.RemoveGroupMembers)
                .findFirst().orElseThrow();
        assertEquals(List.of(joe.id()), ((Action.RemoveGroupMembers) removal.action()).userIds());
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(p);
        assertTrue(org.groupMembers.get(g.id()).isEmpty());
    }

    @Test
    void aClientsGrantTypeChangedByHandIsDriftThroughTheFullReadAndApplyRepairsIt() {
        Plan first = plan(Choices.defaults());
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(first);
        OrgApi.ClientInfo api = org.clients.values().stream().filter(c -> c.name().equals("emite_APIdata"))
                .findFirst().orElseThrow();
        org.clients.put(api.id(), new OrgApi.ClientInfo(api.id(), api.name(), api.description(), "CODE", 3600,
                List.of("https://example.com"), api.scopes(), api.roleDivisions(), api.state()));
        Plan verify = plan(Choices.defaults());
        PlanItem item = verify.item(ItemKind.OAUTH_CLIENT, "emite_APIdata");
        assertEquals(ItemState.DIFFERENT, item.state());
        assertTrue(item.differences().stream().anyMatch(d -> d.contains("grant type is CODE")), item.toString());
        assertTrue(item.differences().stream().anyMatch(d -> d.contains("token duration")), item.toString());
        assertInstanceOf(Action.UpdateClient.class, item.action());
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(verify);
        assertEquals("CLIENT-CREDENTIALS", org.clients.get(api.id()).grantType());
        assertEquals(ItemState.PRESENT, plan(Choices.defaults()).item(ItemKind.OAUTH_CLIENT, "emite_APIdata")
                .state());
    }

    @Test
    void everyEmiteClientIsReadInFull() {
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(plan(Choices.defaults()));
        long before = org.reads;
        Plan p = plan(Choices.defaults().withWfm(true));
        assertNotNull(p);
        long clientsRead = needs.clients().stream().filter(c -> org.clients.values().stream()
                .anyMatch(x -> x.name().equals(c.name()))).count();
        assertTrue(org.reads - before >= clientsRead, "one full read per existing eMite client");
    }

    @Test
    void whenTheOrgRefusesAGrantToTheSignedInClientTheRoleIsAddedToThatClient() {
        org.me = new Identity(Identity.Kind.CLIENT, "own-client", "Admin client", Set.of("*:*:*"), Set.of());
        org.clients.put("own-client", new OrgApi.ClientInfo("own-client", "Admin client", "", "CLIENT-CREDENTIALS",
                86400, List.of(), List.of(), Map.of("master", Set.of("*")), "active"));
        org.refuseClientGrants = true;
        Plan p = plan(Choices.defaults());
        PlanItem grant = p.items().stream().filter(i -> i.kind() == ItemKind.ROLE_GRANT).findFirst().orElseThrow();
        assertTrue(String.join(" ", grant.differences()).contains("PUT /oauth/clients/own-client"),
                "the plan says which way applies: " + grant.differences());
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(p);
        assertTrue(r.finished(), r.error());
        OrgApi.ClientInfo own = org.clients.get("own-client");
        assertTrue(own.roleDivisions().containsKey("master"), "its other roles stay");
        assertTrue(own.roleDivisions().keySet().size() == 2, own.roleDivisions().toString());
        assertTrue(r.changes().stream().anyMatch(c -> c.detail() != null && c.detail().contains("added to your "
                + "OAuth client's roles")), r.changes().toString());
    }

    @Test
    void theSsoClientSaysItsScopeIsUsersReadonlyNotTheGuidesUserReadonly() {
        PlanItem sso = plan(Choices.defaults()).item(ItemKind.OAUTH_CLIENT, "emite_SSO");
        assertTrue(sso.differences().stream().anyMatch(d -> d.contains("users:readonly")
                && d.contains("user:readonly")), sso.differences().toString());
    }

    @Test
    void aShortNameOutsideTheGuidesRuleIsUsedWithAWarningNotABlock() {
        org.org = new OrgApi.OrgInfo("org-1", "Acme", "Acme_Corp");
        Plan p = plan(Choices.defaults());
        PlanItem o = p.item(ItemKind.ORGANIZATION, "Acme_Corp");
        assertEquals(ItemState.PRESENT, o.state());
        assertTrue(o.differences().stream().anyMatch(d -> d.startsWith("note: the guide expects")), o.toString());
        assertTrue(p.org().redirectUrl().contains("/Acme_Corp/"), p.org().redirectUrl());
    }

    @Test
    void theLicencePlanSaysWhoCountsAsAnAgentWithTheCount() {
        org.addUser("Ann", "ann@example.com", "d-home");
        org.addUser("Bob", "bob@example.com", "d-home");
        PlanItem role = plan(Choices.defaults()).item(ItemKind.LICENCE_ROLE, "eMite_Home");
        assertTrue(role.differences().contains("2 agents counted: the active users whose division is Home"),
                role.differences().toString());
    }

    @Test
    void anObjectMadeByAnotherRunAfterThePlanIsFoundRightBeforeTheCreateAndNotDuplicated() {
        Plan p = plan(Choices.defaults());
        // Another apply (another admin, another data folder) creates two of the objects meanwhile.
        org.createGroup("emite_Access", "official", "public", true, null);
        org.createClient(needs.clients().stream().filter(c -> c.name().equals("emite_APIdata")).findFirst()
                .orElseThrow(), Map.of());
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(p);
        assertTrue(r.finished(), r.error());
        assertEquals(1, org.groups.values().stream().filter(g -> g.name().equals("emite_Access")).count());
        assertEquals(1, org.clients.values().stream().filter(c -> c.name().equals("emite_APIdata")).count());
        assertTrue(r.outcomes().stream().anyMatch(o -> o.message().contains("not created again")),
                r.outcomes().toString());
        assertEquals(ItemState.SECRET_UNKNOWN, plan(Choices.defaults()).item(ItemKind.CLIENT_SECRET,
                "emite_APIdata").state(), "the next plan says the found client's secret is unknown");
    }

    @Test
    void aStepPastItsDeadlineEndsTheRunWithAPlainMessageAndASavedJournal() {
        Plan p = plan(Choices.defaults());
        org.createGroupMillis = 60_000;
        long t0 = System.nanoTime();
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(300)).apply(p);
        assertTrue(System.nanoTime() - t0 < java.util.concurrent.TimeUnit.SECONDS.toNanos(20), "not the 60 s");
        assertEquals(Journal.RunStatus.FAILED, r.status());
        assertTrue(r.error().contains("did not finish within"),
                r.error());
        assertEquals(Journal.RunStatus.FAILED, Journal.parse(store.loadJournal()).lastRun().status(),
                "the journal is saved");
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void aSecondObjectWithAnEmiteNameIsDriftAndIsDeletedOnlyWhenTheAdminConfirms() {
        new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(plan(Choices.defaults()));
        OrgApi.GroupInfo second = org.createGroup("emite_Access", "official", "public", true, null);
        OrgApi.CreatedClient secondClient = org.createClient(needs.clients().stream()
                .filter(c -> c.name().equals("emite_APIdata")).findFirst().orElseThrow(), Map.of());
        Plan verify = plan(Choices.defaults());
        assertEquals(2, verify.drift().stream().filter(i -> i.blocker() != null
                && i.blocker().fix() == Fix.REMOVE_DUPLICATE).count(), verify.drift().toString());
        assertTrue(verify.drift().stream().anyMatch(i -> i.blocker() != null
                && i.blocker().reason().contains("eMite stops working")), "a client's deletion is never silent");
        assertTrue(verify.toApply().stream().noneMatch(i -> i.action() instanceof Action.DeleteDuplicate),
                "nothing is deleted without the admin's confirmation");
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5))
                .apply(plan(Choices.defaults().withRemoveDuplicates(true)));
        assertTrue(r.finished(), r.error());
        assertFalse(org.groups.containsKey(second.id()));
        assertFalse(org.clients.containsKey(secondClient.id()));
        assertTrue(plan(Choices.defaults()).drift().isEmpty(), "the kept objects are the ones eMite uses");
    }

    @Test
    void theFormListsTheLicenceRolesSaysWhetherWfmIsSetUpAndNamesTheChoices() {
        withoutTheTwoWfmStrings();
        org.addUser("Ann", "ann@example.com", "d-home");
        Choices c = Choices.defaults().withPermissionChoice(row(ADHOC), "wfm:forecast:view")
                .withLeftOut(Set.of(row(NOTIFICATION)));
        ApplyResult r = new Executor(org, store, null, null, java.time.Duration.ofSeconds(5)).apply(plan(c));
        IntegrationForm form = FormBuilder.fromApply(r, needs, store, false);
        assertTrue(form.notes().contains("Licence roles (one per division, held by the division's active users): "
                + "eMite_Home"), form.notes().toString());
        assertTrue(form.notes().contains("WFM: not set up"), form.notes().toString());
        assertTrue(form.notes().stream().anyMatch(n -> n.contains("users:readonly")), form.notes().toString());
        assertTrue(form.notes().stream().anyMatch(n -> n.contains("wfm:forecast:view, chosen")),
                form.notes().toString());
        assertTrue(form.notes().stream().anyMatch(n -> n.endsWith(": left out")), form.notes().toString());
    }
}
