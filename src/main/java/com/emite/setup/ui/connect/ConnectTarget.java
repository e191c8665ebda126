package com.emite.setup.ui.connect;

import com.emite.setup.region.Environment;
import com.emite.setup.region.Region;

import java.util.Optional;

/** One entry of the Connect tab's region list: a Genesys Cloud region, or the built-in offline sandbox. */
public sealed interface ConnectTarget permits ConnectTarget.RegionTarget, ConnectTarget.SandboxTarget {

    /** The name shown in the list. */
    String displayName();

    /** The region whose eMite code the redirect URL uses (the sandbox stands for one region). */
    Region region();

    default boolean isSandbox() {
        return this instanceof SandboxTarget;
    }

    /** A production Genesys Cloud region. */
    record RegionTarget(Region region) implements ConnectTarget {
        @Override
        public String displayName() {
            return region.name();
        }

        /** The region's production environment (api/login hosts). */
        public Environment environment() {
            return region.environment();
        }

        @Override
        public String toString() {
            return displayName();
        }
    }

    /**
     * The built-in sandbox: an offline Genesys Cloud simulator on this computer, for a demo without an account. It is
     * started when the admin signs in; its address is known only then, so its {@link Environment} is made from that
     * address with {@link #environment(java.net.URI)}.
     */
    record SandboxTarget(Region region) implements ConnectTarget {
        @Override
        public String displayName() {
            return Environment.SANDBOX_NAME;
        }

        /** The sandbox's environment once it runs at {@code baseUrl} (a loopback address). */
        public Environment environment(java.net.URI baseUrl) {
            return Environment.sandbox(baseUrl, Optional.of(region));
        }

        @Override
        public String toString() {
            return displayName();
        }
    }
}
