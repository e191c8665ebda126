package com.emite.setup.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One fast sandbox org per test class ({@link Fixtures#fast()}) with an admin HTTP session. One instance per class
 * holds them (not static fields), so classes can run beside each other without sharing an org.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FastOrgTest {
    Sandbox sb;
    Http admin;

    @BeforeAll
    void startOrg() {
        sb = Sandbox.start(Fixtures.fast().build());
        admin = Http.admin(sb);
    }

    @AfterAll
    void stopOrg() {
        sb.close();
    }
}
