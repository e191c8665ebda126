package com.emite.setup.testing;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/**
 * This test class may run beside other test classes (see {@code src/test/resources/junit-platform.properties});
 * its own methods still run one after another.
 *
 * <p>Only for a class that owns all its state: its own sandbox, server and temp folders, no static mutable field
 * shared with another class, no JavaFX, no process-wide setting (root logger, system properties, working folder).
 *
 * <p>The default run (pom.xml) runs every class alone in its JVM, several JVMs at once (Surefire hands a JVM one class
 * at a time, junit-platform.properties): the mark says the class is safe to run beside others in one JVM, should a run
 * without JavaFX tests give a JVM several classes at once (the tag {@code concurrent} selects such classes). A class
 * whose own methods may run at the same time is marked {@link ConcurrentMethods} instead.
 *
 * <p>Why the lock: {@code @Execution(CONCURRENT)} alone would also run the class's methods in parallel. A read-write
 * lock named after the class makes JUnit run that class's methods on one thread, and no other class takes it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("concurrent")
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(providers = ConcurrentClass.OwnClassLock.class)
public @interface ConcurrentClass {

    /** One lock per test class, so its methods run in sequence. */
    final class OwnClassLock implements ResourceLocksProvider {
        @Override
        public Set<Lock> provideForClass(Class<?> testClass) {
            return Set.of(new Lock("test-class:" + testClass.getName()));
        }
    }
}
