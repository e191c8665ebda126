package com.emite.setup.cli;

import com.emite.setup.common.Secret;

/** The built-in sandbox org, started in this process for {@code --sandbox}. */
final class EmbeddedSandbox implements AutoCloseable {
    private EmbeddedSandbox() {
    }

    static EmbeddedSandbox start(int divisions, int agents, boolean wfm, boolean licence) {
        throw new UsageException("The sandbox is not available in this build yet.");
    }

    String baseUrl() {
        throw new IllegalStateException();
    }

    String adminClientId() {
        throw new IllegalStateException();
    }

    Secret adminClientSecret() {
        throw new IllegalStateException();
    }

    @Override
    public void close() {
    }
}
