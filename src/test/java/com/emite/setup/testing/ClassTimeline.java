package com.emite.setup.testing;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the suite's time goes: with {@code -Demite.timeline=FILE} (e.g.
 * {@code mvn -B -o verify -Demite.timeline=$PWD/target/timeline.txt}) every test JVM appends to FILE one line when it
 * is ready to run its first class and one line per top-level test class it ran, with wall-clock milliseconds and the
 * process CPU the class used (its threads and the JVM's compiler and collector, the JVM running only that class then).
 * Without the property it does nothing. Registered in {@code META-INF/services}; docs/TESTING.md reads the lines.
 * <pre>
 * JVM pid startedAtMs readyAtMs cpuMsWhenReady
 * CLASS pid className startMs endMs cpuMs status
 * </pre>
 */
public final class ClassTimeline implements TestExecutionListener {
    private static final String PROPERTY = "emite.timeline";
    private static final long PID = ProcessHandle.current().pid();
    private static boolean jvmWritten;

    private long startMs;
    private long startCpuNs;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        synchronized (ClassTimeline.class) {
            if (jvmWritten) {
                return;
            }
            jvmWritten = true;
        }
        write("JVM " + PID + " " + ManagementFactory.getRuntimeMXBean().getStartTime() + " "
                + System.currentTimeMillis() + " " + cpuNs() / 1_000_000);
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (topLevelClass(id)) {
            startMs = System.currentTimeMillis();
            startCpuNs = cpuNs();
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (topLevelClass(id)) {
            String name = ((ClassSource) id.getSource().orElseThrow()).getClassName();
            write("CLASS " + PID + " " + name + " " + startMs + " " + System.currentTimeMillis() + " "
                    + (cpuNs() - startCpuNs) / 1_000_000 + " " + result.getStatus());
        }
    }

    /** A test class right under the engine (not a nested class, a method or the engine itself). */
    private static boolean topLevelClass(TestIdentifier id) {
        return id.getSource().orElse(null) instanceof ClassSource
                && id.getParentIdObject().map(p -> p.getSegments().size() == 1).orElse(false);
    }

    private static long cpuNs() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
    }

    private static synchronized void write(String line) {
        String file = System.getProperty(PROPERTY);
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Files.writeString(Path.of(file), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
