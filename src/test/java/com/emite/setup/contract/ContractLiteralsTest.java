package com.emite.setup.contract;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inferred behaviour lives in {@link ApiContract} only: the literals below (inferred or unconfirmed in the reference)
 * may appear in code nowhere else, so that correcting one is one edit.
 */
@ConcurrentClass
class ContractLiteralsTest {
    /** Literals of inferred behaviour that code must take from ApiContract. */
    private static final List<String> INFERRED = List.of(
            "\"does not match the current version\"", // §3.6 [GC], the 400 text of a stale version
            "\"" + ApiContract.PKCE_REDIRECT_PATH + "\"", // §2.3 [INF], the browser sign-in's redirect path
            Integer.toString(ApiContract.PKCE_REDIRECT_PORT)); // §2.3 [INF], its fixed port

    @Test
    void inferredLiteralsAppearOnlyInApiContract() throws IOException {
        Path root = Path.of(System.getProperty("emite.project.dir", "."), "src", "main", "java");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.getFileName().toString().equals("ApiContract.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
                        continue;
                    }
                    for (String literal : INFERRED) {
                        if (code.contains(literal)) {
                            found.add(root.relativize(f) + ":" + (i + 1) + " " + literal);
                        }
                    }
                }
            }
        }
        assertTrue(found.isEmpty(), () -> "use ApiContract instead:\n" + String.join("\n", found));
    }
}
