package com.emite.setup.ui.licences;

import com.emite.setup.app.Connection;
import com.emite.setup.app.LicenceSchedules;
import com.emite.setup.app.OrgSummaries;
import com.emite.setup.app.UpkeepSignInService;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.schedule.ScheduleStatus;
import com.emite.setup.ui.common.Words;
import com.emite.setup.vault.Keychain;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.RememberedPasswords;
import com.emite.setup.vault.Vault;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What the daily upkeep of one org stands on, read off the UI thread: the operating system's entry, the sign-in and
 * upkeep client the vault keeps, the password in the keychain, and the last run's report.
 *
 * @param scheduleProblem the scheduler's own words when this computer has none we can use (null when it has)
 * @param upkeepIssued    when the upkeep sign-in's secret in the vault was issued (made or last rotated); null
 *                        without one
 */
record UpkeepState(String shortName, String kind, ScheduleStatus status, String scheduleProblem, boolean signIn,
                   boolean upkeep, boolean password, String lastRun, java.time.Instant upkeepIssued) {

    static UpkeepState read(Connection c, Vault vault, Path vaultFile, Path dataDir, LicenceSchedules schedules,
                            Keychain keychain) throws Exception {
        Optional<OrgRecord> record = vault == null ? Optional.empty() : vault.contents().findOrg(c.org().id());
        String name = record.map(OrgRecord::shortName).orElse(c.org().shortName());
        ScheduleStatus status;
        String scheduleProblem = null;
        try {
            status = schedules.status(name);
        } catch (com.emite.setup.schedule.ScheduleException e) {
            // No scheduler here (e.g. neither a systemd user session nor cron): the switch says so, the rest shows.
            status = ScheduleStatus.absent();
            scheduleProblem = e.getMessage();
        }
        boolean password = new RememberedPasswords(keychain).recall(vaultFile).isPresent();
        String last;
        try {
            last = OrgSummaries.lastUpkeep(dataDir, name).map(u -> Words.get("upkeep.lastRun."
                    + u.verdict(), u.ended(), u.summary())).orElse(Words.get("upkeep.lastRunNever"));
        } catch (IllegalStateException e) {
            last = Words.get("upkeep.lastRunUnreadable", e.getMessage());
        }
        // Read while the vault is open: a locked record cannot be asked.
        boolean signIn = record.flatMap(r -> UpkeepSignInService.signIn(r, UpkeepSignInService.SignInChoice.AUTO))
                .isPresent();
        boolean upkeep = record.flatMap(r -> UpkeepSignInService.signIn(r,
                UpkeepSignInService.SignInChoice.UPKEEP)).isPresent();
        java.time.Instant issued = record.flatMap(r -> r.client(UpkeepNeed.CLIENT_NAME))
                .filter(u -> !u.secretUnknown()).map(u -> u.resetAt() != null ? u.resetAt() : u.createdAt())
                .orElse(null);
        return new UpkeepState(name, schedules.kind(), status, scheduleProblem, signIn, upkeep, password, last,
                issued);
    }
}
