package com.emite.setup.schedule;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Test helper: reads an ExecStart line back as systemd does, for the tests that run what a unit would run. */
public final class SystemdExecStart {
    private SystemdExecStart() {
    }

    /** systemd's reading of a fully quoted ExecStart: "…" words, \\ and \" unescaped, %% and $$ collapsed. */
    public static List<String> parse(String line) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            if (line.charAt(i) == ' ') {
                i++;
                continue;
            }
            assertEquals('"', line.charAt(i), "every word is quoted: " + line);
            StringBuilder w = new StringBuilder();
            i++;
            while (line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\') {
                    w.append(line.charAt(i + 1));
                    i += 2;
                } else if ((c == '%' || c == '$') && i + 1 < line.length() && line.charAt(i + 1) == c) {
                    w.append(c);
                    i += 2;
                } else {
                    assertFalse(c == '%' || c == '$', "a lone " + c + " would be expanded by systemd: " + line);
                    w.append(c);
                    i++;
                }
            }
            out.add(w.toString());
            i++;
        }
        return out;
    }
}
