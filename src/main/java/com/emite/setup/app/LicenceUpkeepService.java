package com.emite.setup.app;

import com.emite.setup.provision.Action;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.Choices;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.LicenceUpkeep;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;
import com.emite.setup.provision.RunStore;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.vault.DataFolder;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * The unattended licence upkeep (issue 12): reads what the licence step needs (no groups, clients or app), plans it, grants the division's eMite
 * role to the active agents who lack it, and writes one report per run into the data folder's owner-only
 * {@code logs/} folder. Both faces use it: the command line's {@code keep-licences} and a scheduler entry.
 */
public final class LicenceUpkeepService {
    /** Report files are named {@code keep-licences-<short name>-<UTC time>.json}. */
    public static final String REPORT_PREFIX = "keep-licences-";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private final SetupService setup;

    public LicenceUpkeepService(SetupService setup) {
        this.setup = Objects.requireNonNull(setup);
    }

    /** How a run ended, as a scheduler and monitoring read it. */
    public enum Verdict {
        /** Nothing to do, or every missing licence granted: exit 0. */
        DONE,
        /** Something stops the upkeep (no eMite licence permission, the account lacks a permission): exit 2. */
        BLOCKED,
        /** A request failed or the run was stopped: exit 1. */
        FAILED
    }

    /**
     * @param verdict  how it ended
     * @param granted  agents given their division's eMite role by this run
     * @param summary  one line for standard output and monitoring
     * @param plan     the licence-only plan
     * @param result   the apply's result, null when nothing was to do or something blocked
     * @param report   the report file written (null if it could not be written)
     */
    public record Outcome(Verdict verdict, int granted, String summary, Plan plan, ApplyResult result, Path report) {
    }

    /** Reads, grants and reports. Blocks; the window calls it inside a background task. */
    public Outcome run(Connection c, RunStore store, Choices choices, ProgressListener listener,
                       CancellationToken token) {
        return run(c, store, choices, false, listener, token);
    }

    /**
     * As above; with {@code takeBackFromLeavers} (off by default), the licence role of a division is also taken back
     * from active users who hold it but are in another division now.
     */
    public Outcome run(Connection c, RunStore store, Choices choices, boolean takeBackFromLeavers,
                       ProgressListener listener, CancellationToken token) {
        Instant started = Instant.now();
        Plan plan = LicenceUpkeep.plan(setup.licencePlan(c, store, choices, takeBackFromLeavers, listener, token));
        String org = plan.org().shortName();
        List<PlanItem> blocked = plan.requiredBlockers();
        Outcome out;
        if (!blocked.isEmpty()) {
            PlanItem first = blocked.get(0);
            out = new Outcome(Verdict.BLOCKED, 0, "keep-licences " + org + ": blocked, nothing granted: "
                    + first.blocker().reason() + " " + upkeepAdvice(plan, first).orElse(first.blocker().advice()),
                    plan, null, null);
        } else if (takeBackFromLeavers && !plan.identity().holds(UpkeepNeed.TAKE_BACK_PERMISSION)) {
            // Asked for, so checked on every run, not first on the day a leaver appears.
            out = new Outcome(Verdict.BLOCKED, 0, "keep-licences " + org + ": blocked, nothing granted: the "
                    + "account (" + plan.identity().describe() + ") may not take licences back: it lacks the "
                    + "permission " + UpkeepNeed.TAKE_BACK_PERMISSION + ". " + (UpkeepNeed.CLIENT_NAME.equals(
                    plan.identity().name()) ? TAKE_BACK_ADVICE : "Ask a Genesys Cloud admin for it, or leave out "
                    + "--take-back-from-leavers."), plan, null, null);
        } else if (plan.toApply().isEmpty()) {
            out = new Outcome(Verdict.DONE, 0, "keep-licences " + org + ": nothing to do, every active agent in "
                    + divisions(plan) + " holds the division's eMite role.", plan, null, null);
        } else {
            ApplyResult result = setup.apply(c, store, plan, listener, token);
            int granted = result.outcomes().stream().filter(ApplyResult.Outcome::done)
                    .map(o -> o.item().action()).filter(a -> a instanceof Action.GrantLicence)
                    .mapToInt(a -> ((Action.GrantLicence) a).userIds().size()).sum();
            int roles = (int) result.outcomes().stream().filter(o -> o.done()
                    && o.item().kind() == ItemKind.LICENCE_ROLE).count();
            int takenBack = result.outcomes().stream().filter(ApplyResult.Outcome::done)
                    .map(o -> o.item().action()).filter(a -> a instanceof Action.RevokeLicence)
                    .mapToInt(a -> ((Action.RevokeLicence) a).userIds().size()).sum();
            String what = "granted the eMite role to " + granted + " agent" + (granted == 1 ? "" : "s")
                    + (roles == 0 ? "" : ", made or completed " + roles + " licence role" + (roles == 1 ? "" : "s"))
                    + (takenBack == 0 ? "" : ", took it back from " + takenBack + " user" + (takenBack == 1 ? "" : "s")
                    + " who left the division");
            if (!result.finished()) {
                String why = result.outcomes().stream().filter(o -> !o.done() && o.message() != null)
                        .map(ApplyResult.Outcome::message).findFirst().orElse("the run stopped");
                out = new Outcome(Verdict.FAILED, granted, "keep-licences " + org + ": failed after it " + what
                        + ": " + why, plan, result, null);
            } else {
                out = new Outcome(Verdict.DONE, granted, "keep-licences " + org + ": " + what + ".", plan, result,
                        null);
            }
        }
        return withReport(out, started);
    }

