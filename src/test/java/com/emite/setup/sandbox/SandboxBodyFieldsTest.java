package com.emite.setup.sandbox;

import com.emite.setup.testing.ConcurrentClass;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request-body fields the sandbox accepts (its {@code only(...)} lists; anything else is a 400
 * invalid.property) are exactly the properties of the SDK's request models: no field only the sandbox knows, none the
 * real API takes that the sandbox would refuse.
 */
@ConcurrentClass
class SandboxBodyFieldsTest {
    private static final String SDK = "com.mypurecloud.sdk.v2.model.";

    @Test
    void everyAcceptedBodyFieldListIsTheSdkModels() throws Exception {
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("GroupEndpoints.GROUP_CREATE", "GroupCreate");
        lists.put("GroupEndpoints.GROUP_UPDATE", "GroupUpdate");
        lists.put("GroupEndpoints.MEMBERS_UPDATE", "GroupMembersUpdate");
        lists.put("RoleEndpoints.ROLE_BODY", "DomainOrganizationRoleCreate");
        lists.put("RoleEndpoints.POLICY_BODY", "DomainPermissionPolicy");
        lists.put("GrantEndpoints.GRANTS_BODY", "RoleDivisionGrants");
        lists.put("GrantEndpoints.PAIR_BODY", "RoleDivision");
        lists.put("GrantEndpoints.SUBJECT_DIVISIONS_BODY", "SubjectDivisions");
        lists.put("ClientEndpoints.CLIENT_BODY", "OAuthClientRequest");
        lists.put("ClientEndpoints.ROLE_DIVISION_BODY", "RoleDivision");
        lists.put("IntegrationEndpoints.CREATE_BODY", "CreateIntegrationRequest");
        lists.put("IntegrationEndpoints.TYPE_REF_BODY", "IntegrationType");
        lists.put("IntegrationEndpoints.PATCH_BODY", "Integration");
        lists.put("IntegrationEndpoints.CONFIG_BODY", "IntegrationConfiguration");
        lists.put("Search.USER_REQUEST", "UserSearchRequest");
        lists.put("Search.GROUP_REQUEST", "GroupSearchRequest");
        lists.put("Search.CRITERION", "UserSearchCriteria");
        lists.put("Search.SORT", "SearchSort");
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : lists.entrySet()) {
            String[] cf = e.getKey().split("\\.");
            Field f = Class.forName("com.emite.setup.sandbox." + cf[0]).getDeclaredField(cf[1]);
            f.setAccessible(true);
            @SuppressWarnings("unchecked")
            Set<String> ours = new TreeSet<>((Set<String>) f.get(null));
            Set<String> sdk = jsonNames(Class.forName(SDK + e.getValue()));
            if (!ours.equals(sdk)) {
                Set<String> extra = new TreeSet<>(ours);
                extra.removeAll(sdk);
                Set<String> missing = new TreeSet<>(sdk);
                missing.removeAll(ours);
                problems.add(e.getKey() + " vs " + e.getValue() + ": only the sandbox " + extra + ", only the SDK "
                        + missing);
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    static Set<String> jsonNames(Class<?> model) {
        Set<String> out = new TreeSet<>();
        for (Method m : model.getMethods()) {
            JsonProperty p = m.getAnnotation(JsonProperty.class);
            if (p != null) {
                out.add(p.value());
            }
        }
        return out;
    }
}
