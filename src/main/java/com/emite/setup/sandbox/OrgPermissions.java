package com.emite.setup.sandbox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The org's permission catalog ({@code GET /authorization/permissions}): domain → entity → actions. Only what the
 * org's products enable is present: no {@code wfm} domain without WFM, no {@code integration:emiteApps:view} without
 * the eMite licence, and nothing the configuration asks to omit.
 */
final class OrgPermissions {
    static final String LICENCE_PERMISSION = "integration:emiteApps:view";

    /** One permission as the catalog lists it (DomainPermission, reference §8). */
    record Perm(String domain, String entity, String action, String label, boolean allowsConditions,
                boolean divisionAware) {
        String string() {
            return domain + ":" + entity + ":" + action;
        }
    }

    private final Map<String, Map<String, List<Perm>>> domains = new TreeMap<>();
    private int size;

    static OrgPermissions load(boolean wfm, boolean emiteLicence, Set<String> omit) {
        OrgPermissions c = new OrgPermissions();
        try (InputStream in = OrgPermissions.class.getResourceAsStream("permission-catalog.txt")) {
            if (in == null) {
                throw new IllegalStateException("permission-catalog.txt missing from the sandbox resources");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+");
                String domain = parts[0];
                String entity = parts[1];
                boolean divisionAware = entity.endsWith("+");
                if (divisionAware) {
                    entity = entity.substring(0, entity.length() - 1);
                }
                if (!wfm && domain.equals("wfm")) {
                    continue;
                }
                for (String action : parts[2].split(",")) {
                    c.add(domain, entity, action, divisionAware, omit);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (emiteLicence) {
            String[] p = LICENCE_PERMISSION.split(":");
            c.add(p[0], p[1], p[2], false, omit);
        }
        return c;
    }

    private void add(String domain, String entity, String action, boolean divisionAware, Set<String> omit) {
        if (omit.contains(domain + ":" + entity + ":" + action)) {
            return;
        }
        boolean conditions = domain.equals("routing") && entity.equals("queue") && action.equals("view")
                || domain.equals("directory") && entity.equals("user") && action.equals("view");
        domains.computeIfAbsent(domain, d -> new TreeMap<>()).computeIfAbsent(entity, e -> new ArrayList<>())
                .add(new Perm(domain, entity, action, label(action), conditions, divisionAware));
        size++;
    }

    static String label(String action) {
        return switch (action) {
            case "*" -> "All Permissions";
            case "all" -> "All";
            default -> Character.toUpperCase(action.charAt(0)) + action.substring(1)
                    .replaceAll("([A-Z])", " $1");
        };
    }

    int size() {
        return size;
    }

    Set<String> domainNames() {
        return Collections.unmodifiableSet(domains.keySet());
    }

    Map<String, List<Perm>> domain(String domain) {
        return domains.get(domain);
    }

    boolean hasDomain(String domain) {
        return domains.containsKey(domain);
    }

    boolean hasEntity(String domain, String entity) {
        Map<String, List<Perm>> d = domains.get(domain);
        return d != null && d.containsKey(entity);
    }

    boolean hasPermission(String domain, String entity, String action) {
        Map<String, List<Perm>> d = domains.get(domain);
        List<Perm> perms = d == null ? null : d.get(entity);
        return perms != null && perms.stream().anyMatch(p -> p.action().equals(action));
    }

    /**
     * Whether a policy names only what the catalog has. {@code *} is allowed as entity or action (reference §8 [GC]);
     * the domain must exist.
     */
    boolean accepts(String domain, String entity, String action) {
        if (!hasDomain(domain)) {
            return false;
        }
        if (entity.equals("*")) {
            return action.equals("*") || domains.get(domain).values().stream()
                    .anyMatch(l -> l.stream().anyMatch(p -> p.action().equals(action)));
        }
        if (!hasEntity(domain, entity)) {
            return false;
        }
        return action.equals("*") || hasPermission(domain, entity, action);
    }

    List<String> all() {
        List<String> out = new ArrayList<>();
        domains.values().forEach(d -> d.values().forEach(l -> l.forEach(p -> out.add(p.string()))));
        return out;
    }
}
