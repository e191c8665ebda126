package com.emite.setup;

import com.emite.setup.testing.ConcurrentClass;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The package table of {@code docs/ARCHITECTURE.md}, checked on every class under {@code src/main/java}: each package
 * uses only the packages below it, JavaFX stays in {@code ui}, and {@code ui} never speaks HTTP itself. Imports and
 * fully qualified names both count (comments and string literals do not).
 */
@ConcurrentClass
class LayeringTest {
    /** Package (under com.emite.setup) → the packages it may use. The table in docs/ARCHITECTURE.md. */
    static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("ui", Set.of("app", "provision", "diagnose", "schedule", "genesys", "vault", "region",
                    "blueprint", "sandbox", "contract", "common")),
            Map.entry("cli", Set.of("app", "provision", "diagnose", "schedule", "genesys", "vault", "region",
                    "blueprint", "sandbox", "contract", "common")),
            Map.entry("app", Set.of("provision", "diagnose", "schedule", "genesys", "vault", "region", "blueprint",
                    "sandbox", "contract", "common")),
            Map.entry("diagnose", Set.of("genesys", "blueprint", "contract", "common")),
            Map.entry("schedule", Set.of()),
            Map.entry("provision", Set.of("genesys", "vault", "region", "blueprint", "contract", "common")),
            Map.entry("genesys", Set.of("contract", "common")),
            Map.entry("sandbox", Set.of("contract", "common")),
            Map.entry("vault", Set.of("common")),
            Map.entry("region", Set.of("common")),
            Map.entry("blueprint", Set.of("common")),
            Map.entry("contract", Set.of()),
            Map.entry("common", Set.of()));
    /** The root package ({@code Launcher}) starts a face or the sandbox: it may use anything. */
    static final String ROOT = "";

    private static final Pattern OURS = Pattern.compile("\\bcom\\.emite\\.setup\\.([a-z][a-z0-9]*)\\.");
    private static final Pattern JAVAFX = Pattern.compile("\\b(javafx|org\\.controlsfx)\\.");
    private static final Pattern HTTP = Pattern.compile("\\b(okhttp3\\.|java\\.net\\.http\\.|com\\.sun\\.net\\.httpserver"
            + "\\.|java\\.net\\.(Http)?URLConnection\\b|com\\.emite\\.setup\\.genesys\\.(Transport|RateLimiter|"
            + "RetryPolicy|TimeSource)\\b)");

    @Test
    void noArrowPointsUpNoJavaFxOutsideTheUiNoHttpInTheUi() {
        Map<String, String> sources = readMainSources();
        assertTrue(sources.size() > 100, "found the sources: " + sources.size());
        List<String> problems = violations(sources);
        assertTrue(problems.isEmpty(), () -> problems.size() + " layering violations (fix the code, or change the "
                + "table here and in docs/ARCHITECTURE.md):\n" + String.join("\n", problems));
    }

    /** The checker itself must be able to fail: each planted violation is reported, and a clean file is not. */
    @Test
    void plantedViolationsAreReported() {
        Map<String, String> planted = new TreeMap<>();
        planted.put("com/emite/setup/genesys/Up.java", "package com.emite.setup.genesys;\n"
                + "import com.emite.setup.provision.Plan;\nclass Up {}\n");
        planted.put("com/emite/setup/sandbox/Fx.java", "package com.emite.setup.sandbox;\n"
                + "class Fx { Object o = new javafx.scene.control.Label(); }\n");
        planted.put("com/emite/setup/cli/Fx.java", "package com.emite.setup.cli;\nimport javafx.application.Platform;\n");
        planted.put("com/emite/setup/ui/Http.java", "package com.emite.setup.ui;\nimport okhttp3.OkHttpClient;\n");
        planted.put("com/emite/setup/ui/Transport.java", "package com.emite.setup.ui;\n"
                + "import com.emite.setup.genesys.RetryPolicy;\n");
        planted.put("com/emite/setup/app/Face.java", "package com.emite.setup.app;\nimport com.emite.setup.ui.X;\n");
        planted.put("com/emite/setup/newpkg/A.java", "package com.emite.setup.newpkg;\nclass A {}\n");
        planted.put("com/emite/setup/provision/Clean.java", "package com.emite.setup.provision;\n"
                + "import com.emite.setup.genesys.GenesysClient; // com.emite.setup.ui.Not is a comment\n"
                + "class Clean { String s = \"javafx.scene.Node okhttp3.Call\"; }\n");
        List<String> problems = violations(planted);
        assertEquals(7, problems.size(), String.join("\n", problems));
        assertTrue(problems.stream().noneMatch(p -> p.contains("Clean.java")), String.join("\n", problems));
    }

    static List<String> violations(Map<String, String> sources) {
        List<String> problems = new ArrayList<>();
        sources.forEach((file, text) -> {
            String pkg = packageOf(file);
            String code = withoutCommentsAndStrings(text);
            if (!pkg.equals(ROOT) && !MAY_USE.containsKey(pkg)) {
                problems.add(file + ": package '" + pkg + "' is not in the layer table");
                return;
            }
            Matcher m = OURS.matcher(code);
            List<String> seen = new ArrayList<>();
            while (m.find()) {
                String used = m.group(1);
                if (!used.equals(pkg) && !pkg.equals(ROOT) && !MAY_USE.get(pkg).contains(used)
                        && !seen.contains(used)) {
                    seen.add(used);
                    problems.add(file + ": " + pkg + " uses " + used + " (an arrow pointing up or sideways)");
                }
            }
            if (!pkg.equals("ui") && !pkg.equals(ROOT) && JAVAFX.matcher(code).find()) {
                problems.add(file + ": " + pkg + " uses JavaFX (only ui may)");
            }
            if (pkg.equals("ui")) {
                Matcher h = HTTP.matcher(code);
                if (h.find()) {
                    problems.add(file + ": ui speaks HTTP itself (" + h.group(1) + "); go through app or genesys");
                }
            }
        });
        return problems;
    }

    /** {@code com/emite/setup/<pkg>/...} → {@code pkg}; {@code com/emite/setup/X.java} → the root. */
    static String packageOf(String file) {
        String rest = file.replace('\\', '/').substring(file.indexOf("com/emite/setup/") + "com/emite/setup/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? ROOT : rest.substring(0, slash);
    }

    /** Java source with comments, string and char literals and text blocks blanked. */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = skipTo(s, i, "\n");
            } else if (s.startsWith("/*", i)) {
                i = skipTo(s, i + 2, "*/");
            } else if (s.startsWith("\"\"\"", i)) {
                i = skipTo(s, i + 3, "\"\"\"");
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int skipTo(String s, int from, String end) {
        int e = s.indexOf(end, from);
        return e < 0 ? s.length() : e + end.length();
    }

    private static Map<String, String> readMainSources() {
        Path root = Path.of(System.getProperty("emite.project.dir", "."), "src", "main", "java");
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
