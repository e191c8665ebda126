package com.emite.setup.provision;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The apply journal of one org, kept in the vault: the last run with every step's state before and after, and the
 * history of changes made (the change report). A run killed at any point leaves a journal that says which steps were
 * started and not finished; the next plan looks those objects up before creating anything. Not thread-safe: the
 * executor owns it during a run.
 */
public final class Journal {
    public enum RunStatus { RUNNING, FINISHED, CANCELLED, FAILED }

    public enum StepStatus { STARTED, DONE, FAILED }

    /** Changes kept at most (oldest dropped first). */
    static final int MAX_CHANGES = 2000;

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    /** One step of a run. */
    public static final class Step {
        String key;
        StepStatus status;
        String id;
        String at;
        String detail;
        /** The run that started it (a step carried over from an interrupted run keeps its run id). */
        String runId;
        /**
         * When a create (or secret reset) of this step was sent, or, once it failed without an answer, when it failed:
         * Genesys may still do it until the late-write window has passed. Null when no such write is pending.
         */
        String unanswered;

        public String key() {
            return key;
        }

        public StepStatus status() {
            return status;
        }

        public String id() {
            return id;
        }

        public String at() {
            return at;
        }

        public String detail() {
            return detail;
        }

        public String runId() {
            return runId;
        }
    }

    /** One apply run. */
    public static final class Run {
        String runId;
        String startedAt;
        String endedAt;
        String account;
        RunStatus status;
        String error;
        Map<String, Step> steps = new LinkedHashMap<>();

        public String runId() {
            return runId;
        }

        public String startedAt() {
            return startedAt;
        }

        public String account() {
            return account;
        }

        public RunStatus status() {
            return status;
        }

        public String error() {
            return error;
        }

        public Map<String, Step> steps() {
            return steps;
        }
    }

    /** Grants made by recent runs: Genesys shows a new grant only after a delay, so a run soon after must not repeat them. */
    static final class Grants {
        String at;
        List<String> subjects = new ArrayList<>();
    }

    /** How long grants are remembered (well beyond Genesys' delay in applying them). */
    public static final java.time.Duration RECENT_GRANTS = java.time.Duration.ofMinutes(15);

    int format = 1;
    Run run;
    List<Change> changes = new ArrayList<>();
    Map<String, Grants> recentGrants = new LinkedHashMap<>();
    Map<Integer, String> permissionChoices = new java.util.TreeMap<>();
    /** Ids of every object a run of this vault created, found or settled (so a later plan knows them as ours). */
    java.util.Set<String> knownIds = new java.util.LinkedHashSet<>();

    public static Journal empty() {
        return new Journal();
    }

    /** Reads a journal; an unreadable one is replaced by an empty journal (it only ever improves messages). */
    public static Journal parse(String json) {
        if (json == null || json.isBlank()) {
            return empty();
        }
        try {
            Journal j = GSON.fromJson(json, Journal.class);
            if (j == null) {
                return empty();
            }
            if (j.changes == null) {
                j.changes = new ArrayList<>();
            }
            if (j.recentGrants == null) {
                j.recentGrants = new LinkedHashMap<>();
            }
            if (j.knownIds == null) {
                j.knownIds = new java.util.LinkedHashSet<>();
            }
            if (j.permissionChoices == null) {
                j.permissionChoices = new java.util.TreeMap<>();
            }
            if (j.run != null && j.run.steps == null) {
                j.run.steps = new LinkedHashMap<>();
            }
            return j;
        } catch (JsonParseException e) {
            return empty();
        }
    }

    public String toJson() {
        return GSON.toJson(this);
    }

    /** The last run (finished or not), or null. */
    public Run lastRun() {
        return run;
    }

    /** The last run if it did not finish (killed, cancelled or failed), else null. */
    public Run interruptedRun() {
        return run != null && run.status != RunStatus.FINISHED ? run : null;
    }

    /**
     * A step that an unfinished run started and never finished: the object may or may not exist. Null if none.
     */
    public Step unfinishedStep(String key) {
        Run r = interruptedRun();
        if (r == null) {
            return null;
        }
        Step s = r.steps.get(key);
        return s != null && s.status != StepStatus.DONE ? s : null;
    }

    /** Starts a new run. Unfinished steps of an interrupted run are carried over until this run settles them. */
    public Run beginRun(String account) {
        Run previous = interruptedRun();
        Run r = new Run();
        r.runId = UUID.randomUUID().toString();
        r.startedAt = now();
        r.account = account;
        r.status = RunStatus.RUNNING;
        if (previous != null) {
            previous.steps.values().stream().filter(s -> s.status != StepStatus.DONE)
                    .forEach(s -> r.steps.put(s.key, s));
        }
        run = r;
        pruneGrants();
        return r;
    }

