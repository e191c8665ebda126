package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.DomainOrganizationRole;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An org whose limits are smaller than ApiContract infers: the client halves the page size or the grant batch it was
 * refused, asks again, and keeps the smaller size for the session (issue 16). Against the sandbox over HTTP.
 */
@ConcurrentClass
class GenesysSizeLimitsTest {
    Sandbox sb;
    GenesysClient client;

    @BeforeEach
    void start() {
        sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(120).searchLagMs(0).grantLagMs(0)
                .unlimitedRate().build());
        client = GenesysClient.builder(sb.baseUrl(), sb.baseUrl()).unlimitedRate().build();
        client.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    @Test
    void aRefusedPageSizeIsHalvedAndKept() {
        List<String> expected = client.listUsers(User.STATE_ACTIVE, List.of()).map(User::id).sorted().toList();
        sb.limits(30, ApiContract.MAX_SUBJECTS_PER_GRANT_CALL);
        sb.resetStats();
        List<String> users = client.listUsers(User.STATE_ACTIVE, List.of()).map(User::id).sorted().toList();

        assertEquals(expected, users, "every user read, none twice");
        assertEquals(25, client.sizeLimits().pageSize(), "100 refused, 50 refused, 25 accepted");
        long refused = sb.stats().perStatus().getOrDefault("400", 0L);
        assertEquals(2, refused, "two refusals, then never again: " + sb.stats().perStatus());

        client.listDivisions().count();
        assertEquals(refused, sb.stats().perStatus().getOrDefault("400", 0L), "the next listing starts at 25");
    }

    @Test
    void aRefusedGrantBatchIsHalvedAndEverySubjectIsGranted() {
        sb.limits(ApiContract.MAX_PAGE_SIZE, 12);
        DomainOrganizationRole role = client.listRoles().filter(r -> "Employee".equals(r.name())).findFirst()
                .orElseGet(() -> client.listRoles().findFirst().orElseThrow());
        List<String> users = client.listUsers(User.STATE_ACTIVE, List.of()).limit(110).map(User::id)
                .collect(Collectors.toList());

        client.grantRoleToSubjects(role.id(), SubjectType.PC_USER, users, List.of(sb.homeDivisionId()));

        assertEquals(12, client.sizeLimits().grantBatch(), "50 refused, 25 refused, 12 accepted and kept");
        assertEquals(2, sb.stats().perStatus().getOrDefault("400", 0L), sb.stats().perStatus().toString());
        for (String user : users) {
            assertTrue(client.getSubject(user).holds(role.id(), sb.homeDivisionId()), user);
        }
    }
}
