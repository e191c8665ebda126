package com.emite.setup.ui.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Every word the admin reads comes from the resource bundle" (issue #10), checked on the source of {@code ui/**}: a
 * string literal that reads as words (two words, or a capitalised word), or any word handed straight to a control's
 * text (a label, button, prompt, tooltip, title, …), fails the test unless it is a bundle key, an id, a style class, a
 * log line or a developer's exception, or is listed below with the reason it is not the admin's words. And every key the
 * ui asks the bundle for by name exists (a missing key would show as the key itself).
 */
class UiWordsSourceTest {
    private static final Path UI = Path.of("src/main/java/com/emite/setup/ui");

    /** Literals that read as words but are not the window's words, each with why ("File.java|literal"). */
    private static final Map<String, String> NOT_THE_ADMINS_WORDS = Map.of(
            "EmiteSetupApp.java|eMite Setup for Genesys Cloud",
            "the window title, set before the bundle is read at start-up (ui.startup owns that order); listed to move",
            "OutOfMemoryDialog.java|eMite Setup ran out of memory and has to close",
            "shown after an OutOfMemoryError, when reading the bundle may itself fail; the body is the command line's "
                    + "own OutOfMemory.message()",
            "DesktopPreferences.java|eMite Setup window preferences (no secrets)",
            "the comment line Properties.store writes at the top of desktop.properties",
            "SignInView.java|Browser", "an id suffix (#methodBrowser)",
            "SignInView.java|ClientCredentials", "an id suffix (#methodClientCredentials)",
            "SignInView.java|Token", "an id suffix (#methodToken)",
            "Ui.java|Reason", "an id suffix (#applyButtonReason)");

    /** Whole files whose literals are never shown in the window. */
    private static final Set<String> NOT_WINDOW_FILES = Set.of(
            "ProbedApp.java"); // the start-up probe's stdout protocol for the packaging tests

    /** Calls whose string arguments are the text a person reads on a control. */
    private static final Set<String> TEXT_SINKS = Set.of("setText", "setPromptText", "setTitle", "setHeaderText",
            "setContentText", "setAccessibleText", "setAccessibleHelp", "Label", "Button", "Hyperlink", "CheckBox",
            "RadioButton", "ToggleButton", "MenuItem", "Menu", "CheckMenuItem", "Tab", "TitledPane", "Tooltip", "Text",
            "ButtonType", "then", "otherwise", "concat", "format");

    /** Calls whose string arguments are never shown: ids, style classes, resources, names of threads and keys. */
    private static final Set<String> NOT_SHOWN_CALLS = Set.of("setId", "lookup", "lookupAll", "getResource",
            "getResourceAsStream", "getProperty", "ofPattern", "Thread", "setEncoding", "resolveSibling", "setStyle",
            "replaceAll", "startsWith", "endsWith", "equals",
            "compile", "matches"); // the last two: regular expressions

