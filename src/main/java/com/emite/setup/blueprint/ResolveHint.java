package com.emite.setup.blueprint;

import java.util.List;
import java.util.Locale;

/**
 * How to find an unconfirmed permission in the org's permission catalog at run time: a permission in {@code domain}
 * whose entity name contains one of {@code entityContains} (ignoring case) with {@code action}. If nothing matches, the
 * row is skipped with a warning.
 */
public record ResolveHint(String domain, List<String> entityContains, String action, String note) {
    public ResolveHint {
        entityContains = List.copyOf(entityContains);
    }

    /** Whether the catalog entry {@code domain}/{@code entityName} with {@code action} fits this hint. */
    public boolean matches(String domain, String entityName, String action) {
        if (!this.domain.equals(domain) || entityName == null) {
            return false;
        }
        if (!(this.action.equals(action) || "*".equals(action))) {
            return false;
        }
        String entity = entityName.toLowerCase(Locale.ROOT);
        return entityContains.stream().anyMatch(part -> entity.contains(part.toLowerCase(Locale.ROOT)));
    }

    /** Whether a permission string {@code domain:entity:action} fits this hint. */
    public boolean matches(String permission) {
        return PermissionPolicy.of(permission)
                .map(p -> matches(p.domain(), p.entityName(), p.actionSet().get(0)))
                .orElse(false);
    }
}
