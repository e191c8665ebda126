package com.emite.setup.testing;

import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This class's test methods run at the same time, up to four at once, in its JVM (no other class runs in that JVM
 * meanwhile: Surefire hands a JVM one class at a time). For a class whose tests mostly wait (a sandbox's lags, a
 * late-write window, a child JVM) so that running them one after another leaves the cores idle.
 *
 * <p>Only for a class whose every test owns its state: its own sandbox, server, child process and temporary folder
 * (an instance {@code @TempDir}, or a file name of its own in a static one), no static mutable field that a test
 * writes, no JavaFX, no process-wide setting. A test waits for its own sandboxes only ({@link SettlingSandboxes}).
 * See docs/TESTING.md and {@code src/test/resources/junit-platform.properties}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Execution(ExecutionMode.CONCURRENT)
public @interface ConcurrentMethods {
}
