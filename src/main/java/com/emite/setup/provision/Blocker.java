package com.emite.setup.provision;

import java.util.Objects;

/**
 * Why an item cannot be done, and what unblocks it.
 *
 * @param reason   what is missing, e.g. "Your org has no WFM licence, so wfm:agentSchedule:view does not exist."
 * @param advice   the engine's face-neutral advice, e.g. "A Genesys Cloud admin can add the WFM licence; eMite works
 *                 without WFM." It names no command-line option and no control: faces word {@link #fix()} for those
 * @param required true when the admin's choices need it (then the run ends with exit code 2); false for something that
 *                 only limits an optional feature the admin did not choose (reported, not counted as blocked)
 * @param fix      what unblocks it, as a value each face words itself
 */
public record Blocker(String reason, String advice, boolean required, Fix fix) {
    public Blocker {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(advice, "advice");
        Objects.requireNonNull(fix, "fix");
    }

    public static Blocker required(Fix fix, String reason, String advice) {
        return new Blocker(reason, advice, true, fix);
    }

    public static Blocker optional(Fix fix, String reason, String advice) {
        return new Blocker(reason, advice, false, fix);
    }
}
