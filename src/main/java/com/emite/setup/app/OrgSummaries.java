package com.emite.setup.app;

import com.emite.setup.provision.Change;
import com.emite.setup.provision.Journal;
import com.emite.setup.vault.DataFolder;
import com.emite.setup.vault.OrgRecord;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The orgs a vault holds, as both faces list them (the command line's {@code orgs}, the window's list at start): each
 * with its region, the last run, what state it left, whether it can sign in with no person present, and its last
 * licence upkeep. Reads the vault's records and the data folder only; signs in to nothing.
 */
public final class OrgSummaries {
    private static final java.util.regex.Pattern REPORT_STAMP =
            java.util.regex.Pattern.compile("\\d{8}T\\d{6}Z(-\\d+)?\\.json");

    private OrgSummaries() {
    }

    /** What the last run left. */
    public enum State {
        NOTHING_APPLIED, STOPPED_HALF_WAY, SET_UP, REMOVED
    }

    /**
     * @param lastRun        when the last run started (ISO-8601), null when never
     * @param stoppedStatus  for {@link State#STOPPED_HALF_WAY}: the run's status in lower case
     * @param signsInAlone   the vault keeps a sign-in for unattended runs (the upkeep client or the admin's)
     * @param upkeepSignIn   that sign-in is the dedicated least-privilege upkeep client
     */
    public record Summary(String shortName, String orgId, String region, String lastRun, State state,
                          String stoppedStatus, boolean signsInAlone, boolean upkeepSignIn,
                          Optional<LastUpkeep> lastUpkeep) {
        /** The short name, or the org id when none was recorded. */
        public String label() {
            return shortName == null ? orgId : shortName;
        }
    }

    /** The newest keep-licences report of an org. */
    public record LastUpkeep(String verdict, String ended, String summary, int granted, Path file) {
    }

    public static List<Summary> of(List<OrgRecord> records, Path dataDir) {
        return records.stream().map(r -> of(r, dataDir)).toList();
    }

    public static Summary of(OrgRecord r, Path dataDir) {
        Journal j = Journal.parse(r.journal());
        Journal.Run last = j.lastRun();
        State state;
        String stopped = null;
        if (last == null) {
            state = State.NOTHING_APPLIED;
        } else if (last.status() != Journal.RunStatus.FINISHED) {
            state = State.STOPPED_HALF_WAY;
            stopped = last.status().name().toLowerCase(java.util.Locale.ROOT);
        } else {
            List<Change> ofLast = j.changesOf(last.runId());
            boolean removal = !ofLast.isEmpty() && ofLast.stream().allMatch(c -> c.action().equals("removed"));
            state = removal ? State.REMOVED : State.SET_UP;
        }
        boolean upkeep = UpkeepSignInService.signIn(r, UpkeepSignInService.SignInChoice.UPKEEP).isPresent();
        return new Summary(r.shortName(), r.orgId(), r.region(), last == null ? null : last.startedAt(), state,
                stopped, upkeep || r.adminClient().isPresent(), upkeep, lastUpkeep(dataDir, r.shortName()));
    }

    /**
     * The newest report {@code keep-licences} wrote for the org into {@code <data>/logs/}; empty when there is none.
     *
     * @throws IllegalStateException when the newest report cannot be read (its message says which file)
     */
    public static Optional<LastUpkeep> lastUpkeep(Path dataDir, String shortName) {
        if (shortName == null) {
            return Optional.empty();
        }
        Path logs = dataDir.resolve(DataFolder.LOGS);
        String prefix = LicenceUpkeepService.REPORT_PREFIX + DataFolder.folderNameFor(shortName) + "-";
        if (!Files.isDirectory(logs)) {
            return Optional.empty();
        }
        Path newest;
        try (Stream<Path> s = Files.list(logs)) {
            // The file name carries the UTC end time (yyyyMMddTHHmmssZ), so the greatest name is the newest run.
            // Matched on the whole name: the prefix of org "abc" also starts the reports of org "abc-def".
            newest = s.filter(p -> p.getFileName().toString().startsWith(prefix) && REPORT_STAMP.matcher(
                            p.getFileName().toString().substring(prefix.length())).matches())
                    .max(Comparator.comparing((Path p) -> stamp(p, prefix))).orElse(null);
        } catch (IOException e) {
            throw new IllegalStateException(logs + ": " + e.getMessage(), e);
        }
        if (newest == null) {
            return Optional.empty();
        }
        try {
            JsonObject r = JsonParser.parseString(Files.readString(newest)).getAsJsonObject();
            return Optional.of(new LastUpkeep(text(r.get("verdict")), text(r.get("ended")), text(r.get("summary")),
                    r.has("granted") ? r.get("granted").getAsInt() : 0, newest));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(newest + ": " + e.getMessage(), e);
        }
    }

    /** The report's time stamp and its -2, -3 … suffix, padded so that names sort by time. */
    private static String stamp(Path p, String prefix) {
        String rest = p.getFileName().toString().substring(prefix.length()).replace(".json", "");
        int dash = rest.indexOf('-');
        return dash < 0 ? rest + "-000" : rest.substring(0, dash) + "-" + "0".repeat(Math.max(0, 3
                - rest.substring(dash + 1).length())) + rest.substring(dash + 1);
    }

    private static String text(JsonElement e) {
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
