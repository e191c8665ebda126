package com.emite.setup;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names that say one thing: no two classes of {@code src/main/java} share a simple name (a reader, a stack trace or
 * an import should never leave a doubt which {@code OrgRecords} or {@code Policy} is meant).
 */
@ConcurrentClass
class ClassNamesTest {
    @Test
    void noSimpleClassNameTwice() throws IOException {
        List<String> files;
        Path root = Paths.get("src/main/java");
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(f -> f.toString().endsWith(".java"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
        }
        assertTrue(files.size() > 100, "the sources were found: " + files.size());
        assertEquals(Map.of(), twice(files));
    }

    @Test
    void theCheckCatchesAPlantedTwin() {
        assertEquals(Map.of("Twin", List.of("a/Twin.java", "b/Twin.java")),
                twice(List.of("a/Twin.java", "b/Twin.java", "a/Single.java")));
    }

    /** Simple names that stand in more than one file, with the files. */
    static Map<String, List<String>> twice(List<String> files) {
        Map<String, List<String>> byName = files.stream().sorted().collect(Collectors.groupingBy(
                f -> f.substring(f.lastIndexOf('/') + 1, f.length() - ".java".length()), TreeMap::new,
                Collectors.toList()));
        byName.values().removeIf(l -> l.size() < 2);
        return byName;
    }
}
