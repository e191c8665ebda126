package com.emite.setup.provision;

import java.util.Objects;

/**
 * Why an item cannot be done, and who can unblock it, in plain words.
 *
 * @param reason   what is missing, e.g. "Your org has no WFM licence, so wfm:agentSchedule:view does not exist."
 * @param fix      who can fix it and how, e.g. "A Genesys Cloud admin can add the WFM licence; eMite works without WFM."
 * @param required true when the admin's choices need it (then the run ends with exit code 2); false for something that
 *                 only limits an optional feature the admin did not choose (reported, not counted as blocked)
 */
public record Blocker(String reason, String fix, boolean required) {
    public Blocker {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(fix, "fix");
    }

    public static Blocker required(String reason, String fix) {
        return new Blocker(reason, fix, true);
    }

    public static Blocker optional(String reason, String fix) {
        return new Blocker(reason, fix, false);
    }
}
