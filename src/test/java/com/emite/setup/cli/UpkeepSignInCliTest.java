package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.sandbox.SandboxStats;
import com.emite.setup.vault.OrgRecord;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.Keychain;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dedicated least-privilege upkeep sign-in (issue 12) against a sandbox org over HTTP: made on request by apply,
 * never twice, its secret in the vault; keep-licences signs in with it alone (no admin client is remembered) and grants
 * new agents their role; its token is refused what its role does not hold; verify finds a widened role; remove takes it
 * out. The sandbox enforces the stricter, unconfirmed grant rule here (the granter must hold the granted role's
 * permissions), which the upkeep role satisfies by holding the licence permission.
 */
@ConcurrentMethods
class UpkeepSignInCliTest {
    @TempDir
    Path dir;

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PASSWORD = "vault-pw-Kx9#q2";

    static StoredClient upkeepInVault(CliSandboxTest.Org org) throws Exception {
        try (Vault v = Vault.open(org.vault, Secret.of(PASSWORD))) {
            for (OrgRecord r : v.contents().orgs()) {
                if (r.client(UpkeepNeed.CLIENT_NAME).isPresent()) {
                    assertTrue(r.adminClient().isEmpty(), "no admin client is remembered in these tests");
                    return r.client(UpkeepNeed.CLIENT_NAME).get();
                }
            }
        }
        return null;
    }

    static String token(CliSandboxTest.Org org, String clientId, Secret secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret.reveal())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(org.sandbox.baseUrl() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JsonParser.parseString(r.body()).getAsJsonObject().get("access_token").getAsString();
    }

    static HttpResponse<String> call(CliSandboxTest.Org org, String token, String method, String path, String body)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(org.sandbox.baseUrl() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static Set<String> expected(boolean takeBack) {
        Needs needs = BlueprintNeeds.standard();
        return new HashSet<>(UpkeepNeed.permissionList(needs.licence().permission(), takeBack));
    }

    static void assertAgentsLicensed(CliSandboxTest.Org org, List<String> agents) {
        Needs needs = BlueprintNeeds.standard();
        SandboxInspector in = org.sandbox.inspect();
        for (String agent : agents) {
            assertTrue(in.grantsOf(agent).stream().anyMatch(g -> g.inForce()
                            && g.roleName().startsWith(needs.licence().roleName(""))
                            && in.activeUserIdsIn(g.divisionId()).contains(agent)),
                    "agent " + agent + " holds its division's eMite role: " + in.grantsOf(agent));
        }
    }

    @Test
    void applyMakesItOnceKeepLicencesSignsInWithItAndItsTokenGetsNothingElse() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            org.sandbox.grantNeedsGrantedPermissions(true);
            CliSandboxTest.Result apply = org.run("apply", "--yes", "--with-upkeep-client");
            assertEquals(0, apply.code(), apply.err() + apply.out());
            CliSandboxTest.settle();
            SandboxInspector in = org.sandbox.inspect();
            List<String> clients = in.clientIdsNamed(UpkeepNeed.CLIENT_NAME);
            List<String> roles = in.roleIdsNamed(UpkeepNeed.ROLE_NAME);
            assertEquals(1, clients.size(), "one upkeep client");
            assertEquals(1, roles.size(), "one upkeep role");
            assertEquals("CLIENT-CREDENTIALS", in.client(clients.get(0)).get("authorizedGrantType"));
            assertEquals(expected(false), in.rolePermissions(roles.get(0)), "exactly the upkeep's permissions");
            assertTrue(in.grantsOf(clients.get(0)).stream().allMatch(g -> g.roleId().equals(roles.get(0))
                    && g.divisionId().equals("*")), "the client holds the upkeep role alone, in all divisions: "
                    + in.grantsOf(clients.get(0)));
            StoredClient stored = upkeepInVault(org);
            assertNotNull(stored, "the upkeep client's secret is in the vault");
            assertEquals(clients.get(0), stored.clientId());
            assertFalse(apply.out().contains(stored.secret().reveal()) || apply.err().contains(
                    stored.secret().reveal()), "the secret is not printed");

            // Again: nothing is created or written.
            SandboxStats before = org.sandbox.stats();
            CliSandboxTest.Result again = org.run("apply", "--yes", "--with-upkeep-client");
            assertEquals(0, again.code(), again.err() + again.out());
            assertEquals(0, org.sandbox.stats().writes() - before.writes(), "a second apply writes nothing: "
                    + again.out());
            assertEquals(1, in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).size());
            assertEquals(1, in.roleIdsNamed(UpkeepNeed.ROLE_NAME).size());
            assertEquals(0, org.run("verify").code(), "verify without the option still checks it, and it is right");

