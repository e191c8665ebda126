package com.emite.setup.provision;

import com.emite.setup.blueprint.LicenceRoleSpec;

import java.util.List;

/**
 * What eMite needs in an org, as the engine uses it (made from the blueprint by {@link BlueprintNeeds}).
 *
 * @param groups  the three groups
 * @param role    the "eMite Data Integration" role and its 41 permissions
 * @param clients the OAuth clients; {@code redirectUris} containing {@link #REDIRECT_URL} get the org's redirect URL
 * @param app     the custom client app
 * @param licence the per-division licence role
 */
public record Needs(List<GroupNeed> groups, RoleNeed role, List<ClientSpec> clients, AppNeed app,
                    LicenceNeed licence, java.util.Map<String, List<String>> guideNotes) {

    /** Placeholder for the org's eMite redirect URL in client redirect URIs and the app URL. */
    public static final String REDIRECT_URL = "{redirectUrl}";

    public Needs {
        groups = List.copyOf(groups);
        clients = List.copyOf(clients);
        guideNotes = java.util.Map.copyOf(guideNotes);
    }

    public Needs(List<GroupNeed> groups, RoleNeed role, List<ClientSpec> clients, AppNeed app, LicenceNeed licence) {
        this(groups, role, clients, app, licence, java.util.Map.of());
    }

    /** Where eMite needs something other than the guide's text for this object (client name → notes), else empty. */
    public List<String> notesFor(String name) {
        return guideNotes.getOrDefault(name, List.of());
    }

    public record GroupNeed(String name, String type, String visibility, boolean rulesVisible, String description) {
    }

    /**
     * One permission row.
     *
     * @param matchHints for an unconfirmed permission: parts of the entity name to look for in the catalog when the
     *                   exact string is not there (e.g. "notification"); empty for confirmed ones
     * @param wfm       true for WFM rows (only licensed with WFM)
     */
    public record PermissionNeed(int row, String type, String name, String level, String permission,
                                 List<String> matchHints, boolean wfm) {
        public PermissionNeed {
            matchHints = List.copyOf(matchHints);
        }
    }

    public record RoleNeed(String name, String description, List<PermissionNeed> permissions) {
        public RoleNeed {
            permissions = List.copyOf(permissions);
        }
    }

    public record AppNeed(String name, String typeId, String url, String displayType, String featureCategory,
                          String sandbox, List<String> groupNames) {
        public AppNeed {
            groupNames = List.copyOf(groupNames);
        }
    }

    /**
     * @param namePattern e.g. "eMite_{divisionName}"
     * @param permission  integration:emiteApps:view
     * @param description the role's description
     */
    public record LicenceNeed(String namePattern, String permission, String description) {
        public String roleName(String divisionName) {
            return namePattern.replace(LicenceRoleSpec.DIVISION_PLACEHOLDER, divisionName);
        }
    }
}
