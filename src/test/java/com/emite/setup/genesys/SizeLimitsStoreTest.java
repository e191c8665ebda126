package com.emite.setup.genesys;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SignInService;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.model.SubjectType;
import com.emite.setup.genesys.model.User;
import com.emite.setup.region.Environment;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sizes an org taught one session are where the next session starts (issue 16): kept per org id in the data
 * folder the moment they are learnt, read at sign-in, and never raised by what is kept. Against the sandbox over HTTP.
 */
class SizeLimitsStoreTest {
    @TempDir
    Path data;
    Sandbox sb;

    @BeforeEach
    void start() {
        sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(80).searchLagMs(0).grantLagMs(0)
                .unlimitedRate().build());
    }

    @AfterEach
    void stop() {
        sb.close();
    }

    Connection signIn() {
        return new SignInService(SandboxConfig.builder().build()).keepingSizeLimitsIn(data).clientCredentials(
                Environment.sandbox(URI.create(sb.baseUrl()), Optional.empty()), sb.adminClientId(),
                sb.adminClientSecret());
    }

    long refusals() {
        return sb.stats().perStatus().getOrDefault("400", 0L);
    }

    @Test
    void theNextSessionStartsFromWhatTheOrgTaughtTheLastOne() {
        sb.limits(30, 12);
        Connection first = signIn();
        String org = first.org().id();
        List<String> users = first.client().listUsers(User.STATE_ACTIVE, List.of()).map(User::id).toList();
        String role = first.client().listRoles().findFirst().orElseThrow().id();
        first.client().grantRoleToSubjects(role, SubjectType.PC_USER, users, List.of(sb.homeDivisionId()));
        assertEquals(4, refusals(), "the first session learns: 100 and 50 refused, 50 and 25 refused");
        assertTrue(Files.exists(data.resolve("limits").resolve(org + ".json")), "kept the moment it was learnt");
        first.close();

        sb.resetStats();
        Connection second = signIn();
        assertEquals(25, second.client().sizeLimits().pageSize());
        assertEquals(12, second.client().sizeLimits().grantBatch());
        assertEquals(users.size(), second.client().listUsers(User.STATE_ACTIVE, List.of()).count());
        second.client().grantRoleToSubjects(role, SubjectType.PC_USER, users, List.of(sb.homeDivisionId()));
        assertEquals(0, refusals(), "the second session is refused nothing: " + sb.stats().perStatus());
        second.close();
    }

    @Test
    void anOrgThatRefusedNothingKeepsNothingAndAKeptSizeNeverRaisesOne() throws Exception {
        Connection c = signIn();
        c.client().listUsers(User.STATE_ACTIVE, List.of()).count();
        assertFalse(Files.exists(data.resolve("limits").resolve(c.org().id() + ".json")));
        c.close();

        SizeLimitsStore store = new SizeLimitsStore(data.resolve("limits"), Clock.systemUTC());
        Files.writeString(data.resolve("limits").resolve("org-1.json"), "{\"pageSize\":500,\"grantBatch\":0}");
        SizeLimits limits = new SizeLimits();
        store.attach("org-1", limits);
        assertEquals(ApiContract.MAX_PAGE_SIZE, limits.pageSize(), "a kept size above ours is not taken");
        assertEquals(ApiContract.MAX_SUBJECTS_PER_GRANT_CALL, limits.grantBatch());

        Files.writeString(data.resolve("limits").resolve("org-2.json"), "not json");
        SizeLimits damaged = new SizeLimits();
        store.attach("org-2", damaged);
        assertEquals(ApiContract.MAX_PAGE_SIZE, damaged.pageSize(), "a damaged file is ignored");

        SizeLimits odd = new SizeLimits();
        store.attach("../escape", odd);
        assertFalse(Files.exists(data.resolve("escape.json")));
    }
}
