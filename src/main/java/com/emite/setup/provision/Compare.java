package com.emite.setup.provision;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Small comparisons and words the planning steps share. */
final class Compare {
    private Compare() {
    }

    /** {@code first}, then the items of {@code second} not in it. */
    static List<String> union(List<String> first, List<String> second) {
        LinkedHashSet<String> out = new LinkedHashSet<>(first);
        out.addAll(second);
        return List.copyOf(out);
    }

    static Set<String> sandboxSet(String s) {
        Set<String> out = new TreeSet<>();
        if (s != null) {
            for (String p : s.split(",")) {
                if (!p.isBlank()) {
                    out.add(p.trim());
                }
            }
        }
        return out;
    }

    static <T> Map<String, T> firstByName(List<T> list, java.util.function.Function<T, String> name) {
        Map<String, T> out = new HashMap<>();
        for (T t : list) {
            out.putIfAbsent(name.apply(t), t);
        }
        return out;
    }

    static boolean eq(String a, String b) {
        return a == null ? b == null : b != null && a.equalsIgnoreCase(b);
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    static String show(String s) {
        return s == null || s.isEmpty() ? "(blank)" : s;
    }
}
