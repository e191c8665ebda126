package com.emite.setup.provision;

import java.util.List;

/**
 * What an apply created or changed, with ids, times and the account that did it, for the admin's change records.
 * Written beside the Integration Details Form.
 *
 * @param orgName     the org
 * @param shortName   its short name
 * @param runId       the run the report is about (null = all runs kept)
 * @param changes     the changes, oldest first
 * @param generatedAt ISO-8601 time
 */
public record ChangeReport(String orgName, String shortName, String runId, List<Change> changes, String generatedAt) {
    public ChangeReport {
        changes = List.copyOf(changes);
    }

    /** Plain text, one change a line. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("eMite setup: change report for ").append(orgName).append(" (").append(shortName).append(")\n");
        sb.append("Generated ").append(generatedAt).append('\n');
        if (changes.isEmpty()) {
            sb.append("No changes were made: everything was already in place.\n");
        }
        for (Change c : changes) {
            sb.append(c.at()).append("  ").append(c.account()).append("  ").append(c.summary());
            sb.append('\n');
        }
        return sb.toString();
    }
}
