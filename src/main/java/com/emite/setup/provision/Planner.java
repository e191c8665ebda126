package com.emite.setup.provision;

import com.emite.setup.provision.OrgApi.ClientInfo;
import com.emite.setup.provision.OrgApi.GroupInfo;
import com.emite.setup.region.Environment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares an org with what eMite needs and what the admin chose: the result is a {@link Plan}. Reads only: the org is
 * read once into an {@link OrgSnapshot} ({@link SnapshotReader}), then each step of the guide is planned by a pure
 * function of the snapshot, the needs and the choices ({@link OrgStep}, {@link GroupStep}, {@link RoleStep},
 * {@link RoleGrantStep}, {@link ClientStep}, {@link AppStep}, {@link LicenceStep}), and {@link Preflight} checks that
 * the account may make every write.
 */
public final class Planner {
    private final OrgApi api;
    private final Needs needs;
    private final Environment environment;
    private final RunStore store;
    private final ProgressListener listener;
    private final CancellationToken token;

    public Planner(OrgApi api, Needs needs, Environment environment, RunStore store, ProgressListener listener,
                   CancellationToken token) {
        this.api = Objects.requireNonNull(api);
        this.needs = Objects.requireNonNull(needs);
        this.environment = Objects.requireNonNull(environment);
        this.store = Objects.requireNonNull(store);
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.token = token == null ? new CancellationToken() : token;
    }

    /** Reads the org and makes the plan for {@code choices}. */
    public Plan plan(Choices choices) {
        validateChoices(choices);
        OrgApi.CallCount start = api.calls();
        OrgSnapshot s = new SnapshotReader(api, needs, environment, store, listener, token).read(choices);
        return plan(s, needs, store, choices, api.calls().minus(start).reads());
    }

    /** The plan for a snapshot: a pure function (no request). */
    static Plan plan(OrgSnapshot s, Needs needs, RunStore store, Choices choices, long reads) {
        List<PlanItem> items = new ArrayList<>();
        items.add(OrgStep.item(s));
        if (!s.readProblems().isEmpty()) {
            List<PlanItem> all = new ArrayList<>(s.readProblems());
            all.addAll(items);
            return new Plan(s.facts(), s.me(), choices, all, List.of(), resumeNote(s.journal()), reads,
                    Instant.now());
        }
        items.addAll(GroupStep.items(s, needs, choices));
        RoleStep.Result role = RoleStep.plan(s, needs, choices);
        items.addAll(role.items());
        items.add(RoleGrantStep.item(s, needs, role.roleId()));
        items.addAll(ClientStep.items(s, needs, store, role.roleId(), choices));
        items.add(AppStep.item(s, needs));
        items.addAll(LicenceStep.items(s, needs, choices));
        items.addAll(UpkeepStep.items(s, needs, store, choices));
        items.addAll(DuplicatesRule.items(s, needs, store, choices));
        List<PlanItem> ordered = new ArrayList<>(Preflight.writeProblems(s.me(), items));
        ordered.addAll(items);
        Instant now = Instant.now();
        return new Plan(s.facts(), s.me(), choices, ordered, role.checks(), resumeNote(s.journal()), reads, now,
                OtherRunRule.note(s, needs, store, now));
    }

    /**
     * The licence step alone (keep-licences): reads only what it needs ({@link SnapshotReader#readLicences}) and
     * plans step 7, with the account's rights checked for those reads and writes only.
     */
    public Plan licencePlan(Choices choices) {
        return licencePlan(choices, false);
    }

