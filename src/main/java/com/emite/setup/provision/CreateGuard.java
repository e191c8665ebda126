package com.emite.setup.provision;

import java.util.HashMap;
import java.util.Map;

/**
 * Never a duplicate (issue 15): right before an object is created, looks whether it exists now although the plan
 * found none (another apply running at the same time, by another admin or another data folder). The listing of a
 * kind is read once per run, right before the first create of that kind: listings, not search, which lags.
 */
final class CreateGuard {
    enum Kind { GROUP, ROLE, CLIENT, INTEGRATION }

    private final ApplyRun run;
    /** Kind → name → id as listed right before this run's first create of that kind. */
    private final Map<Kind, Map<String, String>> listed = new HashMap<>();

    CreateGuard(ApplyRun run) {
        this.run = run;
    }

    /** The id of an object of {@code kind} named {@code name} that exists now although the plan found none, or null. */
    String createdMeanwhile(Kind kind, String name) {
        return listed.computeIfAbsent(kind, this::list).get(name);
    }

    private Map<String, String> list(Kind k) {
        Map<String, String> m = new HashMap<>();
        OrgApi api = run.api;
        switch (k) {
            case GROUP -> api.groups().forEach(x -> m.putIfAbsent(x.name(), x.id()));
            case ROLE -> api.roles().forEach(x -> m.putIfAbsent(x.name(), x.id()));
            case CLIENT -> api.oauthClients().forEach(x -> m.putIfAbsent(x.name(), x.id()));
            case INTEGRATION -> api.integrations().forEach(x -> m.putIfAbsent(x.name(), x.id()));
        }
        return m;
    }

    /** Journals an object found instead of created; the outcome's words. */
    String foundMeanwhile(PlanItem item, String id) {
        run.remember(item.kind(), item.target(), id);
        run.journal.stepDone(item.key(), id, "found, not created again");
        run.journal.addChange("found", item.kind(), item.target(), id, "made after the plan was read (another "
                + "apply at the same time?); not created again");
        return "found (id " + id + "): it appeared after the plan was read, perhaps from another apply running at "
                + "the same time; not created again";
    }
}
