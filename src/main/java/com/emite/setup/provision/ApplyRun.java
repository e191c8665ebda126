package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state one apply run shares between its actions: the plan, the journal, the ids of objects found or created,
 * group versions, the pending own grant and the write count. Ids of objects created in the run are kept from the
 * create responses and never read back. Not thread-safe: one run, one worker thread.
 */
final class ApplyRun {
    final OrgApi api;
    final RunStore store;
    final ProgressListener listener;
    final CancellationToken token;
    final Plan plan;
    final Journal journal;
    final Map<String, String> ids = new LinkedHashMap<>();
    final Map<String, Integer> groupVersions = new HashMap<>();
    final List<ApplyResult.Outcome> outcomes = new ArrayList<>();
    /** Clients found instead of created (another run made them): their secrets are not in the vault. */
    final List<PlanItem> secretsUnknown = new ArrayList<>();
    final OrgApi.CallCount start;
    final long total;
    final String account;
    long done;
    /** The role granted to the signed-in account in this run (or an earlier one) and not yet seen in force. */
    String pendingGrantRoleId;

    ApplyRun(OrgApi api, RunStore store, ProgressListener listener, CancellationToken token, Plan plan) {
        this.api = api;
        this.store = store;
        this.listener = listener;
        this.token = token;
        this.plan = plan;
        this.journal = Journal.parse(store.loadJournal());
        this.start = api.calls();
        this.total = plan.writeCount();
        this.account = plan.identity().describe();
        for (PlanItem i : plan.items()) {
            String ref = Executor.ref(i.kind(), i.target());
            if (ref != null && i.existingId() != null) {
                ids.putIfAbsent(ref, i.existingId());
            }
        }
    }

    /** Journals the item as done with its change (saved at the next step boundary); the outcome's words. */
    String finish(PlanItem item, String action, String id, String detail) {
        journal.stepDone(item.key(), id, action);
        journal.addChange(action, item.kind(), item.target(), id, detail);
        return action + (id == null ? "" : " (id " + id + ")") + (detail == null ? "" : ": " + detail);
    }

    /** Counts {@code n} write requests sent, for the progress bar and the remaining-requests estimate. */
    void wrote(int n) {
        done += n;
        listener.progress(done, total);
        listener.remainingRequests(Math.max(0, total - done));
    }

    /** Notes a client this run found instead of creating: its secret is unknown until it is reset. */
    void secretUnknown(String name, String clientId) {
        Blocker b = Blocker.required(Fix.RESET_UNKNOWN_SECRETS, "The client was made by another request than this "
                + "run's (an earlier one that got no answer, or another apply at the same time), so its secret was "
                + "never seen here.", "Issue a new secret (the old one stops working), then give eMite the new one.");
        secretsUnknown.add(new PlanItem(ItemKind.CLIENT_SECRET, name, ItemState.SECRET_UNKNOWN,
                List.of("needs a reset"), b, clientId, null));
    }

    /** One durable save of the journal. */
    void save() {
        store.saveJournal(journal.toJson());
    }

    /** Remembers the id of an object found or created in this run. */
    void remember(ItemKind kind, String name, String id) {
        ids.put(Executor.ref(kind, name), id);
    }

    /** The id of an object the plan found or this run created; an internal error if neither. */
    String id(ItemKind kind, String name) {
        String id = ids.get(Executor.ref(kind, name));
        if (id == null) {
            throw new ProvisionException("Internal error: the id of " + kind.label().toLowerCase() + " " + name
                    + " is not known. Run plan again.");
        }
        return id;
    }
}