    /** As {@link #licencePlan(Choices)}; with {@code takeBackFromLeavers}, also the role back from who left. */
    public Plan licencePlan(Choices choices, boolean takeBackFromLeavers) {
        OrgApi.CallCount start = api.calls();
        OrgSnapshot s = new SnapshotReader(api, needs, environment, store, listener, token).readLicences(choices);
        List<PlanItem> items = new ArrayList<>();
        if (!s.readProblems().isEmpty()) {
            items.addAll(s.readProblems());
            items.add(OrgStep.item(s));
        } else {
            List<PlanItem> licence = new ArrayList<>(LicenceStep.items(s, needs, choices));
            if (takeBackFromLeavers) {
                licence.addAll(LicenceStep.leaverItems(s, needs, choices));
            }
            items.addAll(Preflight.writeProblems(s.me(), licence));
            items.add(OrgStep.item(s));
            items.addAll(licence);
        }
        return new Plan(s.facts(), s.me(), choices, items, List.of(), null, api.calls().minus(start).reads(),
                Instant.now());
    }

    /**
     * The few reads the Integration Details Form needs (organization, groups, OAuth clients): a plan holding only
     * those items, for {@code export-form}.
     */
    public Plan formPlan(Choices choices) {
        OrgApi.CallCount start = api.calls();
        OrgApi.OrgInfo org = api.organization();
        OrgFacts facts = SnapshotReader.facts(org, environment, SnapshotReader.redirect(environment,
                org.shortName()));
        List<GroupInfo> groups = api.groups();
        List<ClientInfo> clients = api.oauthClients();
        List<PlanItem> items = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            items.add(groups.stream().filter(x -> x.name().equals(g.name())).findFirst()
                    .map(x -> PlanItem.present(ItemKind.GROUP, g.name(), x.id()))
                    .orElse(new PlanItem(ItemKind.GROUP, g.name(), ItemState.MISSING, List.of(), null, null, null)));
        }
        for (ClientSpec c : needs.clients()) {
            if (c.wfm() && !choices.withWfm()) {
                continue;
            }
            RunStore.StoredSecret stored = store.client(c.name());
            List<ClientInfo> same = clients.stream().filter(x -> x.name().equals(c.name())).toList();
            items.add(same.stream().filter(x -> stored != null && x.id().equals(stored.clientId())).findFirst()
                    .or(() -> same.stream().findFirst())
                    .map(x -> PlanItem.present(ItemKind.OAUTH_CLIENT, c.name(), x.id()))
                    .orElse(new PlanItem(ItemKind.OAUTH_CLIENT, c.name(), ItemState.MISSING, List.of(), null, null,
                            null)));
        }
        Identity nobody = new Identity(Identity.Kind.USER, "", "(not read)", Set.of(), Set.of());
        return new Plan(facts, nobody, choices, items, List.of(), null, api.calls().minus(start).reads(),
                Instant.now());
    }

    // ------------------------------------------------------------------------------------------------------------

    private void validateChoices(Choices choices) {
        Set<String> groupNames = new HashSet<>();
        needs.groups().forEach(g -> groupNames.add(g.name()));
        Set<String> named = new TreeSet<>(choices.groupMembers().keySet());
        named.addAll(choices.groupRemovals().keySet());
        for (String g : named) {
            if (!groupNames.contains(g)) {
                throw new ProvisionException("\"" + g + "\" is not one of the eMite groups ("
                        + String.join(", ", new TreeSet<>(groupNames)) + ").");
            }
        }
    }

    static String resumeNote(Journal journal) {
        Journal.Run r = journal.interruptedRun();
        if (r == null) {
            return null;
        }
        String how = switch (r.status()) {
            case RUNNING -> "stopped unexpectedly";
            case CANCELLED -> "was cancelled";
            case FAILED -> "failed" + (r.error() == null ? "" : " (" + r.error() + ")");
            case FINISHED -> "finished";
        };
        long open = r.steps().values().stream().filter(s -> s.status() != Journal.StepStatus.DONE).count();
        return "The apply started " + r.startedAt() + " by " + r.account() + " " + how + ". This plan continues "
                + "from what the org has now" + (open > 0 ? "; " + open + " step(s) it had started were looked up "
                + "by name first, so nothing is created twice." : ".");
    }

    /** True if the policies grant {@code permission} (wildcards included). */
    static boolean covers(List<RolePolicy> policies, String permission) {
        return Policies.covers(policies, permission);
    }
}
