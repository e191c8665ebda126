package com.emite.setup.ui.plan;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine words its fixes for both faces, but a few name command-line options; on the desktop the same advice
 * names the control instead. Only these exact phrases are changed.
 */
public final class DesktopWords {
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    static {
        PHRASES.put("Run apply with --reset-unknown-secrets to issue a new secret",
                "Tick \"Issue new secrets for clients whose secret is unknown\" and apply, to issue a new secret");
        PHRASES.put("Run apply again with --reset-unknown-secrets to issue one",
                "Tick \"Issue new secrets for clients whose secret is unknown\" and apply again to issue one");
        PHRASES.put("run apply with --with-wfm", "tick \"Also set up the WFM clients\" and apply");
        PHRASES.put("or use --divisions all", "or choose \"All divisions\"");
        PHRASES.put("reset it with apply --reset-unknown-secrets",
                "tick \"Issue new secrets for clients whose secret is unknown\" and apply");
        PHRASES.put("run apply again", "apply again");
        PHRASES.put("Run apply again", "Apply again");
    }

    private DesktopWords() {
    }

    public static String of(String engineText) {
        if (engineText == null) {
            return null;
        }
        String s = engineText;
        for (Map.Entry<String, String> e : PHRASES.entrySet()) {
            s = s.replace(e.getKey(), e.getValue());
        }
        return s;
    }
}
