package com.emite.setup.sandbox;

import com.google.gson.JsonObject;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The sandbox org's records. Mutable fields are only touched under the write lock of {@link OrgState}. */
final class OrgRecords {
    private OrgRecords() {
    }

    enum SubjectType { PC_USER, PC_GROUP, PC_OAUTH_CLIENT }

    enum UserState {
        ACTIVE("active"), INACTIVE("inactive"), DELETED("deleted");

        private final String wire;

        UserState(String wire) {
            this.wire = wire;
        }

        String wire() {
            return wire;
        }
    }

    record Division(String id, String name, String description, boolean home) {
    }

    /** Compact: a generated org holds tens of thousands of these; JSON is built per page. */
    static final class User {
        final String id;
        final String name;
        final String email;
        final int division;
        final String title;
        final String department;
        UserState state;
        int version = 1;
        final long searchVisibleAt;

        User(String id, String name, String email, int division, String title, String department, UserState state,
             long searchVisibleAt) {
            this.id = id;
            this.name = name;
            this.email = email;
            this.division = division;
            this.title = title;
            this.department = department;
            this.state = state;
            this.searchVisibleAt = searchVisibleAt;
        }
    }

    /** What search sees of a group: the state as of the last indexing. */
    record GroupDoc(String id, String name, String description, String type, String visibility, boolean rulesVisible,
                    String state, int version, long memberCount, long dateModified, List<String> ownerIds) {
    }

    static final class Group {
        final String id;
        String name;
        String description;
        String type;
        String visibility;
        boolean rulesVisible;
        String state = "active";
        int version = 1;
        long dateModified;
        final Set<String> individuals = new LinkedHashSet<>();
        final Set<String> owners = new LinkedHashSet<>();
        /** Search index: the settled doc, a pending doc and when the pending one becomes visible. */
        GroupDoc indexed;
        GroupDoc pending;
        long pendingAt;

        Group(String id) {
            this.id = id;
        }

        Set<String> members() {
            Set<String> all = new LinkedHashSet<>(individuals);
            all.addAll(owners);
            return all;
        }

        GroupDoc doc() {
            return new GroupDoc(id, name, description, type, visibility, rulesVisible, state, version,
                    members().size(), dateModified, List.copyOf(owners));
        }

        /** Records a change: search keeps the last settled doc until {@code now + lag}. */
        void reindex(long now, long lag) {
            if (pending != null && now >= pendingAt) {
                indexed = pending;
            }
            pending = doc();
            pendingAt = now + lag;
        }

        GroupDoc searchDoc(long now) {
            return pending != null && now >= pendingAt ? pending : indexed;
        }
    }

    record Policy(String domain, String entityName, List<String> actionSet, boolean allowConditions) {
        boolean grants(String d, String e, String a) {
            return (domain.equals("*") || domain.equals(d)) && (entityName.equals("*") || entityName.equals(e))
                    && (actionSet.contains("*") || actionSet.contains(a));
        }
    }

    static final class Role {
        final String id;
        String name;
        String description;
        List<Policy> policies;
        final String defaultRoleId;
        final boolean isDefault;
        boolean base;

        Role(String id, String name, String description, List<Policy> policies, String defaultRoleId,
             boolean isDefault) {
            this.id = id;
            this.name = name;
            this.description = description;
            this.policies = policies;
            this.defaultRoleId = defaultRoleId;
            this.isDefault = isDefault;
        }

        boolean grants(String permission) {
            String[] p = permission.split(":", 3);
            if (p.length != 3) {
                return false;
            }
            return policies.stream().anyMatch(x -> x.grants(p[0], p[1], p[2]));
        }
    }

    /** A role granted to a subject in a division ("*" = all). Visible and in force from {@code effectiveAt}. */
    record Grant(String subjectId, SubjectType subjectType, String roleId, String divisionId, long madeAt,
                 long effectiveAt) {
    }

    static final class Client {
        final String id;
        String name;
        String description;
        String grantType;
        long validitySeconds;
        List<String> redirectUris;
        List<String> scope;
        String state;
        String secret;
        /** The sandbox's own public PKCE client: no secret, any loopback redirect. */
        final boolean pkce;
        final long dateCreated;
        long dateModified;
        final String createdBy;
        String modifiedBy;
        /** roleDivisions of non-client-credentials clients: stored, never in force. */
        List<String[]> inertRoleDivisions = List.of();

        /** A copy taken under the lock, for the login service to read without holding it. */
        Client copy() {
            Client c = new Client(id, pkce, dateCreated, createdBy);
            c.name = name;
            c.description = description;
            c.grantType = grantType;
            c.validitySeconds = validitySeconds;
            c.redirectUris = List.copyOf(redirectUris);
            c.scope = List.copyOf(scope);
            c.state = state;
            c.secret = secret;
            c.dateModified = dateModified;
            c.modifiedBy = modifiedBy;
            c.inertRoleDivisions = inertRoleDivisions;
            return c;
        }

        Client(String id, boolean pkce, long dateCreated, String createdBy) {
            this.id = id;
            this.pkce = pkce;
            this.dateCreated = dateCreated;
            this.dateModified = dateCreated;
            this.createdBy = createdBy;
            this.modifiedBy = createdBy;
        }
    }

    record IntegrationType(String id, String name, String description, String provider, String category,
                           Integer maxInstances, List<String> userPermissions, Set<String> propertyKeys) {
    }

    static final class Integration {
        final String id;
        final String typeId;
        String name;
        String notes;
        String intendedState;
        int configVersion = 1;
        JsonObject properties = new JsonObject();
        JsonObject advanced = new JsonObject();
        String configNotes = "";
        JsonObject credentials = new JsonObject();
        long lastUpdated;

        Integration(String id, String typeId) {
            this.id = id;
            this.typeId = typeId;
        }
    }

    /** An access token; {@code userId} is null for client credentials. */
    record Token(String value, String clientId, String userId, long issuedAt, long expiresAt, List<String> scopes) {
    }

    record Code(String code, String clientId, String redirectUri, String challenge, String userId, long expiresAt) {
    }

    record Refresh(String value, String clientId, String userId, List<String> scopes) {
    }
}
