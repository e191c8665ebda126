package com.emite.setup.genesys;

import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxFaults;
import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.util.UUID;

/**
 * One sandbox org per test class (no lags, the real rate limit) and, per test, a client signed in to it as the
 * admin. The org lives on the class's one instance, so classes can run beside each other.
 */
@Timeout(60)
@ConcurrentClass
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SandboxClientTest {
    Sandbox sb;
    GenesysClient admin;

    @BeforeAll
    void startSandbox() {
        sb = Sandbox.start(SandboxConfig.builder().divisions(3).agents(150).searchLagMs(0).grantLagMs(0).build());
    }

    @AfterAll
    void stopSandbox() {
        sb.close();
    }

    @BeforeEach
    void signIn() {
        sb.faults(SandboxFaults.NONE);
        admin = GenesysClient.forSingleBase(sb.baseUrl());
        admin.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
