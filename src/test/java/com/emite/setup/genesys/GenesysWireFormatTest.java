package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.model.CreateIntegrationRequest;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupMembersUpdate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntendedState;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleDivisionGrants;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SubjectDivisions;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonObject;
import com.mypurecloud.sdk.v2.ApiClient;
import com.mypurecloud.sdk.v2.ApiDateFormat;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every request body the client sends, read by the official SDK's request models (test-only oracle) with unknown
 * properties failing: proves the wire names and enum literals.
 */
@ConcurrentClass
class GenesysWireFormatTest {
    @Test
    void everyRequestBodyIsReadStrictlyByTheSdkModels() throws Exception {
        ObjectMapper strict = ApiClient.buildObjectMapper(new ApiDateFormat());
        strict.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

        JsonObject props = new JsonObject();
        props.addProperty("url", "https://x.example/?org={{gcTargetEnv}}");
        Map<Object, Class<?>> bodies = new LinkedHashMap<>();
        bodies.put(GroupCreate.officialPublic("emite_Access"), com.mypurecloud.sdk.v2.model.GroupCreate.class);
        bodies.put(new GroupUpdate(3, "emite_Access", "d", null, "public", true, null),
                com.mypurecloud.sdk.v2.model.GroupUpdate.class);
        bodies.put(new GroupMembersUpdate(List.of("u1", "u2"), 3), com.mypurecloud.sdk.v2.model.GroupMembersUpdate.class);
        RoleRequest role = new RoleRequest("eMite Data Integration", "d", List.of(
                DomainPermissionPolicy.of("routing", "queue", List.of("view", "join", "search")),
                DomainPermissionPolicy.of("analytics", "conversationProperties", List.of("*"))));
        bodies.put(role, com.mypurecloud.sdk.v2.model.DomainOrganizationRoleCreate.class);
        bodies.put(new Object[]{role}, com.mypurecloud.sdk.v2.model.DomainOrganizationRoleUpdate.class);
        bodies.put(OAuthClientRequest.clientCredentials("emite_APIdata", null, 86400,
                List.of(RoleDivision.inAllDivisions("r1"))), com.mypurecloud.sdk.v2.model.OAuthClientRequest.class);
        bodies.put(OAuthClientRequest.code("emite_SSO", null, 86400, List.of("https://x.example/cb"),
                List.of("users:readonly")), com.mypurecloud.sdk.v2.model.OAuthClientRequest.class);
        bodies.put(CreateIntegrationRequest.of("eMite", "embedded-client-app"),
                com.mypurecloud.sdk.v2.model.CreateIntegrationRequest.class);
        bodies.put(new IntegrationConfiguration("i1", "eMite", 1, props, null, null, null, null).forPut(),
                com.mypurecloud.sdk.v2.model.IntegrationConfiguration.class);
        bodies.put(new IntendedState("ENABLED"), com.mypurecloud.sdk.v2.model.Integration.class);
        bodies.put(new RoleDivisionGrants(List.of(new RoleDivision("r1", "*"))),
                com.mypurecloud.sdk.v2.model.RoleDivisionGrants.class);
        bodies.put(new SubjectDivisions(List.of("u1"), List.of("d1")),
                com.mypurecloud.sdk.v2.model.SubjectDivisions.class);
        bodies.put(SearchRequest.of(SearchCriterion.exact("name", "emite_Access")).withPage(100, 1),
                com.mypurecloud.sdk.v2.model.GroupSearchRequest.class);
        bodies.put(SearchRequest.of(SearchCriterion.exact("email", "a@b.example")).withPage(100, 1)
                .withExpand(List.of("authorization")), com.mypurecloud.sdk.v2.model.UserSearchRequest.class);

        for (Map.Entry<Object, Class<?>> e : bodies.entrySet()) {
            Object mine = e.getKey() instanceof Object[] a ? a[0] : e.getKey();
            String json = Json.gson().toJson(mine);
            Object sdk = strict.readValue(json, e.getValue());
            assertFalse(sdk.toString().contains("OUTDATEDSDKVERSION"), e.getValue().getSimpleName() + ": " + json);
            // and every field we send survives the SDK model with its value
            assertSubset(com.google.gson.JsonParser.parseString(json),
                    com.google.gson.JsonParser.parseString(strict.writeValueAsString(sdk)),
                    e.getValue().getSimpleName());
        }
    }

    private static void assertSubset(com.google.gson.JsonElement mine, com.google.gson.JsonElement sdk, String where) {
        if (mine.isJsonObject()) {
            for (Map.Entry<String, com.google.gson.JsonElement> f : mine.getAsJsonObject().entrySet()) {
                com.google.gson.JsonElement other = sdk.getAsJsonObject().get(f.getKey());
                if (other == null) {
                    throw new AssertionError(where + ": the SDK model dropped " + f.getKey());
                }
                assertSubset(f.getValue(), other, where + "." + f.getKey());
            }
        } else if (mine.isJsonArray()) {
            assertEquals(mine.getAsJsonArray().size(), sdk.getAsJsonArray().size(), where);
            for (int i = 0; i < mine.getAsJsonArray().size(); i++) {
                assertSubset(mine.getAsJsonArray().get(i), sdk.getAsJsonArray().get(i), where + "[" + i + "]");
            }
        } else {
            assertEquals(mine, sdk, where);
        }
    }
}
