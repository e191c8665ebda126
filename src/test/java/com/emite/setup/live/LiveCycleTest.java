package com.emite.setup.live;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Against the live org: apply the run-tagged blueprint, verify that all of it holds, remove all of it, and find the
 * org as it was (see {@link LiveCycle}; docs/LIVE.md says what it creates and what it costs).
 */
@Tag("live")
class LiveCycleTest {
    @TempDir
    Path data;

    @Test
    void applyVerifyRemoveLeavesTheOrgAsItWas() {
        System.out.println(LiveCycle.run(LiveOrg.required(), data));
    }
}
