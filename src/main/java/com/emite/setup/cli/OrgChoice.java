package com.emite.setup.cli;

import com.emite.setup.vault.OrgRecord;

import java.util.List;
import java.util.Locale;

/** Which of the vault's orgs a command works on: {@code --org SHORTNAME}, or the only one there is. */
final class OrgChoice {
    private OrgChoice() {
    }

    static OrgRecord pick(List<OrgRecord> orgs, String shortName) {
        if (orgs.isEmpty()) {
            throw new UsageException("The vault holds no org yet: run apply first.");
        }
        if (shortName == null) {
            if (orgs.size() == 1) {
                return orgs.get(0);
            }
            throw new UsageException("The vault holds " + orgs.size() + " orgs: say which with --org ("
                    + names(orgs) + ").");
        }
        String wanted = shortName.trim().toLowerCase(Locale.ROOT);
        return orgs.stream().filter(r -> r.shortName() != null
                        && r.shortName().toLowerCase(Locale.ROOT).equals(wanted)).findFirst()
                .orElseThrow(() -> new UsageException("The vault holds no org with the short name "
                        + CliText.quote(shortName) + ". It holds: " + names(orgs) + "."));
    }

    static String label(OrgRecord r) {
        return r.shortName() != null ? r.shortName() : "the org " + r.orgId();
    }

    private static String names(List<OrgRecord> orgs) {
        return String.join(", ", orgs.stream().map(OrgChoice::label).toList());
    }
}
