package com.emite.setup.sandbox;

import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.Group;
import com.emite.setup.sandbox.OrgRecords.Integration;
import com.emite.setup.sandbox.OrgRecords.Policy;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.emite.setup.sandbox.OrgRecords.User;
import com.emite.setup.sandbox.OrgRecords.UserState;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A read-only look inside a running sandbox, bypassing the API (no lag, no permissions): what tests of the engine
 * check after an apply. Every method takes a consistent snapshot.
 */
public final class SandboxInspector {
    private final OrgState s;

    SandboxInspector(OrgState s) {
        this.s = s;
    }

    /** A grant as stored: role, division ("*" = all) and whether it is in force yet. */
    public record GrantInfo(String roleId, String roleName, String divisionId, boolean inForce) {
    }

    /** Ids of live (not deleted) groups with exactly this name. */
    public List<String> groupIdsNamed(String name) {
        return s.read(() -> s.groups.values().stream().filter(g -> !g.state.equals("deleted") && g.name.equals(name))
                .map(g -> g.id).toList());
    }

    /** Individually added members of a group. */
    public Set<String> groupMemberIds(String groupId) {
        return s.read(() -> {
            Group g = s.groups.get(groupId);
            return g == null ? Set.of() : Set.copyOf(g.individuals);
        });
    }

    public List<String> roleIdsNamed(String name) {
        return s.read(() -> s.roles.values().stream().filter(r -> r.name.equals(name)).map(r -> r.id).toList());
    }

    /** Permissions of a role as {@code domain:entity:action} strings (wildcards as stored). */
    public Set<String> rolePermissions(String roleId) {
        return s.read(() -> {
            Role r = s.roles.get(roleId);
            Set<String> out = new TreeSet<>();
            if (r != null) {
                for (Policy p : r.policies) {
                    p.actionSet().forEach(a -> out.add(p.domain() + ":" + p.entityName() + ":" + a));
                }
            }
            return out;
        });
    }

    /** Direct grants of a user, group or OAuth client (pending ones included, flagged). */
    public List<GrantInfo> grantsOf(String subjectId) {
        return s.read(() -> {
            long now = s.now();
            List<GrantInfo> out = new ArrayList<>();
            for (Grant g : s.allGrantsOf(subjectId)) {
                Role r = s.roles.get(g.roleId());
                out.add(new GrantInfo(g.roleId(), r == null ? null : r.name, g.divisionId(), g.effectiveAt() <= now));
            }
            return out;
        });
    }

    /**
     * True when every grant made so far is in force and every user is found by search: nothing the lags hold back.
     * Tests wait on this instead of sleeping for the lag.
     */
    public boolean settled() {
        return s.read(() -> {
            long now = s.now();
            boolean grants = s.grants.values().stream().flatMap(List::stream).allMatch(g -> g.effectiveAt() <= now);
            boolean users = s.usersById.values().stream().allMatch(u -> u.searchVisibleAt <= now);
            return grants && users;
        });
    }

    public List<String> clientIdsNamed(String name) {
        return s.read(() -> s.clients.values().stream().filter(c -> c.name.equals(name)).map(c -> c.id).toList());
    }

    /** The grant type and state of a client, or null. */
    public Map<String, String> client(String clientId) {
        return s.read(() -> {
            Client c = s.clients.get(clientId);
            return c == null ? null : Map.of("name", c.name, "authorizedGrantType", c.grantType, "state", c.state);
        });
    }

    public List<String> integrationIdsNamed(String name) {
        return s.read(() -> s.integrations.values().stream().filter(i -> i.name.equals(name)).map(i -> i.id)
                .toList());
    }

    /** intendedState, config version and config properties (JSON text) of an integration, or null. */
    public Map<String, String> integration(String id) {
        return s.read(() -> {
            Integration i = s.integrations.get(id);
            return i == null ? null : Map.of("intendedState", i.intendedState, "configVersion",
                    String.valueOf(i.configVersion), "properties", JsonTree.GSON.toJson(i.properties), "typeId",
                            i.typeId);
        });
    }

    /** Ids of active users in a division. */
    public List<String> activeUserIdsIn(String divisionId) {
        return s.read(() -> {
            List<String> out = new ArrayList<>();
            for (User u : s.users) {
                if (u.state == UserState.ACTIVE && s.divisions.get(u.division).id().equals(divisionId)) {
                    out.add(u.id);
                }
            }
            return out;
        });
    }

    /** Ids of all active users. */
    public List<String> activeUserIds() {
        return s.read(() -> s.users.stream().filter(u -> u.state == UserState.ACTIVE).map(u -> u.id).toList());
    }

    /** Every permission of the catalog. */
    public Set<String> catalog() {
        return s.read(() -> new LinkedHashSet<>(s.catalog.all()));
    }
}
