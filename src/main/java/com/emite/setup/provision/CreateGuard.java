package com.emite.setup.provision;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Never a duplicate (issue 15): right before an object is created, looks whether it exists now although the plan
 * found none (another apply running at the same time, by another admin or another data folder). The listing of a
 * kind is read once per run, right before the first create of that kind: listings, not search, which lags.
 * <p>A create that got no answer (timeout, dropped connection, 5xx) may still be done by the org after the client gave
 * up, and a run started at once can overtake it (issue 15: 3 of 10 seeded runs duplicated). So every create is
 * journalled as sent, durably, before it goes out; when it gets no answer, the journal keeps the time. The next create
 * of the same step (this run's or a later one's, after a kill too) first waits until the org's late-write window has
 * passed since then ({@link OrgApi#lateWriteWindow()}), then reads the listing again: a late create is found, not
 * made twice.
 */
final class CreateGuard {
    enum Kind { GROUP, ROLE, CLIENT, INTEGRATION }

    private final ApplyRun run;
    /** Kind → name → id as listed right before this run's first create of that kind. */
    private final Map<Kind, Map<String, String>> listed = new HashMap<>();

    CreateGuard(ApplyRun run) {
        this.run = run;
    }

    /**
     * The id of the object {@code item} would create if it exists now, or null. When an earlier create of this item
     * got no answer, first waits out the late-write window and reads the listing again.
     */
    String existing(PlanItem item, Kind kind, String name) {
        String found = createdMeanwhile(kind, name);
        if (found != null || !waitOutLateWrite(item)) {
            return found;
        }
        listed.remove(kind);
        return createdMeanwhile(kind, name);
    }

    /**
     * Waits until a write of this item that never got an answer can no longer be done by the org; true when there
     * was one (whether or not time was left).
     */
    boolean waitOutLateWrite(PlanItem item) {
        Instant at = run.journal.unansweredWriteAt(item.key());
        if (at == null) {
            return false;
        }
        Duration left = Duration.between(Instant.now(), at.plus(run.api.lateWriteWindow()));
        if (left.toMillis() > 0) {
            run.listener.message("An earlier request for " + item.kind().label().toLowerCase() + " " + item.target()
                    + " got no answer (" + at + "): Genesys Cloud may still be doing it. Waiting "
                    + Math.max(1, left.toSeconds()) + " s, then looking again, so that nothing is made twice.");
            run.listener.waiting(ProgressListener.Wait.LATE_WRITE, left);
            run.token.sleep(left.toMillis());
        }
        return true;
    }

    /**
     * Sends a create (or reset) of {@code item}: journalled as sent (durably) first; an answer clears it; no answer
     * keeps the time of the failure, from which the late-write window counts.
     *
     * @param refusalIsSure whether a plain refusal means the org did not do it (false for a write the client repeats
     *                      on its own, where an earlier attempt may have got lost)
     */
    <T> T send(PlanItem item, boolean refusalIsSure, Supplier<T> write) {
        run.journal.writeSending(item.key());
        run.save();
        try {
            T answer = write.get();
            run.journal.writeAnswered(item.key());
            return answer;
        } catch (OrgApi.OutcomeUnknown | RunCancelledException e) {
            run.journal.writeUnanswered(item.key());
            throw e;
        } catch (ProvisionException e) {
            if (refusalIsSure) {
                run.journal.writeAnswered(item.key());
            } else {
                run.journal.writeUnanswered(item.key());
            }
            throw e;
        } catch (RuntimeException e) {
            run.journal.writeUnanswered(item.key());
            throw e;
        }
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
        boolean late = run.journal.unansweredWriteAt(item.key()) != null;
        run.remember(item.kind(), item.target(), id);
        run.journal.stepDone(item.key(), id, "found, not created again");
        run.journal.addChange("found", item.kind(), item.target(), id, late
                ? "an earlier create got no answer but was done; not created again"
                : "made after the plan was read (another apply at the same time?); not created again");
        return "found (id " + id + "): " + (late ? "an earlier request to create it got no answer, but Genesys Cloud "
                + "did it" : "it appeared after the plan was read, perhaps from another apply running at the same "
                + "time") + "; not created again";
    }
}
