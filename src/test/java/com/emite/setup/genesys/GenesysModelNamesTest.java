package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.model.AuthzDivision;
import com.emite.setup.genesys.model.AuthzGrant;
import com.emite.setup.genesys.model.AuthzGrantPolicy;
import com.emite.setup.genesys.model.AuthzGrantRole;
import com.emite.setup.genesys.model.AuthzSubject;
import com.emite.setup.genesys.model.CreateIntegrationRequest;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.DomainPermission;
import com.emite.setup.genesys.model.DomainPermissionCollection;
import com.emite.setup.genesys.model.DomainPermissionPolicy;
import com.emite.setup.genesys.model.EntityListing;
import com.emite.setup.genesys.model.ErrorBody;
import com.emite.setup.genesys.model.Group;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.genesys.model.GroupMembersUpdate;
import com.emite.setup.genesys.model.GroupUpdate;
import com.emite.setup.genesys.model.Integration;
import com.emite.setup.genesys.model.IntegrationConfiguration;
import com.emite.setup.genesys.model.IntegrationType;
import com.emite.setup.genesys.model.IntendedState;
import com.emite.setup.genesys.model.NamedEntity;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.genesys.model.OAuthScope;
import com.emite.setup.genesys.model.Organization;
import com.emite.setup.genesys.model.RoleDivision;
import com.emite.setup.genesys.model.RoleDivisionGrants;
import com.emite.setup.genesys.model.RoleRequest;
import com.emite.setup.genesys.model.SearchCriterion;
import com.emite.setup.genesys.model.SearchRequest;
import com.emite.setup.genesys.model.SearchResponse;
import com.emite.setup.genesys.model.SubjectDivisionGrants;
import com.emite.setup.genesys.model.SubjectDivisions;
import com.emite.setup.genesys.model.TokenInfo;
import com.emite.setup.genesys.model.User;
import com.emite.setup.genesys.model.UserAuthorization;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.google.gson.annotations.SerializedName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JSON names our client reads and writes, against the official SDK's models: every field of every record in
 * {@code genesys.model} must be a property of the SDK model it stands for (a misspelt name would read as null from
 * the real API, or be rejected or ignored by it).
 */
@ConcurrentClass
class GenesysModelNamesTest {
    private static final String SDK = "com.mypurecloud.sdk.v2.model.";

    @Test
    void everyFieldOfOurModelsIsAPropertyOfTheSdkModel() throws Exception {
        Map<Class<?>, List<String>> pairs = new LinkedHashMap<>();
        pairs.put(AuthzDivision.class, List.of("AuthzDivision"));
        pairs.put(AuthzGrant.class, List.of("AuthzGrant"));
        pairs.put(AuthzGrantPolicy.class, List.of("AuthzGrantPolicy"));
        pairs.put(AuthzGrantRole.class, List.of("AuthzGrantRole"));
        pairs.put(AuthzSubject.class, List.of("AuthzSubject"));
        pairs.put(CreateIntegrationRequest.class, List.of("CreateIntegrationRequest"));
        pairs.put(CreateIntegrationRequest.IdRef.class, List.of("IntegrationType"));
        pairs.put(DomainOrganizationRole.class, List.of("DomainOrganizationRole"));
        pairs.put(DomainPermission.class, List.of("DomainPermission"));
        pairs.put(DomainPermissionCollection.class, List.of("DomainPermissionCollection"));
        pairs.put(DomainPermissionPolicy.class, List.of("DomainPermissionPolicy"));
        // One record for every listing shape: the union of the listings the client reads.
        pairs.put(EntityListing.class, List.of("UserEntityListing", "DivsPermittedEntityListing",
                "AuthzDivisionGrantEntityListing", "OAuthScopeListing"));
        pairs.put(ErrorBody.class, List.of("ErrorBody"));
        pairs.put(ErrorBody.Detail.class, List.of("Detail"));
        pairs.put(ErrorBody.Limit.class, List.of("Limit"));
        pairs.put(Group.class, List.of("Group"));
        pairs.put(GroupCreate.class, List.of("GroupCreate"));
        pairs.put(GroupMembersUpdate.class, List.of("GroupMembersUpdate"));
        pairs.put(GroupUpdate.class, List.of("GroupUpdate"));
        pairs.put(Integration.class, List.of("Integration"));
        pairs.put(Integration.Config.class, List.of("IntegrationConfigurationInfo"));
        pairs.put(Integration.ReportedState.class, List.of("IntegrationStatusInfo"));
        pairs.put(IntegrationConfiguration.class, List.of("IntegrationConfiguration"));
        pairs.put(IntegrationType.class, List.of("IntegrationType"));
        pairs.put(IntendedState.class, List.of("Integration"));
        pairs.put(NamedEntity.class, List.of("DomainEntityRef"));
        // Ours also reads TokenInfo.OAuthClient (OrgOAuthClient).
        pairs.put(OAuthClient.class, List.of("OAuthClient", "OrgOAuthClient"));
        pairs.put(OAuthClientRequest.class, List.of("OAuthClientRequest"));
        pairs.put(OAuthScope.class, List.of("OAuthScope"));
        pairs.put(Organization.class, List.of("Organization"));
        pairs.put(RoleDivision.class, List.of("RoleDivision"));
        pairs.put(RoleDivisionGrants.class, List.of("RoleDivisionGrants"));
        pairs.put(RoleRequest.class, List.of("DomainOrganizationRoleCreate"));
        pairs.put(SearchCriterion.class, List.of("UserSearchCriteria"));
        pairs.put(SearchRequest.class, List.of("UserSearchRequest"));
        pairs.put(SearchResponse.class, List.of("UsersSearchResponse"));
        pairs.put(SubjectDivisionGrants.class, List.of("SubjectDivisionGrants"));
        pairs.put(SubjectDivisions.class, List.of("SubjectDivisions"));
        pairs.put(TokenInfo.class, List.of("TokenInfo"));
        pairs.put(User.class, List.of("User"));
        pairs.put(UserAuthorization.class, List.of("UserAuthorization"));

        List<String> unknown = new ArrayList<>();
        for (Map.Entry<Class<?>, List<String>> e : pairs.entrySet()) {
            Set<String> names = new TreeSet<>();
            for (String sdk : e.getValue()) {
                names.addAll(jsonNames(Class.forName(SDK + sdk)));
            }
            for (RecordComponent rc : e.getKey().getRecordComponents()) {
                SerializedName sn = rc.getAccessor().getDeclaringClass().getDeclaredField(rc.getName())
                        .getAnnotation(SerializedName.class);
                String wire = sn != null ? sn.value() : rc.getName();
                if (!names.contains(wire)) {
                    unknown.add(e.getKey().getSimpleName() + "." + wire + " (SDK " + e.getValue() + " has " + names
                            + ")");
                }
            }
        }
        assertTrue(unknown.isEmpty(), () -> String.join("\n", unknown));
    }

    static Set<String> jsonNames(Class<?> model) {
        Set<String> out = new TreeSet<>();
        for (Method m : model.getMethods()) {
            JsonProperty p = m.getAnnotation(JsonProperty.class);
            if (p != null) {
                out.add(p.value());
            }
        }
        for (java.lang.reflect.Field f : model.getDeclaredFields()) {
            JsonProperty p = f.getAnnotation(JsonProperty.class);
            if (p != null) {
                out.add(p.value());
            }
        }
        return out;
    }
}
