package com.emite.setup.genesys.model;

/** One entry of a permission catalog {@code permissionMap} (reference §8). */
public record DomainPermission(String domain, String entityType, String action, String label,
                               Boolean allowsConditions, Boolean divisionAware) {
}
