package com.emite.setup.live;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.MemoryRunStore;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.Removal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One live cycle against an org: apply the run-tagged blueprint ({@link LiveBlueprint}), verify that everything holds
 * (what the command line's {@code verify} calls exit 0), remove all of it with the engine's {@code Removal}, and check
 * that the org's groups, roles, OAuth clients, integrations and the signed-in client's own grants are as before. The
 * licence roles go to the home division only, to keep the run small. The removal runs even when a step before fails.
 */
final class LiveCycle {
    /** What the cycle cost, in API requests (every attempt on the wire; token requests apart). */
    record Report(String tag, long plan, long apply, long verify, long remove, long check, int made, int removed) {
        long total() {
            return plan + apply + verify + remove + check;
        }

        @Override
        public String toString() {
            return "live cycle " + tag + ": " + made + " steps done, " + removed + " removed; requests: plan " + plan
                    + ", apply " + apply + ", verify " + verify + ", remove " + remove + ", before/after checks " + check
                    + ", total " + total();
        }
    }

    private LiveCycle() {
    }

    static Report run(LiveOrg org, Path dataDir) {
        Blueprint tagged = LiveBlueprint.tagged(org.runTag());
        Needs needs = BlueprintNeeds.from(tagged);
        Connection c = org.connect(dataDir);
        GenesysClient client = c.client();
        long[] mark = {calls(client)};
        try {
            Map<String, List<String>> before = state(client);
            long check = since(client, mark);
            String home = client.listDivisions().filter(d -> Boolean.TRUE.equals(d.homeDivision()))
                    .map(AuthzDivision::name).findFirst().orElseThrow();
            Choices choices = Choices.defaults().withDivisions(List.of(home));
            SetupService setup = new SetupService(needs, dataDir, Duration.ofMinutes(2));
            MemoryRunStore store = new MemoryRunStore();
            long plan = 0;
            long apply = 0;
            long verify = 0;
            int made = 0;
            Removal.Result removed;
            long remove;
            try {
                Plan p = setup.plan(c, store, choices, null, new CancellationToken());
                plan = since(client, mark);
                assertEquals(SetupService.Verdict.OK, SetupService.verdict(p, false), "the plan is blocked: "
                        + names(p.requiredBlockers()) + " " + names(p.unresolvedSecrets()));
                ApplyResult applied = setup.apply(c, store, p, null, new CancellationToken());
                apply = since(client, mark);
                made = (int) applied.outcomes().stream().filter(ApplyResult.Outcome::done).count();
                assertTrue(applied.finished(), "apply stopped: " + applied.outcomes().stream().filter(o -> !o.done())
                        .map(o -> o.item().key() + ": " + o.message()).toList());
                Plan v = setup.plan(c, store, choices, null, new CancellationToken());
                verify = since(client, mark);
                assertEquals(SetupService.Verdict.OK, SetupService.verdict(v, true), "verify: drift "
                        + names(v.drift()) + ", blocked " + names(v.requiredBlockers()));
                assertTrue(v.toApply().isEmpty(), "after apply nothing is left to do: " + names(v.toApply()));
            } finally {
                mark[0] = calls(client);
                Removal removal = new Removal(c.api(), needs, store);
                removed = removal.apply(removal.plan(false), "the live test " + org.runTag(), null);
                remove = since(client, mark);
            }
            assertTrue(removed.finished(), "remove stopped: " + removed.outcomes().stream().filter(o -> !o.done())
                    .map(o -> o.item().name() + ": " + o.message()).toList());
            Map<String, List<String>> after = state(client);
            check += since(client, mark);
            assertEquals(before, after, "the org is as it was");
            return new Report(org.runTag(), plan, apply, verify, remove, check, made,
                    (int) removed.outcomes().stream().filter(Removal.Outcome::done).count());
        } finally {
            c.close();
        }
    }

    /** What the cycle could leave behind: ids of each kind of object, and the signed-in client's own grants. */
    static Map<String, List<String>> state(GenesysClient client) {
        Map<String, List<String>> s = new TreeMap<>();
        s.put("groups", client.listGroups().map(g -> g.id()).sorted().toList());
        s.put("roles", client.listRoles().map(r -> r.id()).sorted().toList());
        s.put("oauthClients", client.listOAuthClients().map(o -> o.id()).sorted().toList());
        s.put("integrations", client.listIntegrations().map(i -> i.id()).sorted().toList());
        AuthzSubject me;
        try {
            me = client.getMySubject();
        } catch (GenesysApiException e) {
            // subjects/me may refuse a client token (ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS is inferred)
            me = client.getSubject(client.clientCredentialsId().orElseThrow(() -> e));
        }
        s.put("ownGrants", me.grants() == null ? List.of() : me.grants().stream()
                .map(g -> g.role().id() + "@" + g.division().id()).sorted().toList());
        return s;
    }

    private static String names(List<PlanItem> items) {
        return items.stream().map(PlanItem::key).collect(Collectors.toCollection(ArrayList::new)).toString();
    }

    private static long calls(GenesysClient client) {
        return client.stats().snapshot().calls();
    }

    private static long since(GenesysClient client, long[] mark) {
        long now = calls(client);
        long d = now - mark[0];
        mark[0] = now;
        return d;
    }
}
