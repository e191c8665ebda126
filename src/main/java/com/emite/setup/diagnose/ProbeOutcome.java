package com.emite.setup.diagnose;

import java.util.List;

/**
 * What the probes of one diagnose run did to the org, for the admin and for the JSON report: ids and counts only, no
 * names, no secrets.
 *
 * @param tag             the run's tag, carried by the name of everything it made
 * @param made            objects (and grant batches) made
 * @param removed         of which taken away again
 * @param leftBehind      what could not be removed ("KIND id: HTTP status"): remove it by hand, or run again
 * @param earlierRemoved  objects an earlier, interrupted probe run had left and this run took away first
 * @param writes          write requests the probes sent (creates, updates, grants, deletes)
 * @param otherRequests   requests sent signed in as the probe's own OAuth client (token requests included) and to
 *                        the sign-in page; not in the diagnosis's request count, which is the signed-in client's
 * @param stoppedEarly    a stop request (Ctrl-C) ended the probes before all ran (what they made is still removed)
 */
public record ProbeOutcome(String tag, int made, int removed, List<String> leftBehind, int earlierRemoved,
                           long writes, long otherRequests, boolean stoppedEarly) {
    public ProbeOutcome {
        leftBehind = List.copyOf(leftBehind);
    }

    /** True when the org is as it was before the probes. */
    public boolean clean() {
        return leftBehind.isEmpty();
    }
}
