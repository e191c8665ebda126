package com.emite.setup.app;

import com.emite.setup.provision.CancellationToken;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.MemoryRunStore;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.provision.UpkeepPlans;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxInspector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's "Create the upkeep sign-in" ({@link UpkeepSignInService}) on a sandbox org over HTTP: on an org where
 * eMite is not set up it makes the upkeep sign-in and nothing else; pressed again it changes nothing; take-back adds
 * exactly one permission.
 */
class UpkeepSignInServiceTest {
    @TempDir
    Path dir;

    @Test
    void makesOnlyTheUpkeepSignInOnceAndTakeBackAddsOnePermission() {
        SignInService signIn = new SignInService(SandboxConfig.builder().divisions(2).agents(20).unlimitedRate()
                .searchLagMs(0).grantLagMs(0).build());
        Connection c = signIn.demo();
        try {
            Sandbox sandbox = c.sandbox().orElseThrow();
            SetupService setup = new SetupService(dir);
            UpkeepSignInService service = new UpkeepSignInService(setup);
            MemoryRunStore store = new MemoryRunStore();
            assertFalse(store.client(UpkeepNeed.CLIENT_NAME) != null);

            Plan plan = service.plan(c, store, false, null, new CancellationToken());
            assertTrue(plan.items().stream().filter(i -> i.kind() != ItemKind.ORGANIZATION)
                    .allMatch(UpkeepPlans::isUpkeepItem), "only the upkeep items: " + plan.items());
            assertEquals(3, plan.writeCount(), "role, grant to the admin, client, nothing else: " + plan.items());

            long writes = sandbox.stats().writes();
            UpkeepSignInService.Outcome made = service.create(c, store, false, null, new CancellationToken());
            assertEquals(UpkeepSignInService.Verdict.CREATED, made.verdict(), made.summary());
            assertEquals(3, sandbox.stats().writes() - writes, "3 writes: role, grant, client");
            assertTrue(store.client(UpkeepNeed.CLIENT_NAME) != null);
            SandboxInspector in = sandbox.inspect();
            assertEquals(1, in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).size());
            assertTrue(in.groupIdsNamed("emite_Access").isEmpty(), "eMite's setup was not applied");
            assertTrue(in.roleIdsNamed("eMite Data Integration").isEmpty(), "eMite's role was not made");

            long before = sandbox.stats().writes();
            UpkeepSignInService.Outcome again = service.create(c, store, false, null, new CancellationToken());
            assertEquals(UpkeepSignInService.Verdict.ALREADY_IN_PLACE, again.verdict(), again.summary());
            assertNull(again.result());
            assertEquals(0, sandbox.stats().writes() - before);

            UpkeepSignInService.Outcome takeBack = service.create(c, store, true, null, new CancellationToken());
            assertEquals(UpkeepSignInService.Verdict.CREATED, takeBack.verdict(), takeBack.summary());
            PlanItem role = takeBack.plan().item(ItemKind.ROLE, UpkeepNeed.ROLE_NAME);
            assertNotNull(role);
            assertEquals(1, takeBack.plan().writeCount(), "only the role changes: " + takeBack.plan().items());
            String roleId = in.roleIdsNamed(UpkeepNeed.ROLE_NAME).get(0);
            Set<String> permissions = in.rolePermissions(roleId);
            assertEquals(Set.copyOf(service.permissions(true).keySet()), permissions);
            assertEquals(1, in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).size(), "never a second client");
        } finally {
            c.close();
        }
    }
}
