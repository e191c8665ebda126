package com.emite.setup.provision;

/** The kinds of item a plan holds, each tied to a step of eMite's guide. */
public enum ItemKind {
    PREFLIGHT(0, "Your account"),
    ORGANIZATION(1, "Organization and region"),
    GROUP(2, "Group"),
    GROUP_MEMBERS(2, "Group members"),
    ROLE(3, "Role"),
    PERMISSION(3, "Role permission"),
    ROLE_GRANT(4, "Grant"),
    OAUTH_CLIENT(5, "OAuth client"),
    CLIENT_SECRET(5, "Client secret"),
    CLIENT_APP(6, "Client app"),
    LICENCE_ROLE(7, "Licence role"),
    LICENCE_GRANTS(7, "Licences");

    private final int step;
    private final String label;

    ItemKind(int step, String label) {
        this.step = step;
        this.label = label;
    }

    /** The step of the guide (0 = preflight). */
    public int step() {
        return step;
    }

    public String label() {
        return label;
    }

    /** The label inside a sentence: "group", "OAuth client", "client app". */
    public String noun() {
        return label.length() > 1 && Character.isUpperCase(label.charAt(1)) ? label
                : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