    private static final Pattern WORDS = Pattern.compile("[A-Za-z]{2,}.*\\s+.*[A-Za-z]|^[A-Z][a-z]+");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,}");

    /** One string literal with where it is and the call it is an argument of. */
    record Literal(String file, int line, String text, String call, String statement) {
        @Override
        public String toString() {
            return file + ":" + line + " \"" + text + "\" (in " + call + "(…))";
        }
    }

    @Test
    void noWordsForTheAdminAreWrittenInTheUiSource() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path p : uiSources()) {
            if (NOT_WINDOW_FILES.contains(p.getFileName().toString())) {
                continue;
            }
            for (Literal l : literals(p.getFileName().toString(), Files.readString(p))) {
                if (readsAsWords(l) && !NOT_THE_ADMINS_WORDS.containsKey(l.file() + "|" + l.text())) {
                    found.add(l.toString());
                }
            }
        }
        assertEquals(List.of(), found, "words the admin reads belong in com/emite/setup/ui/words.properties "
                + "(Words.get): move these there, or list them in NOT_THE_ADMINS_WORDS with the reason");
    }

    @Test
    void everyKeyTheUiAsksForByNameIsInTheBundle() throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = Words.class.getResourceAsStream("/com/emite/setup/ui/words.properties")) {
            bundle.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
        }
        Pattern asked = Pattern.compile("Words\\.(get|count)\\(\\s*\"([^\"]+)\"\\s*[,)]");
        List<String> missing = new ArrayList<>();
        int keys = 0;
        for (Path p : uiSources()) {
            Matcher m = asked.matcher(Files.readString(p));
            while (m.find()) {
                keys++;
                String key = m.group(2);
                boolean present = m.group(1).equals("get") ? bundle.containsKey(key)
                        : bundle.containsKey(key + ".one") && bundle.containsKey(key + ".other");
                if (!present) {
                    missing.add(p.getFileName() + ": " + key);
                }
            }
        }
        assertTrue(keys > 300, "the scan found the ui's keys (" + keys + ")");
        assertEquals(List.of(), missing, "keys the ui asks for that words.properties lacks");
    }

    /** The scan itself: it must catch what it is for, and pass what it should. */
    @Test
    void theScanCatchesALiteralSentenceAndPassesKeysIdsAndLogs() {
        String src = """
                class X {
                    // new Label("In a comment")
                    void f() {
                        Label a = new Label("Copy details");
                        b.setPromptText("client id");
                        c.textProperty().bind(Bindings.concat("short name: ", s));
                        d.setText(Words.get("signIn.cancel"));
                        e.setId("signInButton");
                        e.getStyleClass().add("page-title");
                        LOG.info("Signed in to the sandbox");
                        throw new IllegalStateException("not on the FX thread");
                    }
                }
                """;
        List<String> flagged = literals("X.java", src).stream().filter(UiWordsSourceTest::readsAsWords)
                .map(Literal::text).toList();
        assertEquals(List.of("Copy details", "client id", "short name: "), flagged);
    }

    static boolean readsAsWords(Literal l) {
        if (NOT_SHOWN_CALLS.contains(l.call()) || l.text().startsWith("-fx-") || l.call().endsWith("Exception") || l.call().endsWith("Error")
                || l.statement().contains("Words.get(\"" + l.text()) || l.statement().contains("Words.count(\""
                + l.text()) || l.statement().matches("(?s).*\\b(LOG|LOGGER|log)\\.\\w+\\(.*")
                || l.statement().contains("getStyleClass()") || l.statement().contains("assert")) {
            return false;
        }
        return WORDS.matcher(l.text()).find() || TEXT_SINKS.contains(l.call()) && LETTERS.matcher(l.text()).find();
    }

    private static List<Path> uiSources() throws IOException {
        try (Stream<Path> s = Files.walk(UI)) {
            return s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    /** Every string literal and text block outside comments, with the call it is an argument of. */
    static List<Literal> literals(String file, String s) {
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                i = s.indexOf('\n', i) < 0 ? n : s.indexOf('\n', i);
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2) + 2;
                line += count(s, i, end);
                i = end;
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                out.add(literal(file, line, s, i, s.substring(i + 3, end).strip()));
                line += count(s, i, end);
                i = end + 3;
            } else if (c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
            } else if (c == '"') {
                int j = i + 1;
                while (s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                out.add(literal(file, line, s, i, s.substring(i + 1, j)));
                i = j + 1;
            } else {
                if (c == '\n') {
                    line++;
                }
                i++;
            }
        }
        return out;
    }

    private static Literal literal(String file, int line, String s, int at, String text) {
        // The call: the nearest unclosed '(' before the literal, and the name before it.
        int depth = 0;
        int open = -1;
        for (int k = at - 1; k >= 0; k--) {
            char c = s.charAt(k);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth == 0) {
                    open = k;
                    break;
                }
                depth--;
            } else if ((c == ';' || c == '{' || c == '}') && depth == 0) {
                break;
            }
        }
        String call = "";
        if (open > 0) {
            int e = open;
            while (e > 0 && Character.isWhitespace(s.charAt(e - 1))) {
                e--;
            }
            int b = e;
            while (b > 0 && Character.isJavaIdentifierPart(s.charAt(b - 1))) {
                b--;
            }
            call = s.substring(b, e);
        }
        int from = Math.max(Math.max(s.lastIndexOf(';', at), s.lastIndexOf('{', at)), s.lastIndexOf('}', at)) + 1;
        int to = s.indexOf(';', at);
        return new Literal(file, line, text, call, s.substring(from, to < 0 ? s.length() : to));
    }

    private static int count(String s, int from, int to) {
        int k = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                k++;
            }
        }
        return k;
    }
}