            // keep-licences with the vault alone: no admin client is remembered, so only the upkeep client can sign in.
            List<String> agents = org.sandbox.addAgents(6);
            CliSandboxTest.settle();
            CliSandboxTest.Result keep = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW"), org.env, Keychain.none());
            assertEquals(0, keep.code(), keep.err() + keep.out());
            assertTrue(keep.out().contains("granted the eMite role to 6 agents"), keep.out());
            CliSandboxTest.settle();
            assertAgentsLicensed(org, agents);
            Path report = CliKeepLicencesTest.reports(org).get(0);
            JsonObject r = JsonParser.parseString(Files.readString(report)).getAsJsonObject();
            assertTrue(r.get("signedInAs").getAsString().contains(UpkeepNeed.CLIENT_NAME), r.toString());

            // Its token: refused what its role lacks (403 per reference §12.3), allowed what it holds.
            String token = token(org, stored.clientId(), stored.secret());
            HttpResponse<String> group = call(org, token, "POST", "/api/v2/groups",
                    "{\"name\":\"not allowed\",\"type\":\"official\",\"visibility\":\"public\",\"rulesVisible\":true}");
            assertEquals(403, group.statusCode(), group.body());
            assertTrue(group.body().contains("directory:group:add"), group.body());
            assertEquals(403, call(org, token, "GET", "/api/v2/oauth/clients", null).statusCode());
            assertEquals(403, call(org, token, "POST", "/api/v2/authorization/roles",
                    "{\"name\":\"x\",\"permissionPolicies\":[]}").statusCode());
            assertEquals(200, call(org, token, "GET", "/api/v2/authorization/roles?pageSize=25", null).statusCode(),
                    "the same token may do what its role holds");
            assertTrue(in.groupIdsNamed("not allowed").isEmpty());
        }
    }

    @Test
    void aWidenedOrNarrowedRoleIsDriftTheStrictGrantRuleBitesAndApplyRepairsIt() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            org.sandbox.grantNeedsGrantedPermissions(true);
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            SandboxInspector in = org.sandbox.inspect();
            String roleId = in.roleIdsNamed(UpkeepNeed.ROLE_NAME).get(0);

            // Someone edits the role by hand: one permission more, and the licence permission gone.
            String admin = token(org, org.sandbox.adminClientId(), org.sandbox.adminClientSecret());
            String policies = "[{\"domain\":\"authorization\",\"entityName\":\"role\",\"actionSet\":[\"view\"]},"
                    + "{\"domain\":\"authorization\",\"entityName\":\"grant\",\"actionSet\":[\"view\",\"add\"]},"
                    + "{\"domain\":\"directory\",\"entityName\":\"user\",\"actionSet\":[\"view\"]},"
                    + "{\"domain\":\"directory\",\"entityName\":\"group\",\"actionSet\":[\"add\"]}]";
            HttpResponse<String> put = call(org, admin, "PUT", "/api/v2/authorization/roles/" + roleId,
                    "{\"name\":\"" + UpkeepNeed.ROLE_NAME + "\",\"permissionPolicies\":" + policies + "}");
            assertEquals(200, put.statusCode(), put.body());

            CliSandboxTest.Result verify = org.run("verify");
            assertEquals(3, verify.code(), verify.out() + verify.err());
            assertTrue(verify.out().contains("directory:group:add"), verify.out());
            assertTrue(verify.out().contains("integration:emiteApps:view"), verify.out());

            // Without the licence permission, the strict sandbox refuses the upkeep client's grants: exit 1.
            List<String> agents = org.sandbox.addAgents(2);
            CliSandboxTest.settle();
            CliSandboxTest.Result refused = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW"), org.env, Keychain.none());
            assertEquals(1, refused.code(), refused.out() + refused.err());

            assertEquals(0, org.run("apply", "--yes").code(), "apply repairs it without being asked again");
            assertEquals(expected(false), in.rolePermissions(roleId));
            CliSandboxTest.settle();
            agents = org.sandbox.addAgents(2); // apply granted the first two itself
            CliSandboxTest.settle();
            CliSandboxTest.Result keep = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW"), org.env, Keychain.none());
            assertEquals(0, keep.code(), keep.err() + keep.out());
            assertTrue(keep.out().contains("granted the eMite role to 2 agents"), "<" + keep.out() + ">");
            CliSandboxTest.settle();
            assertAgentsLicensed(org, agents);

            // Someone gives the upkeep client a second role by hand: drift, and apply takes it away.
            String clientId = in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).get(0);
            String master = in.roleIdsNamed("Master Admin").get(0);
            HttpResponse<String> widen = call(org, admin, "PUT", "/api/v2/oauth/clients/" + clientId,
                    "{\"name\":\"" + UpkeepNeed.CLIENT_NAME + "\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\","
                    + "\"accessTokenValiditySeconds\":3600,\"roleDivisions\":[{\"roleId\":\"" + roleId + "\","
                    + "\"divisionId\":\"*\"},{\"roleId\":\"" + master + "\",\"divisionId\":\"*\"}]}");
            assertEquals(200, widen.statusCode(), widen.body());
            CliSandboxTest.settle();
            CliSandboxTest.Result widened = org.run("verify");
            assertEquals(3, widened.code(), widened.out() + widened.err());
            assertTrue(widened.out().contains("holds other roles too (" + master + ")"), widened.out());
            assertEquals(0, org.run("apply", "--yes").code());
            CliSandboxTest.settle();
            assertTrue(in.grantsOf(clientId).stream().allMatch(g -> g.roleId().equals(roleId)),
                    in.grantsOf(clientId).toString());
            assertEquals(0, org.run("verify").code());

            // Take-back was not asked for: the upkeep client may not revoke, and says what to do.
            CliSandboxTest.Result takeBack = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW", "--take-back-from-leavers"), org.env, Keychain.none());
            assertEquals(2, takeBack.code(), "<" + takeBack.out() + takeBack.err() + ">");
            assertTrue(takeBack.out().contains("--with-upkeep-client --take-back-from-leavers"), takeBack.out() + takeBack.err());
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client", "--take-back-from-leavers").code());
            assertEquals(expected(true), in.rolePermissions(roleId));
            assertEquals(0, CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org, "--vault-password-env",
                    "VAULT_PW", "--take-back-from-leavers"), org.env, Keychain.none()).code());

            // A licence role gone: the upkeep sign-in may not make roles, so it stops (exit 2) and says "run apply".
            String licenceRole = in.roleIdsNamed(BlueprintNeeds.standard().licence().roleName("Home")).get(0);
            assertEquals(204 / 100, call(org, admin, "DELETE", "/api/v2/authorization/roles/" + licenceRole, null)
                    .statusCode() / 100);
            CliSandboxTest.Result noRole = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW"), org.env, Keychain.none());
            assertEquals(2, noRole.code(), noRole.out() + noRole.err());
            assertTrue(noRole.out().contains("never makes or changes roles: run apply once"), noRole.out());
        }
    }

    @Test
    void removeTakesTheUpkeepSignInOutAndTheVaultForgetsItsSecret() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            CliSandboxTest.Result remove = org.run("remove", "--yes");
            assertEquals(0, remove.code(), remove.out() + remove.err());
            assertTrue(remove.out().contains("keep-licences can no longer sign in with it"), remove.out());
            SandboxInspector in = org.sandbox.inspect();
            assertTrue(in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).isEmpty());
            assertTrue(in.roleIdsNamed(UpkeepNeed.ROLE_NAME).isEmpty());
            assertEquals(null, upkeepInVault(org));
        }
    }

    @Test
    void scheduleInstallPinsTheUpkeepSignInAndItsCommandRunsWithIt() throws Exception {
        Path units = dir.resolve("systemd-user");
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            String shortName = org.sandbox.orgShortName();
            CliScheduleTest schedules = new CliScheduleTest();
            CliSandboxTest.Result install = schedules.schedule(units, org.env, "install", "--org", shortName,
                    "--vault", org.vault.toString(), "--data-dir", org.data.toString(), "--vault-password-env",
                    "VAULT_PW", "--api-base", org.sandbox.baseUrl(), "--login-base", org.sandbox.baseUrl(),
                    "--rate-limit", "0");
            assertEquals(0, install.code(), install.err() + install.out());
            assertTrue(install.out().contains("It signs in with the upkeep sign-in " + UpkeepNeed.CLIENT_NAME
                    + " only"), install.out());
            String service = Files.readString(units.resolve("emite-keep-licences-" + shortName + ".service"));
            String execStart = service.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()
                    .substring("ExecStart=".length());
            List<String> argv = com.emite.setup.schedule.SystemdExecStart.parse(execStart);
            int k = argv.indexOf("--sign-in");
            assertTrue(k > 0 && argv.get(k + 1).equals("upkeep"), argv.toString());

            List<String> agents = org.sandbox.addAgents(3);
            CliSandboxTest.settle();
            List<String> command = argv.subList(argv.indexOf("keep-licences"), argv.size());
            CliSandboxTest.Result keep = CliKeepLicencesTest.run(command, org.env, Keychain.none());
            assertEquals(0, keep.code(), keep.err() + keep.out());
            assertTrue(keep.out().contains("granted the eMite role to 3 agents"), keep.out());
            CliSandboxTest.settle();
            assertAgentsLicensed(org, agents);

            CliSandboxTest.Result orgs = new CliOrgsTest().run(org, units, "orgs", "--vault", org.vault.toString(),
                    "--vault-password-env", "VAULT_PW", "--data-dir", org.data.toString());
            assertTrue(orgs.out().contains("sign-in: the upkeep sign-in (keep-licences runs alone, with only the "
                    + "rights it needs); licence upkeep: scheduled daily"), orgs.out() + orgs.err());

            // Pinned: with the upkeep sign-in gone, the run stops (exit 1) rather than use another client.
            assertEquals(0, org.run("remove", "--yes").code());
            CliSandboxTest.Result gone = CliKeepLicencesTest.run(command, org.env, Keychain.none());
            assertEquals(1, gone.code(), gone.out() + gone.err());
            assertTrue(gone.err().contains("apply --with-upkeep-client"), gone.err());
        }
    }
}
