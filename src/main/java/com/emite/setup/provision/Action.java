package com.emite.setup.provision;

import java.util.List;

/**
 * What the executor must do for one plan item. Objects created earlier in the same run are named by name, and the
 * executor resolves them to the ids it kept from the create responses (it never reads back what it just created).
 */
public sealed interface Action {

    /** The write requests this action makes, for the plan's display and the progress total. */
    List<WriteCall> writes();

    record CreateGroup(String name, String type, String visibility, boolean rulesVisible, String description)
            implements Action {
        public List<WriteCall> writes() {
            return List.of(WriteCall.once("POST", "/api/v2/groups"));
        }
    }

    /**
     * Fixes visibility / rulesVisible of an existing group (its type cannot be changed through the API); its
     * description and owners are sent back as they are.
     */
    record UpdateGroup(String groupId, int version, String name, String description, List<String> ownerIds,
                       String visibility, boolean rulesVisible) implements Action {
        public UpdateGroup {
            ownerIds = ownerIds == null ? List.of() : List.copyOf(ownerIds);
        }

        public List<WriteCall> writes() {
            return List.of(WriteCall.once("PUT", "/api/v2/groups/{groupId}"));
        }
    }

    /**
     * Adds members in batches. {@code groupId}/{@code version} are null for a group created earlier in this run (the
     * executor knows its id and version from the create response).
     */
    record AddGroupMembers(String groupName, String groupId, Integer version, List<String> userIds, int batchSize)
            implements Action {
        public AddGroupMembers {
            userIds = List.copyOf(userIds);
        }

        public List<WriteCall> writes() {
            return List.of(new WriteCall("POST", "/api/v2/groups/{groupId}/members", batches(userIds.size(), batchSize)));
        }
    }

    /** Takes members out, in batches (DELETE …/members?ids=; no version needed). */
    record RemoveGroupMembers(String groupName, String groupId, List<String> userIds, int batchSize)
            implements Action {
        public RemoveGroupMembers {
            userIds = List.copyOf(userIds);
        }

        public List<WriteCall> writes() {
            return List.of(new WriteCall("DELETE", "/api/v2/groups/{groupId}/members",
                    batches(userIds.size(), batchSize)));
        }
    }

    /** Deletes a second object with an eMite name (a client is set inactive first, reference §10). */
    record DeleteDuplicate(ItemKind kind, String name, String id) implements Action {
        public List<WriteCall> writes() {
            return switch (kind) {
                case GROUP -> List.of(WriteCall.once("DELETE", "/api/v2/groups/{groupId}"));
                case OAUTH_CLIENT -> List.of(WriteCall.once("PUT", "/api/v2/oauth/clients/{clientId}"),
                        WriteCall.once("DELETE", "/api/v2/oauth/clients/{clientId}"));
                default -> List.of(WriteCall.once("DELETE", "/api/v2/integrations/{integrationId}"));
            };
        }
    }

    record CreateRole(String name, String description, List<RolePolicy> policies) implements Action {
        public CreateRole {
            policies = List.copyOf(policies);
        }

        public List<WriteCall> writes() {
            return List.of(WriteCall.once("POST", "/api/v2/authorization/roles"));
        }
    }

    /** Replaces the role's policies with {@code policies}: the existing ones plus the missing ones, never fewer. */
    record UpdateRole(String roleId, String name, String description, List<RolePolicy> policies) implements Action {
        public UpdateRole {
            policies = List.copyOf(policies);
        }

        public List<WriteCall> writes() {
            return List.of(WriteCall.once("PUT", "/api/v2/authorization/roles/{roleId}"));
        }
    }

    /**
     * Grants a role to the signed-in identity in one division; the executor then waits until it is in force before
     * the first step that needs it. {@code roleId} null = created earlier in this run.
     */
    record GrantRoleToIdentity(String roleName, String roleId, Identity.Kind subjectKind, String subjectId,
                               String divisionId) implements Action {
        public List<WriteCall> writes() {
            return List.of(WriteCall.once("POST", "/api/v2/authorization/roles/{roleId}?subjectType="
                    + subjectKind.subjectType()));
        }
    }

    /**
     * Waits (no write) for a grant an earlier run made to the signed-in identity, which Genesys does not show yet,
     * before the first step that needs it.
     */
    record AwaitGrant(String roleName, String roleId) implements Action {
        public List<WriteCall> writes() {
            return List.of();
        }
    }

    /** Creates an OAuth client and puts its secret into the vault before the next step starts. */
    record CreateClient(ClientSpec spec) implements Action {
        public List<WriteCall> writes() {
            return List.of(WriteCall.once("POST", "/api/v2/oauth/clients"));
        }
    }

    /**
     * Puts an existing client right. A PUT replaces every field (reference §10), so {@code spec} is what eMite needs
     * merged into what the client has (its description, token duration, other redirect URIs and scopes stay), and
     * {@code keptRoleDivisions} are the client's present role/division pairs, which the executor sends along with
     * eMite's role in all divisions.
     */
    record UpdateClient(String clientId, ClientSpec spec, java.util.Map<String, java.util.Set<String>> keptRoleDivisions)
            implements Action {
        public UpdateClient {
            java.util.Map<String, java.util.Set<String>> copy = new java.util.LinkedHashMap<>();
            keptRoleDivisions.forEach((role, divisions) -> copy.put(role, java.util.Set.copyOf(divisions)));
            keptRoleDivisions = java.util.Collections.unmodifiableMap(copy);
        }

        public List<WriteCall> writes() {
            return List.of(WriteCall.once("PUT", "/api/v2/oauth/clients/{clientId}"));
        }
    }

    /** Issues a new secret for an existing client (the old one stops working) and keeps it in the vault. */
    record ResetSecret(String clientId, String name) implements Action {
        public List<WriteCall> writes() {
            return List.of(WriteCall.once("POST", "/api/v2/oauth/clients/{clientId}/secret"));
        }
    }

    /**
     * Creates, configures and enables the custom client app, or fixes an existing one. {@code integrationId} null =
     * create; {@code configVersion} is the current config version (1 for a new instance, no read needed).
     */
    record ClientApp(String integrationId, String name, String typeId, Integer configVersion, AppConfig config,
                     boolean putConfig, boolean enable) implements Action {
        public List<WriteCall> writes() {
            List<WriteCall> w = new java.util.ArrayList<>();
            if (integrationId == null) {
                w.add(WriteCall.once("POST", "/api/v2/integrations"));
            }
            if (putConfig) {
                w.add(WriteCall.once("PUT", "/api/v2/integrations/{integrationId}/config/current"));
            }
            if (enable) {
                w.add(WriteCall.once("PATCH", "/api/v2/integrations/{integrationId}"));
            }
            return w;
        }
    }

    /**
     * Grants the licence role of one division, in that division, to the given users, in batches. {@code roleId} null =
     * the role is created earlier in this run.
     */
    record GrantLicence(String roleName, String roleId, String divisionId, String divisionName, List<String> userIds,
                        int batchSize) implements Action {
        public GrantLicence {
            userIds = List.copyOf(userIds);
        }

        public List<WriteCall> writes() {
            return List.of(batchSize == 1
                    ? new WriteCall("POST", "/api/v2/authorization/subjects/{userId}/divisions/{divisionId}/roles/"
                    + "{roleId}", userIds.size())
                    : new WriteCall("POST", "/api/v2/authorization/roles/{roleId}?subjectType=PC_USER",
                    batches(userIds.size(), batchSize)));
        }
    }

    static int batches(int n, int size) {
        return Math.max(1, (n + size - 1) / size);
    }
}
