package com.emite.setup.provision;

import java.util.Collection;

/** Matching of permission strings ({@code domain:entity:action}, where any part may be {@code *}). */
public final class Permissions {
    private Permissions() {
    }

    /** True if any of {@code held} covers {@code wanted}. */
    public static boolean covers(Collection<String> held, String wanted) {
        String[] w = wanted.split(":", -1);
        for (String h : held) {
            String[] p = h.split(":", -1);
            if (p.length == 1 && p[0].equals("*")) {
                return true;
            }
            if (p.length != 3 || w.length != 3) {
                continue;
            }
            if (part(p[0], w[0]) && part(p[1], w[1]) && part(p[2], w[2])) {
                return true;
            }
        }
        return false;
    }

    private static boolean part(String held, String wanted) {
        return held.equals("*") || held.equals(wanted);
    }
}
