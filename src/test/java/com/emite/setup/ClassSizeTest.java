package com.emite.setup;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small files with one job: a class of {@code src/main/java} over {@value #LIMIT} lines says why near its top, in a
 * comment that names the guide ({@code ~400}), as {@code genesys.GenesysClient} does. The test also feeds the check a
 * planted oversized file, so it is known to fail.
 */
@ConcurrentClass
class ClassSizeTest {
    static final int LIMIT = 400;
    /** How far from the top the reason must stand (imports and the class comment come first). */
    static final int REASON_WITHIN = 80;
    static final String MARK = "~400";

    @Test
    void everyClassOverTheLimitSaysWhyAtItsTop() throws IOException {
        Path root = Paths.get("src/main/java");
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".java")).toList()) {
                files.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllLines(p));
            }
        }
        assertTrue(files.size() > 100, "the sources were found: " + files.size());
        List<String> offenders = oversizedWithoutReason(files);
        assertEquals(List.of(), offenders, "over " + LIMIT + " lines with no reason (a comment naming " + MARK
                + ") in the first " + REASON_WITHIN + " lines: split the class by job, or say why it stays whole");
    }

    @Test
    void theCheckCatchesAPlantedOversizedClass() {
        List<String> big = new ArrayList<>(Collections.nCopies(LIMIT + 1, "    int x;"));
        List<String> explained = new ArrayList<>(big);
        explained.add(3, "// Over the ~400 guide on purpose: one façade.");
        List<String> small = Collections.nCopies(LIMIT, "    int x;");
        assertEquals(List.of("a/Big.java"), oversizedWithoutReason(Map.of("a/Big.java", big,
                "a/Explained.java", explained, "a/Small.java", small)));
    }

    static List<String> oversizedWithoutReason(Map<String, List<String>> files) {
        List<String> out = new ArrayList<>();
        new TreeMap<>(files).forEach((name, lines) -> {
            if (lines.size() > LIMIT && lines.stream().limit(REASON_WITHIN).noneMatch(l -> l.contains(MARK))) {
                out.add(name);
            }
        });
        return out;
    }
}
