package com.emite.setup.genesys.model;

import com.google.gson.JsonElement;

import java.util.List;

/**
 * One permission policy of a role (reference §8): {@code domain:entityName:action} for each action of
 * {@code actionSet}. {@code resourceConditionNode} and {@code namedResources} are carried through untouched so that a
 * role read and written back keeps its conditions.
 */
public record DomainPermissionPolicy(String domain, String entityName, List<String> actionSet,
                                     Boolean allowConditions, JsonElement resourceConditionNode, String policyName,
                                     String policyDescription, JsonElement namedResources) {
    public static DomainPermissionPolicy of(String domain, String entityName, List<String> actionSet) {
        return new DomainPermissionPolicy(domain, entityName, List.copyOf(actionSet), false, null, null, null, null);
    }
}
