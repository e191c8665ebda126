package com.emite.setup.genesys;

import com.emite.setup.genesys.model.DomainPermission;
import com.emite.setup.genesys.model.DomainPermissionCollection;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the org offers: the merged {@code permissionMap}s of {@code GET /api/v2/authorization/permissions}
 * (reference §8). A permission missing here is not licensed in this org.
 */
public final class PermissionCatalog {
    private final Map<String, Map<String, Set<String>>> byDomain = new TreeMap<>();

    public PermissionCatalog(Collection<DomainPermissionCollection> collections) {
        for (DomainPermissionCollection c : collections) {
            if (c.permissionMap() == null) {
                continue;
            }
            for (Map.Entry<String, List<DomainPermission>> e : c.permissionMap().entrySet()) {
                for (DomainPermission p : e.getValue()) {
                    String domain = p.domain() != null ? p.domain() : c.domain();
                    String entity = p.entityType() != null ? p.entityType() : e.getKey();
                    if (domain == null || entity == null || p.action() == null) {
                        continue;
                    }
                    byDomain.computeIfAbsent(domain, d -> new TreeMap<>())
                            .computeIfAbsent(entity, x -> new TreeSet<>()).add(p.action());
                }
            }
        }
    }

    /** Every permission as {@code domain:entity:action}, sorted. */
    public Set<String> permissions() {
        Set<String> out = new TreeSet<>();
        byDomain.forEach((d, entities) -> entities.forEach((e, actions) ->
                actions.forEach(a -> out.add(d + ":" + e + ":" + a))));
        return out;
    }

    /**
     * Whether the org offers {@code domain:entity:action}. {@code *} as action (or entity) means "all": offered when
     * the entity (or domain) has any action at all.
     */
    public boolean offers(String permission) {
        String[] parts = permission.split(":", -1);
        if (parts.length != 3) {
            return false;
        }
        return offers(parts[0], parts[1], parts[2]);
    }

    public boolean offers(String domain, String entity, String action) {
        Map<String, Set<String>> entities = byDomain.get(domain);
        if (entities == null) {
            return false;
        }
        if ("*".equals(entity)) {
            return !entities.isEmpty();
        }
        Set<String> actions = entities.get(entity);
        if (actions == null || actions.isEmpty()) {
            return false;
        }
        return "*".equals(action) || actions.contains(action) || actions.contains("*");
    }

    /** The actions the org offers for one entity (empty when none). */
    public Set<String> actions(String domain, String entity) {
        return Set.copyOf(byDomain.getOrDefault(domain, Map.of()).getOrDefault(entity, Set.of()));
    }

    @Override
    public String toString() {
        return "PermissionCatalog[" + permissions().size() + " permissions in " + byDomain.size() + " domains]";
    }
}
