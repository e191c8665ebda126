package com.emite.setup.genesys;

import com.emite.setup.testing.ConcurrentClass;
import com.emite.setup.genesys.model.User;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reference §3.4: an answer too large is a 413 response.entity.too.large, "lower pageSize or drop expand". The
 * sandbox refuses answers over its limit; the client reads the same listing at smaller page sizes, each user once.
 */
@ConcurrentClass
class GenesysLargeAnswerTest {
    @Test
    void usersWithTheirRolesAreReadInSmallerPagesWhenAPageIsTooLarge() {
        try (Sandbox sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(230).unlimitedRate()
                .searchLagMs(0).grantLagMs(0).build())) {
            GenesysClient c = GenesysClient.builder(sb.baseUrl(), sb.baseUrl()).unlimitedRate().build();
            c.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
            int all = (int) c.listUsers(User.STATE_ACTIVE, List.of("authorization")).count();
            sb.resetStats();
            sb.maxResponseBytes(40_000); // 100 users with their roles are more than this; 25 are not
            List<User> users = c.listUsers(User.STATE_ACTIVE, List.of("authorization")).toList();
            assertEquals(all, users.size());
            Set<String> ids = new HashSet<>();
            users.forEach(u -> ids.add(u.id()));
            assertEquals(all, ids.size(), "every user once");
            assertTrue(sb.stats().perStatus().getOrDefault("413", 0L) >= 1, sb.stats().perStatus()::toString);
        }
    }
}
