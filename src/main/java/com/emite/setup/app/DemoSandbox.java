package com.emite.setup.app;

import com.emite.setup.region.Region;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.sandbox.SandboxConfig;

/**
 * The one offline demo both faces start (the window's "Built-in sandbox", the command line's {@code --sandbox}): a
 * small org in Americas (US East), 3 divisions and 40 agents, WFM and the eMite licence present, half-second search
 * and grant lags as in a real org, the real rate limit.
 */
public final class DemoSandbox {
    /** The region the demo org stands for (so that the eMite redirect URL can be shown). */
    public static final String REGION_ID = "us-east-1";

    /** The demo org's shape. */
    public static final SandboxConfig CONFIG = SandboxConfig.builder().divisions(3).agents(40)
            .searchLagMs(500).grantLagMs(500).build();

    private DemoSandbox() {
    }

    public static Region region() {
        return RegionCatalog.standard().byGenesysRegionId(REGION_ID).orElseThrow();
    }

    /** The demo with another shape (the command line's {@code --sandbox-…} options). */
    public static SandboxConfig shaped(int divisions, int agents, boolean wfm, boolean emiteLicence) {
        return CONFIG.toBuilder().divisions(divisions).agents(agents).wfm(wfm).emiteLicence(emiteLicence).build();
    }
}
