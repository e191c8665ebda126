package com.emite.setup.provision;

/**
 * What unblocks an item, as a value each face words itself (the command line names its options, the window its
 * controls). The blocker's {@code advice} is the engine's face-neutral sentence for the same fix.
 */
public enum Fix {
    /** The signed-in account lacks a permission: a Genesys Cloud admin gives it one, or someone else signs in. */
    ASK_ADMIN_FOR_PERMISSION,
    /** Choose to set up the WFM clients (command line {@code --with-wfm}). */
    ENABLE_WFM,
    /** The org has no WFM licence: a Genesys Cloud admin adds it. */
    ADD_WFM_LICENCE,
    /** A product the permission belongs to is not licensed: check the org's licences. */
    CHECK_LICENCES,
    /** The eMite app (licence permission) is not installed in the org. */
    INSTALL_EMITE_APP,
    /** No eMite region code for this region: ask eMite support. */
    ASK_EMITE_REGION_CODE,
    /** A chosen division does not exist: correct the name or choose all divisions. */
    ALL_DIVISIONS,
    /** An existing client's secret is unknown: issue a new one (command line {@code --reset-unknown-secrets}). */
    RESET_UNKNOWN_SECRETS,
    /** The catalog lacks a row's exact permission: the admin picks one of the candidates or leaves the row out. */
    CHOOSE_PERMISSION,
    /** A group has no members: add people to it (command line {@code --group-members}). */
    ADD_GROUP_MEMBERS,
    /** A chosen e-mail address matches no active user: correct it or drop it. */
    CHECK_EMAIL,
    /** A group has the wrong type, which the API cannot change: rename it so a new one is made. */
    RENAME_GROUP,
    /** The role could not be granted to the signed-in OAuth client: add it to the client by hand. */
    GRANT_ROLE_TO_OWN_CLIENT,
    /** A second object has an eMite name: the admin confirms its clean-up (command line {@code --remove-duplicates}). */
    REMOVE_DUPLICATE,
    /** Something else: the advice says what. */
    OTHER
}
