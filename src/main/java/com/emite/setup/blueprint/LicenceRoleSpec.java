package com.emite.setup.blueprint;

import java.util.Optional;

/**
 * The per-division licence role: every agent eMite collects data for needs {@code integration:emiteApps:view}, given
 * through a role named after the division ({@code eMite_<DivisionName>}).
 *
 * @param namePattern role name with {@code {divisionName}}
 * @param permission  the licence permission
 * @param policy      its policy
 * @param confirmed   false: the permission exists only once eMite's premium app is licensed; check the catalog
 * @param purpose     what it is for, in plain words
 * @param note        remark for readers
 */
public record LicenceRoleSpec(String namePattern, String permission, PermissionPolicy policy, boolean confirmed,
                              String purpose, Optional<String> note) {
    public static final String DIVISION_PLACEHOLDER = "{divisionName}";
}
