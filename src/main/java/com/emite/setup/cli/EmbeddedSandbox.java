package com.emite.setup.cli;

import com.emite.setup.common.Secret;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;

/**
 * The built-in sandbox org, started in this process for {@code --sandbox} (an offline demo: the org lives only as
 * long as the command). Short search and grant lags and no rate limit, so a demo run takes seconds.
 */
final class EmbeddedSandbox implements AutoCloseable {
    private final Sandbox sandbox;

    private EmbeddedSandbox(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    static EmbeddedSandbox start(int divisions, int agents, boolean wfm, boolean licence) {
        return new EmbeddedSandbox(Sandbox.start(SandboxConfig.builder().divisions(divisions).agents(agents).wfm(wfm)
                .emiteLicence(licence).unlimitedRate().searchLagMs(500).grantLagMs(500).build()));
    }

    String baseUrl() {
        return sandbox.baseUrl();
    }

    String adminClientId() {
        return sandbox.adminClientId();
    }

    Secret adminClientSecret() {
        return sandbox.adminClientSecret();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
