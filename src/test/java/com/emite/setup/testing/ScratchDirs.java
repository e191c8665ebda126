package com.emite.setup.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Temporary folders for tests that cannot use {@code @TempDir} (a window built in TestFX's {@code @Start} runs before
 * JUnit injects fields), removed with everything in them when the test JVM ends. Without it every run of the suite
 * left about 30 folders (vaults, forms, logs) in the system's temporary folder: thousands on a machine that runs it
 * often.
 */
public final class ScratchDirs {
    private static final Set<Path> MADE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ScratchDirs::removeAll, "emite-scratch-dirs"));
    }

    private ScratchDirs() {
    }

    /** A new empty folder whose name starts with {@code prefix}, removed when the JVM ends. */
    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        MADE.add(dir);
        return dir;
    }

    static void removeAll() {
        for (Path dir : MADE) {
            try {
                remove(dir);
            } catch (IOException | UncheckedIOException e) {
                // A file still held open by a leftover thread: the system's own clean-up of its temporary folder
                // takes it later; the shutdown must not fail for it.
            }
        }
    }

    static void remove(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
