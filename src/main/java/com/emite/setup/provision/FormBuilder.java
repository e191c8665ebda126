package com.emite.setup.provision;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Makes the Integration Details Form from a plan (or an apply's result) and the secrets in the vault. */
public final class FormBuilder {
    private FormBuilder() {
    }

    /** The form for what the plan found (ids of existing objects). */
    public static IntegrationForm fromPlan(Plan plan, Needs needs, RunStore store, boolean includeSecrets) {
        return fromPlan(plan, needs, store, includeSecrets, Set.of(), false);
    }

    /** The form after a secret rotation: the org as {@code current} found it, the rotated secrets marked new. */
    public static IntegrationForm afterRotation(Plan current, ApplyResult rotation, Needs needs, RunStore store) {
        // A rotation reads the org with the WFM clients on, so that it rotates them where the org has them: its form
        // lists them only then, never as clients still to create.
        return fromPlan(current, needs, store, false, issuedBy(rotation), true);
    }

    private static IntegrationForm fromPlan(Plan plan, Needs needs, RunStore store, boolean includeSecrets,
                                            Set<String> issuedNow, boolean wfmOnlyIfPresent) {
        Map<String, String> ids = new HashMap<>();
        for (PlanItem i : plan.items()) {
            String ref = Executor.ref(i.kind(), i.target());
            if (ref != null && i.existingId() != null) {
                ids.putIfAbsent(ref, i.existingId());
            }
        }
        return build(plan, needs, ids, store, includeSecrets, issuedNow, wfmOnlyIfPresent);
    }

    /** The form after an apply (ids of existing and created objects). */
    public static IntegrationForm fromApply(ApplyResult result, Needs needs, RunStore store, boolean includeSecrets) {
        return build(result.plan(), needs, result.ids(), store, includeSecrets, issuedBy(result), false);
    }

    /** Clients whose secret the run issued (created, or reset): eMite needs those now. */
    static Set<String> issuedBy(ApplyResult result) {
        Set<String> issued = new HashSet<>();
        for (ApplyResult.Outcome o : result.outcomes()) {
            if (o.done() && (o.item().action() instanceof Action.ResetSecret
                    || o.item().action() instanceof Action.CreateClient)) {
                issued.add(o.item().target());
            }
        }
        return issued;
    }

    private static IntegrationForm build(Plan plan, Needs needs, Map<String, String> ids, RunStore store,
                                         boolean includeSecrets, Set<String> issuedNow, boolean wfmOnlyIfPresent) {
        OrgFacts o = plan.org();
        List<IntegrationForm.GroupEntry> groups = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            groups.add(new IntegrationForm.GroupEntry(g.name(), ids.get(Executor.ref(ItemKind.GROUP, g.name()))));
        }
        List<IntegrationForm.ClientEntry> clients = new ArrayList<>();
        for (ClientSpec c : needs.clients()) {
            String id = ids.get(Executor.ref(ItemKind.OAUTH_CLIENT, c.name()));
            if (c.wfm() && (!plan.choices().withWfm() || (wfmOnlyIfPresent && id == null))) {
                continue;
            }
            RunStore.StoredSecret s = store.client(c.name());
            // A secret the plan calls unknown (e.g. a reset cut before the save) is dead, even if the vault has one.
            boolean dead = !issuedNow.contains(c.name()) && plan.items().stream().anyMatch(i -> i.kind()
                    == ItemKind.CLIENT_SECRET && i.target().equals(c.name()) && i.state() == ItemState.SECRET_UNKNOWN);
            boolean held = s != null && id != null && id.equals(s.clientId()) && !dead;
            clients.add(new IntegrationForm.ClientEntry(c.name(), purpose(c), id, held ? s.secret() : null,
                    held ? s.issuedAt() : null, held && issuedNow.contains(c.name())));
        }
        return new IntegrationForm(o.orgName(), o.orgId(), o.shortName(), o.regionName(), o.regionId(),
                o.emiteCode(), o.redirectUrl(), needs.app().name(), groups, clients, includeSecrets,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), notes(plan, needs, ids));
    }

    /** The licence roles and their divisions, WFM's state, and where the setup differs from the guide's text. */
    static List<String> notes(Plan plan, Needs needs, Map<String, String> ids) {
        List<String> out = new ArrayList<>();
        List<String> licences = plan.items().stream().filter(i -> i.kind() == ItemKind.LICENCE_ROLE
                && ids.get(Executor.ref(ItemKind.LICENCE_ROLE, i.target())) != null).map(PlanItem::target).toList();
        if (!licences.isEmpty()) {
            out.add("Licence roles (one per division, held by the division's active users): "
                    + String.join(", ", licences));
        }
        boolean wfm = needs.clients().stream().filter(ClientSpec::wfm)
                .anyMatch(c -> ids.get(Executor.ref(ItemKind.OAUTH_CLIENT, c.name())) != null);
        out.add(wfm ? "WFM: set up (emite_WFMLookback, emite_WFMActivity)" : "WFM: not set up");
        for (ClientSpec c : needs.clients()) {
            if (!c.wfm() || wfm) {
                needs.notesFor(c.name()).forEach(n -> out.add(c.name() + ": " + n.replaceFirst("^note: ", "")));
            }
        }
        plan.permissions().stream().filter(p -> p.status() == PermissionCheck.Status.CHOSEN)
                .forEach(p -> out.add("Role permission row " + p.row() + " (" + p.label() + "): " + p.permission()
                        + ", chosen because the org has no exact match"));
        plan.permissions().stream().filter(p -> p.status() == PermissionCheck.Status.LEFT_OUT)
                .forEach(p -> out.add("Role permission row " + p.row() + " (" + p.label() + "): left out"));
        return out;
    }

    static String purpose(ClientSpec c) {
        return switch (c.name()) {
            case "emite_SSO" -> "Single sign-on (code authorization)";
            case "emite_APIdata" -> "API polls: historical data (client credentials)";
            case "emite_RealtimeData" -> "Notification subscriptions: real-time data (client credentials)";
            case "emite_WFMLookback" -> "WFM historical data (client credentials)";
            case "emite_WFMActivity" -> "WFM real-time data (client credentials)";
            default -> c.clientCredentials() ? "Client credentials" : "Code authorization";
        };
    }
}
