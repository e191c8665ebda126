package com.emite.setup.sandbox;

import com.emite.setup.sandbox.OrgRecords.Client;
import com.emite.setup.sandbox.OrgRecords.Division;
import com.emite.setup.sandbox.OrgRecords.Grant;
import com.emite.setup.sandbox.OrgRecords.Group;
import com.emite.setup.sandbox.OrgRecords.Integration;
import com.emite.setup.sandbox.OrgRecords.IntegrationType;
import com.emite.setup.sandbox.OrgRecords.Role;
import com.emite.setup.sandbox.OrgRecords.SubjectType;
import com.emite.setup.sandbox.OrgRecords.User;
import com.emite.setup.sandbox.OrgRecords.UserState;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The whole sandbox org in memory. One read/write lock guards every record: handlers read under the read lock and
 * change under the write lock. Tokens, codes and refresh tokens live in concurrent maps of their own.
 */
final class OrgState {
    static final Comparator<User> BY_NAME = Comparator.comparing((User u) -> u.name).thenComparing(u -> u.id);

    final SandboxConfig config;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final LongSupplier clock;
    private final Random ids;
    private final SecureRandom secure = new SecureRandom();
    final OrgPermissions catalog;

    String orgId;
    String orgName;
    String shortName;
    String emailDomain;
    long orgCreated;

    final List<Division> divisions = new ArrayList<>();
    final Map<String, Division> divisionsById = new HashMap<>();
    final List<User> users = new ArrayList<>();
    final Map<String, User> usersById = new HashMap<>();
    /** Users ordered by name, rebuilt whenever users are added. */
    List<User> usersByName = List.of();
    final Map<String, Group> groups = new LinkedHashMap<>();
    final Map<String, Role> roles = new LinkedHashMap<>();
    /** Grants by subject id, in grant order. */
    final Map<String, List<Grant>> grants = new LinkedHashMap<>();
    final Map<String, Integer> subjectVersions = new HashMap<>();
    final Map<String, Client> clients = new LinkedHashMap<>();
    final Map<String, IntegrationType> integrationTypes = new LinkedHashMap<>();
    final Map<String, Integration> integrations = new LinkedHashMap<>();
    final Map<String, String> scopes = new LinkedHashMap<>();

    final Map<String, OrgRecords.Token> tokens = new ConcurrentHashMap<>();
    final Map<String, OrgRecords.Code> codes = new ConcurrentHashMap<>();
    final Map<String, OrgRecords.Refresh> refreshTokens = new ConcurrentHashMap<>();

    String adminUserId;
    String adminClientId;
    String adminClientSecret;
    String pkceClientId;
    String masterAdminRoleId;
    String employeeRoleId;
    /** Agent generation state, so later agents continue the same naming. */
    final Random agentRandom;
    final Map<String, Integer> emailCounts = new HashMap<>();

    OrgState(SandboxConfig config, LongSupplier clock) {
        this.config = config;
        this.clock = clock;
        this.ids = new Random(config.seed());
        this.agentRandom = new Random(config.seed() * 31 + 7);
        this.catalog = OrgPermissions.load(config.wfm(), config.emiteLicence(), config.omitPermissions());
    }

    long now() {
        return clock.getAsLong();
    }

