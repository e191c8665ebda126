package com.emite.setup.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One fast sandbox org per test class ({@link Fixtures#fast()}) with an admin HTTP session. JUnit runs the classes
 * one after another, and each starts and closes its own org, so the static fields never outlive their class.
 */
abstract class FastOrgTest {
    static Sandbox sb;
    static Http admin;

    @BeforeAll
    static void startOrg() {
        sb = Sandbox.start(Fixtures.fast().build());
        admin = Http.admin(sb);
    }

    @AfterAll
    static void stopOrg() {
        sb.close();
    }
}
