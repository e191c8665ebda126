package com.emite.setup.sandbox;

import com.emite.setup.testing.ManualClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.util.function.BooleanSupplier;

/**
 * One sandbox org per test class ({@link Fixtures#lagged()}) on a {@link ManualClock}, with an admin HTTP session.
 * The org keeps its search and grant lags, but they pass only when a test moves the clock ({@link #eventually}), so
 * "not visible yet" checks are exact and no test sleeps. One instance per class holds the org (not static fields),
 * so classes can run beside each other without sharing one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FastOrgTest {
    final ManualClock clock = new ManualClock();
    Sandbox sb;
    Http admin;

    @BeforeAll
    void startOrg() {
        sb = Sandbox.start(Fixtures.lagged().build(), clock);
        admin = Http.admin(sb);
    }

    /** Moves the org's clock on until the condition holds (at most a virtual minute); returns whether it held. */
    boolean eventually(BooleanSupplier condition) {
        return Fixtures.eventually(clock, condition);
    }

    @AfterAll
    void stopOrg() {
        sb.close();
    }
}