    /**
     * What to do when the upkeep sign-in ({@link UpkeepNeed}) lacks a right by design, instead of "ask an admin for
     * the permission" (which would widen the least-privilege role).
     */
    private static final String TAKE_BACK_ADVICE = "The upkeep sign-in was made without take-back: run apply "
            + "--with-upkeep-client --take-back-from-leavers once, or leave out --take-back-from-leavers.";

    static java.util.Optional<String> upkeepAdvice(Plan plan, PlanItem blocker) {
        if (blocker.kind() != ItemKind.PREFLIGHT || !UpkeepNeed.CLIENT_NAME.equals(plan.identity().name())) {
            return java.util.Optional.empty();
        }
        if (blocker.target().equals(UpkeepNeed.TAKE_BACK_PERMISSION)) {
            return java.util.Optional.of(TAKE_BACK_ADVICE);
        }
        if (blocker.target().startsWith("authorization:role:")) {
            return java.util.Optional.of("The upkeep sign-in never makes or changes roles: run apply once (it makes "
                    + "or completes the licence role of the division), and the next upkeep grants the agents.");
        }
        return java.util.Optional.of("The upkeep sign-in's role should hold this permission: run apply "
                + "--with-upkeep-client once to repair it.");
    }

    private static String divisions(Plan plan) {
        return plan.choices().allDivisions() ? "all divisions" : String.join(", ", plan.choices().divisions());
    }

    private Outcome withReport(Outcome o, Instant started) {
        try {
            Path file = writeReport(o, started);
            return new Outcome(o.verdict(), o.granted(), o.summary(), o.plan(), o.result(), file);
        } catch (IOException e) {
            return new Outcome(o.verdict(), o.granted(), o.summary() + " (the report could not be written: "
                    + e.getMessage() + ")", o.plan(), o.result(), null);
        }
    }

    /** One JSON report per run, owner-only, in {@code <data>/logs/}: no secret is in it, only ids and counts. */
    private Path writeReport(Outcome o, Instant started) throws IOException {
        Path logs = DataFolder.logs(setup.dataDir());
        Instant ended = Instant.now();
        String base = REPORT_PREFIX + DataFolder.folderNameFor(o.plan().org().shortName()) + "-"
                + STAMP.format(ended);
        Path file = logs.resolve(base + ".json");
        for (int n = 2; Files.exists(file); n++) {
            file = logs.resolve(base + "-" + n + ".json");
        }
        JsonObject j = new JsonObject();
        j.addProperty("command", "keep-licences");
        j.addProperty("org", o.plan().org().orgName());
        j.addProperty("shortName", o.plan().org().shortName());
        j.addProperty("orgId", o.plan().org().orgId());
        j.addProperty("signedInAs", o.plan().identity().describe());
        j.addProperty("started", started.truncatedTo(ChronoUnit.SECONDS).toString());
        j.addProperty("ended", ended.truncatedTo(ChronoUnit.SECONDS).toString());
        j.addProperty("verdict", o.verdict().name());
        j.addProperty("granted", o.granted());
        j.addProperty("summary", o.summary());
        JsonArray items = new JsonArray();
        for (PlanItem i : o.plan().items()) {
            JsonObject x = new JsonObject();
            x.addProperty("kind", i.kind().name());
            x.addProperty("target", i.target());
            x.addProperty("state", i.state().name());
            JsonArray notes = new JsonArray();
            i.differences().forEach(notes::add);
            x.add("notes", notes);
            if (i.action() instanceof Action.GrantLicence g) {
                x.addProperty("division", g.divisionName());
                JsonArray users = new JsonArray();
                g.userIds().forEach(users::add);
                x.add("usersToGrant", users);
            }
            if (i.action() instanceof Action.RevokeLicence r) {
                x.addProperty("division", r.divisionName());
                JsonArray users = new JsonArray();
                r.userIds().forEach(users::add);
                x.add("usersToTakeBackFrom", users);
            }
            if (i.blocker() != null) {
                x.addProperty("blocked", i.blocker().reason() + " " + i.blocker().advice());
            }
            if (o.result() != null) {
                o.result().outcomes().stream().filter(r -> r.item().key().equals(i.key())).findFirst()
                        .ifPresent(r -> {
                            x.addProperty("done", r.done());
                            if (r.message() != null) {
                                x.addProperty("message", r.message());
                            }
                        });
            }
            items.add(x);
        }
        j.add("items", items);
        DataFolder.createOwnerOnlyFile(file);
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(j),
                StandardCharsets.UTF_8);
        return file;
    }
}
