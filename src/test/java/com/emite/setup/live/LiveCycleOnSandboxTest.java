package com.emite.setup.live;

import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.GroupCreate;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live cycle of the live profile, run in the default suite against a sandbox reached as a custom environment
 * (the EMITE_LIVE_API_BASE / _LOGIN_BASE way, loopback http): proves the live test's code before it meets a real org.
 * An object a person made with eMite's own name is there before and after, untouched.
 */
@Timeout(120)
class LiveCycleOnSandboxTest {
    @TempDir
    Path data;

    @Test
    void theLiveCycleAppliesVerifiesAndRemovesOnlyWhatItTagged() {
        try (Sandbox sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(30).searchLagMs(0)
                .grantLagMs(0).unlimitedRate().build())) {
            GenesysClient person = GenesysClient.forSingleBase(sb.baseUrl());
            person.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
            String theirs = person.createGroup(GroupCreate.officialPublic("emite_Access")).id();

            LiveOrg org = LiveOrg.from(Map.of(LiveOrg.REGION, "ap-southeast-2", LiveOrg.CLIENT_ID,
                    sb.adminClientId(), LiveOrg.CLIENT_SECRET, sb.adminClientSecret().reveal(), LiveOrg.API_BASE,
                    sb.baseUrl(), LiveOrg.LOGIN_BASE, sb.baseUrl())).orElseThrow();
            LiveCycle.Report r = LiveCycle.run(org, data);

            assertTrue(r.made() >= 8 && r.removed() >= 7, r.toString());
            assertEquals(List.of(theirs), sb.inspect().groupIdsNamed("emite_Access"), "a person's object stays");
            assertTrue(sb.inspect().groupIdsNamed(LiveBlueprint.named(org.runTag(), "emite_Access")).isEmpty());
            System.out.println(r);
        }
    }
}
