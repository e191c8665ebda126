package com.emite.setup.provision;

/**
 * One row of the role's permission checklist (the 41 rows of eMite's guide).
 *
 * @param row        row number in the guide
 * @param type       the guide's "Type" column (e.g. Analytics)
 * @param name       the guide's "Permission Name"
 * @param level      the guide's "Permission Level"
 * @param permission the permission string as resolved against the org's catalog
 * @param offered    the org's catalog has it
 * @param inRole     the eMite role already has it
 * @param reason     when not offered: the likely reason, in plain words
 */
public record PermissionCheck(int row, String type, String name, String level, String permission, boolean offered,
                              boolean inRole, String reason) {
}
