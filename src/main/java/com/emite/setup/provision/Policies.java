package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/** Permission strings and role policies: what a role grants, and a role with permissions added. */
final class Policies {
    private Policies() {
    }

    /** True if the policies grant {@code permission} (wildcards included). */
    static boolean covers(List<RolePolicy> policies, String permission) {
        String[] w = permission.split(":");
        for (RolePolicy p : policies) {
            if (!(p.domain().equals(w[0]) || p.domain().equals("*"))) {
                continue;
            }
            if (!(p.entityName().equals(w[1]) || p.entityName().equals("*"))) {
                continue;
            }
            if (p.actions().contains("*") || p.actions().contains(w[2])) {
                return true;
            }
        }
        return false;
    }

    /** Permission strings → policies, one per domain+entity with all its actions. */
    static List<RolePolicy> policiesOf(List<String> permissions) {
        return merge(List.of(), permissions);
    }

    /** The existing policies with the permissions added (actions merged into a matching policy; nothing removed). */
    static List<RolePolicy> merge(List<RolePolicy> existing, List<String> add) {
        List<RolePolicy> out = new ArrayList<>(existing);
        for (String perm : add) {
            String[] w = perm.split(":");
            boolean merged = false;
            for (int i = 0; i < out.size(); i++) {
                RolePolicy p = out.get(i);
                if (p.domain().equals(w[0]) && p.entityName().equals(w[1])) {
                    if (!p.actions().contains(w[2]) && !p.actions().contains("*")) {
                        List<String> actions = new ArrayList<>(p.actions());
                        if (w[2].equals("*")) {
                            actions.clear();
                        }
                        actions.add(w[2]);
                        out.set(i, p.withActions(actions));
                    }
                    merged = true;
                    break;
                }
            }
            if (!merged) {
                out.add(new RolePolicy(w[0], w[1], List.of(w[2])));
            }
        }
        return out;
    }
}
