package com.emite.setup.diagnose;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.blueprint.PermissionSpec;
import com.emite.setup.genesys.PermissionCatalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The blueprint's permission rows whose API string nobody has confirmed (today the two WFM rows): the org's catalog
 * says whether the string exists, and which strings stand nearest when it does not.
 */
final class UnconfirmedPermissions {
    private UnconfirmedPermissions() {
    }

    static List<Finding> look(Blueprint blueprint, OrgReads org) {
        List<PermissionSpec> rows = blueprint.role().unconfirmedPermissions();
        List<Finding> out = new ArrayList<>();
        if (rows.isEmpty()) {
            return out;
        }
        List<String> domains = rows.stream().map(PermissionSpec::domain).distinct().collect(Collectors.toList());
        PermissionCatalog catalog = org.catalog(domains);
        org.counts().put("catalogPermissions(" + String.join(",", domains) + ")", catalog.permissions().size());
        for (PermissionSpec row : rows) {
            String entry = "blueprint row " + row.row() + " (" + row.name() + ")";
            String assumed = "the permission is " + row.permission();
            if (catalog.offers(row.permission())) {
                out.add(Finding.held(entry, assumed, "the org's catalog has it"));
            } else {
                out.add(Finding.differs(entry, assumed, "the org's catalog lacks it; nearest: "
                        + nearest(row, catalog.permissions())));
            }
        }
        return out;
    }

    /** Same domain and action, the entity sharing the longest word with the guessed one: a hint, never a choice. */
    static List<String> nearest(PermissionSpec row, Set<String> catalog) {
        String guess = row.entityName().toLowerCase(Locale.ROOT);
        String prefix = row.domain() + ":";
        String suffix = ":" + row.action();
        return catalog.stream().filter(p -> p.startsWith(prefix) && p.endsWith(suffix))
                .filter(p -> sharedWordLength(guess, p.split(":")[1].toLowerCase(Locale.ROOT)) >= 5)
                .sorted((a, b) -> Integer.compare(
                        sharedWordLength(guess, b.split(":")[1].toLowerCase(Locale.ROOT)),
                        sharedWordLength(guess, a.split(":")[1].toLowerCase(Locale.ROOT))))
                .limit(3).collect(Collectors.toList());
    }

    /** Length of the longest run of letters the two names share (camelCase words match as runs). */
    static int sharedWordLength(String a, String b) {
        int best = 0;
        for (int i = 0; i < a.length(); i++) {
            for (int j = 0; j < b.length(); j++) {
                int k = 0;
                while (i + k < a.length() && j + k < b.length() && a.charAt(i + k) == b.charAt(j + k)) {
                    k++;
                }
                best = Math.max(best, k);
            }
        }
        return best;
    }
}