    public void stepStarted(String key, String detail) {
        Step earlier = run.steps.get(key);
        Step s = new Step();
        s.unanswered = earlier != null && earlier.status != StepStatus.DONE ? earlier.unanswered : null;
        s.key = key;
        s.status = StepStatus.STARTED;
        s.at = now();
        s.detail = detail;
        s.runId = run.runId;
        run.steps.put(key, s);
    }

    public void stepDone(String key, String id, String detail) {
        Step s = run.steps.computeIfAbsent(key, k -> {
            Step n = new Step();
            n.key = k;
            n.runId = run.runId;
            return n;
        });
        s.status = StepStatus.DONE;
        s.unanswered = null;
        s.id = id;
        if (id != null) {
            knownIds.add(id);
        }
        s.at = now();
        s.detail = detail;
    }

    public void stepFailed(String key, String message) {
        Step s = run.steps.get(key);
        if (s != null) {
            s.status = StepStatus.FAILED;
            s.detail = message;
            s.at = now();
        }
    }

    /**
     * Notes that the step's create (or reset) is being sent now: until it is answered, the org may do it at any time
     * within the late-write window, also after this process ended.
     */
    public void writeSending(String key) {
        Step s = run.steps.get(key);
        if (s != null) {
            s.unanswered = now();
        }
    }

    /** The step's write was answered (done, or refused for sure): nothing is pending any more. */
    public void writeAnswered(String key) {
        Step s = run.steps.get(key);
        if (s != null) {
            s.unanswered = null;
        }
    }

    /** The step's write got no answer: the org may still do it; the window counts from now. */
    public void writeUnanswered(String key) {
        Step s = run.steps.get(key);
        if (s != null) {
            s.unanswered = now();
        }
    }

    /**
     * When a write of this step that never got an answer was sent or failed (by this run or an interrupted one), or
     * null when none is pending.
     */
    public Instant unansweredWriteAt(String key) {
        Step s = run != null ? run.steps.get(key) : null;
        return s != null && s.status != StepStatus.DONE && s.unanswered != null ? Instant.parse(s.unanswered) : null;
    }

    /** Settles a carried-over step that the new plan found already in place (it needed no action this run). */
    public void settle(String key, String id) {
        if (run != null && run.steps.containsKey(key) && run.steps.get(key).status != StepStatus.DONE) {
            stepDone(key, id, "found in place");
        }
    }

    public void endRun(RunStatus status, String error) {
        run.status = status;
        run.endedAt = now();
        run.error = error;
    }

    /** Ends the current run as finished when {@code last} (so a removal's last save holds its end). */
    void endRunIfLast(boolean last) {
        if (last) {
            endRun(RunStatus.FINISHED, null);
        }
    }

    /** Notes grants just made (role in division to subjects). */
    public void recordGrants(String roleId, String divisionId, List<String> subjects) {
        Grants g = recentGrants.computeIfAbsent(roleId + "@" + divisionId, k -> new Grants());
        g.at = now();
        g.subjects.addAll(subjects);
    }

    /** Subjects given the role in the division by a run less than {@link #RECENT_GRANTS} ago. */
    public java.util.Set<String> recentlyGranted(String roleId, String divisionId) {
        Grants g = recentGrants.get(roleId + "@" + divisionId);
        if (g == null || g.at == null || Instant.parse(g.at).isBefore(Instant.now().minus(RECENT_GRANTS))) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(g.subjects);
    }

    /** Forgets grants older than {@link #RECENT_GRANTS}. */
    void pruneGrants() {
        Instant limit = Instant.now().minus(RECENT_GRANTS);
        recentGrants.values().removeIf(g -> g.at == null || Instant.parse(g.at).isBefore(limit));
    }

    /** True when a run of this vault created, found or settled the object with this id. */
    public boolean knows(String id) {
        return id != null && (knownIds.contains(id) || changes.stream().anyMatch(c -> id.equals(c.id())));
    }

    public void addChange(String action, ItemKind kind, String target, String id, String detail) {
        changes.add(new Change(run.runId, now(), run.account, action, kind, target, id, detail));
        while (changes.size() > MAX_CHANGES) {
            changes.remove(0);
        }
    }

    /**
     * The permission the admin chose for each row whose exact string this org's catalog lacks (row → permission),
     * remembered so that the next plan of this org uses it without asking again.
     */
    public Map<Integer, String> permissionChoices() {
        return permissionChoices == null ? Map.of() : Map.copyOf(permissionChoices);
    }

    /** Remembers the admin's choices for this org (an earlier choice for the same row is replaced). */
    public void rememberPermissionChoices(Map<Integer, String> choices) {
        if (permissionChoices == null) {
            permissionChoices = new java.util.TreeMap<>();
        }
        permissionChoices.putAll(choices);
    }

    /** Every change kept, oldest first. */
    public List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The changes of one run. */
    public List<Change> changesOf(String runId) {
        return changes.stream().filter(c -> c.runId().equals(runId)).toList();
    }

    static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