    <T> T read(Supplier<T> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> body) {
        lock.writeLock().lock();
        try {
            return body.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A seeded, repeatable v4-style UUID. */
    String newId() {
        synchronized (ids) {
            long hi = (ids.nextLong() & ~0xF000L) | 0x4000L;
            long lo = (ids.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(hi, lo).toString();
        }
    }

    /** An unguessable value for secrets, tokens and codes (never seeded). */
    String newSecret(int bytes) {
        byte[] b = new byte[bytes];
        secure.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    // ---- divisions ----

    Division home() {
        return divisions.get(0);
    }

    Division division(String id) {
        return divisionsById.get(id);
    }

    boolean divisionExists(String id) {
        return id.equals(com.emite.setup.contract.ApiContract.ALL_DIVISIONS) || divisionsById.containsKey(id);
    }

    // ---- users ----

    User addUser(String name, String email, int division, String title, String department, UserState state,
                 long searchVisibleAt) {
        User u = new User(newId(), name, email, division, title, department, state, searchVisibleAt);
        users.add(u);
        usersById.put(u.id, u);
        return u;
    }

    void sortUsers() {
        List<User> sorted = new ArrayList<>(users);
        sorted.sort(BY_NAME);
        usersByName = sorted;
    }

    /** A user that exists and is not deleted. */
    User liveUser(String id) {
        User u = usersById.get(id);
        return u == null || u.state == UserState.DELETED ? null : u;
    }

    // ---- subjects and grants ----

    /** Name of a subject, or null if no such subject of that type. */
    String subjectName(String id, SubjectType type) {
        return switch (type) {
            case PC_USER -> {
                User u = liveUser(id);
                yield u == null ? null : u.name;
            }
            case PC_GROUP -> {
                Group g = groups.get(id);
                yield g == null || g.state.equals("deleted") ? null : g.name;
            }
            case PC_OAUTH_CLIENT -> {
                Client c = clients.get(id);
                yield c == null ? null : c.name;
            }
        };
    }

    SubjectType subjectTypeOf(String id) {
        if (liveUser(id) != null) {
            return SubjectType.PC_USER;
        }
        if (subjectName(id, SubjectType.PC_GROUP) != null) {
            return SubjectType.PC_GROUP;
        }
        if (clients.containsKey(id)) {
            return SubjectType.PC_OAUTH_CLIENT;
        }
        return null;
    }

    List<Grant> allGrantsOf(String subjectId) {
        return grants.getOrDefault(subjectId, List.of());
    }

    /** Direct grants of a subject that are visible and in force at {@code now}. */
    List<Grant> visibleGrantsOf(String subjectId, long now) {
        List<Grant> out = new ArrayList<>();
        for (Grant g : allGrantsOf(subjectId)) {
            if (g.effectiveAt() <= now && roles.containsKey(g.roleId())) {
                out.add(g);
            }
        }
        return out;
    }

    /** Grants in force for a subject: direct ones, plus, for a user, those of the groups the user belongs to. */
    List<Grant> effectiveGrants(String subjectId, SubjectType type, long now) {
        List<Grant> out = visibleGrantsOf(subjectId, now);
        if (type == SubjectType.PC_USER) {
            for (Group g : groups.values()) {
                if (!g.state.equals("deleted") && g.members().contains(subjectId)) {
                    out.addAll(visibleGrantsOf(g.id, now));
                }
            }
        }
        return out;
    }

    boolean holds(List<Grant> grants, String permission) {
        for (Grant g : grants) {
            Role r = roles.get(g.roleId());
            if (r != null && r.grants(permission)) {
                return true;
            }
        }
        return false;
    }

    /** Adds a grant unless the same one exists; the new one is in force after the grant lag. */
    boolean addGrant(String subjectId, SubjectType type, String roleId, String divisionId, long now) {
        List<Grant> list = grants.computeIfAbsent(subjectId, k -> new ArrayList<>(2));
        for (Grant g : list) {
            if (g.roleId().equals(roleId) && g.divisionId().equals(divisionId)) {
                return false;
            }
        }
        list.add(new Grant(subjectId, type, roleId, divisionId, now, now + config.grantLagMs()));
        subjectVersions.merge(subjectId, 1, Integer::sum);
        return true;
    }

    /** Seeded grants are in force from the start. */
    void seedGrant(String subjectId, SubjectType type, String roleId, String divisionId) {
        grants.computeIfAbsent(subjectId, k -> new ArrayList<>(2))
                .add(new Grant(subjectId, type, roleId, divisionId, orgCreated, 0));
    }

    boolean removeGrant(String subjectId, String roleId, String divisionId) {
        List<Grant> list = grants.get(subjectId);
        if (list == null) {
            return false;
        }
        boolean removed = list.removeIf(g -> g.roleId().equals(roleId) && g.divisionId().equals(divisionId));
        if (removed) {
            subjectVersions.merge(subjectId, 1, Integer::sum);
        }
        return removed;
    }

    int subjectVersion(String subjectId) {
        return subjectVersions.getOrDefault(subjectId, 1);
    }

    Role roleNamed(String name) {
        for (Role r : roles.values()) {
            if (r.name.equals(name)) {
                return r;
            }
        }
        return null;
    }
}
