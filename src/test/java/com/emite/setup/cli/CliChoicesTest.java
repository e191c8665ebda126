package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The admin's choices of issue #11 on the command line, against a sandbox org over HTTP. */
@ConcurrentMethods
class CliChoicesTest {
    @TempDir
    Path dir;

    @Test
    void withoutTheTwoWfmStringsPlanListsCandidatesAndExitsTwoThenPermissionApplies() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b.omitPermissions(Set.of(
                "wfm:adhocForecast:view", "wfm:agentScheduleNotification:view")))) {
            CliSandboxTest.Result plan = org.run("plan");
            assertEquals(2, plan.code(), plan.out() + plan.err());
            assertTrue(plan.out().contains("CHOOSE   row "), plan.out());
            assertTrue(plan.out().contains("candidates, best first: wfm:"), plan.out());
            assertTrue(plan.out().contains("--permission "), plan.out());

            CliSandboxTest.Result bad = org.run("plan", "--permission", "33=not a permission\u202e");
            assertEquals(1, bad.code());
            assertTrue(bad.err().contains("\\u202e"), "raw input is quoted with its controls visible: " + bad.err());

            // The sandbox's catalog has a candidate for row 34 (forecast) and none for row 37 (notification).
            String choice = choice(plan.out());
            assertTrue(plan.out().contains("fix: --permission 37=domain:entity:action (or --leave-out 37)"),
                    plan.out());
            CliSandboxTest.Result apply = org.run("apply", "--yes", "--permission", choice, "--leave-out", "37");
            assertEquals(0, apply.code(), apply.out() + apply.err());
            assertTrue(apply.out().contains("permission chosen"), "the change report names the choice: "
                    + apply.out());
            CliSandboxTest.Result again = org.run("plan", "--leave-out", "37");
            assertEquals(0, again.code(), "the choice is remembered for the org: " + again.out());
            assertTrue(again.out().contains("chosen   row "), again.out());
        }
    }

    @Test
    void aGrantTypeChangedByHandIsDriftAndApplyRepairsIt() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            GenesysClient admin = GenesysClient.forSingleBase(org.sandbox.baseUrl());
            admin.signInWithClientCredentials(org.sandbox.adminClientId(), org.sandbox.adminClientSecret());
            OAuthClient c = admin.listOAuthClients().filter(x -> x.name().equals("emite_APIdata")).findFirst()
                    .orElseThrow();
            admin.updateOAuthClient(c.id(), new OAuthClientRequest(c.name(), c.description(), 86400L, "CODE",
                    List.of("https://example.com/callback"), List.of("analytics"), null, "active"));
            CliSandboxTest.Result verify = org.run("verify");
            assertEquals(3, verify.code(), verify.out());
            assertTrue(verify.out().contains("grant type is CODE"), verify.out());
            CliSandboxTest.Result apply = org.run("apply", "--yes");
            assertEquals(0, apply.code(), apply.out() + apply.err());
            assertEquals("CLIENT-CREDENTIALS", admin.getOAuthClient(c.id()).authorizedGrantType());
            assertEquals(0, org.run("verify").code());
        }
    }

    @Test
    void whenTheOrgRefusesGrantsToOAuthClientsTheRoleIsAddedToTheSignedInClient() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            org.sandbox.refuseClientGrants(true);
            CliSandboxTest.Result plan = org.run("plan");
            assertTrue(plan.out().contains("PUT /oauth/clients/" + org.sandbox.adminClientId()), plan.out());
            CliSandboxTest.Result apply = org.run("apply", "--yes");
            assertEquals(0, apply.code(), apply.out() + apply.err());
            assertTrue(apply.out().contains("added to your OAuth client's roles"), apply.out());
            CliSandboxTest.settle();
            assertEquals(0, org.run("verify").code());
        }
    }

    /** "ROW=best candidate" of the row the plan offers candidates for. */
    private static String choice(String planText) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("fix: --permission (34=wfm:[\\w]+:view)")
                .matcher(planText);
        assertTrue(m.find(), planText);
        return m.group(1);
    }
}
