package com.emite.setup.cli;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.provision.IntegrationForm;
import com.emite.setup.provision.Journal;
import com.emite.setup.provision.UpkeepNeed;
import com.emite.setup.sandbox.SandboxFaults;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.testing.MemoryKeychain;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rotating the upkeep sign-in's secret ({@code rotate-secrets --upkeep-client}) against a sandbox org over HTTP: the
 * new secret goes into the vault (journalled) and nowhere else, the old one stops working, eMite's clients are not
 * touched and nothing is to be sent to eMite; the installed daily entry's command and a run whose vault password
 * comes from the keychain both sign in with the new secret; a reset whose answer never arrived is reported and a
 * second run repairs it; a second client with the upkeep name is flagged and never rotated.
 */
@ConcurrentMethods
class UpkeepRotationCliTest {
    @TempDir
    Path dir;

    static final String PASSWORD = "vault-pw-Kx9#q2";
    static final List<String> EMITE_CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData");

    static StoredClient stored(CliSandboxTest.Org org, String name) throws Exception {
        return CliRotateTest.stored(org, name);
    }

    static void assertRefused(CliSandboxTest.Org org, StoredClient c) {
        GenesysClient g = GenesysClient.forSingleBase(org.sandbox.baseUrl());
        assertThrows(GenesysApiException.class, () -> g.signInWithClientCredentials(c.clientId(), c.secret()));
    }

    static void assertSignsIn(CliSandboxTest.Org org, StoredClient c) {
        GenesysClient g = GenesysClient.forSingleBase(org.sandbox.baseUrl());
        g.signInWithClientCredentials(c.clientId(), c.secret());
        assertTrue(g.isSignedIn());
    }

    /** Every file under {@code root} but the (encrypted) vault and its backup that holds {@code secret} in clear. */
    static List<Path> filesHolding(Path root, Secret secret) throws IOException {
        List<Path> found = new ArrayList<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                byte[] bytes = Files.readAllBytes(p);
                if (new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).contains(secret.reveal())) {
                    found.add(p);
                }
            }
        }
        return found;
    }

    @Test
    void rotatingTheUpkeepSignInKeepsItInTheVaultOnlyAndTheDailyEntryRunsWithTheNewSecret() throws Exception {
        Path units = dir.resolve("systemd-user");
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            org.sandbox.grantNeedsGrantedPermissions(true);
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            String shortName = org.sandbox.orgShortName();
            CliSandboxTest.Result install = new CliScheduleTest().schedule(units, org.env, "install", "--org",
                    shortName, "--vault", org.vault.toString(), "--data-dir", org.data.toString(),
                    "--vault-password-env", "VAULT_PW", "--api-base", org.sandbox.baseUrl(), "--login-base",
                    org.sandbox.baseUrl(), "--rate-limit", "0");
            assertEquals(0, install.code(), install.err() + install.out());
            StoredClient before = stored(org, UpkeepNeed.CLIENT_NAME);
            List<StoredClient> emiteBefore = new ArrayList<>();
            for (String c : EMITE_CLIENTS) {
                emiteBefore.add(stored(org, c));
            }
            String formBefore = Files.readString(org.data.resolve("forms").resolve(shortName)
                    .resolve(FormWriter.FORM_HTML));

            // Asked first; not confirmed, nothing changes.
            CliSandboxTest.Result declined = org.run("rotate-secrets", "--upkeep-client");
            assertEquals(1, declined.code(), declined.out() + declined.err());
            assertEquals(before.secret(), stored(org, UpkeepNeed.CLIENT_NAME).secret());

            long writes = org.sandbox.stats().writes();
            CliSandboxTest.Result r = org.withInput("yes\n", "rotate-secrets", "--upkeep-client");
            assertEquals(0, r.code(), r.out() + r.err());
            assertEquals(1, org.sandbox.stats().writes() - writes, "one write: the reset");
            assertTrue(r.out().contains(UpkeepNeed.CLIENT_NAME + ": new secret; nothing to send: the new secret stays "
                    + "in the vault"), r.out());
            assertTrue(r.err().contains("The upkeep sign-in's old secret stops working; its new one goes into the "
                    + "vault"), "the question says what happens: " + r.err());
            assertFalse(r.err().contains("eMite stops working until"), "eMite loses nothing: " + r.err());
            assertFalse(r.out().contains("Send the new secrets to eMite"), r.out());
            assertTrue(r.out().contains("keep-licences signs in with it from its next run"), r.out());

            StoredClient after = stored(org, UpkeepNeed.CLIENT_NAME);
            assertEquals(before.clientId(), after.clientId());
            assertNotEquals(before.secret(), after.secret());
            assertTrue(after.resetAt() != null, "the vault records when it was issued");
            assertRefused(org, before);
            assertSignsIn(org, after);
            for (StoredClient e : emiteBefore) {
                assertEquals(e.secret(), stored(org, e.name()).secret(), e.name() + " untouched");
            }
            try (Vault v = Vault.open(org.vault, Secret.of(PASSWORD))) {
                Journal j = Journal.parse(v.contents().org(org.sandbox.orgId()).journal());
                assertEquals(Journal.RunStatus.FINISHED, j.lastRun().status());
                Journal.Step step = j.lastRun().steps().get("CLIENT_SECRET:" + UpkeepNeed.CLIENT_NAME);
                assertEquals(Journal.StepStatus.DONE, step.status(), "the reset is journalled in the vault");
            }
            // The secret is nowhere but in the vault: not in the output, the form, the reports, the schedule's unit.
            for (Secret s : List.of(after.secret(), before.secret())) {
                assertFalse(r.out().contains(s.reveal()) || r.err().contains(s.reveal()));
                assertEquals(List.of(), filesHolding(dir, s));
            }
            String formAfter = Files.readString(org.data.resolve("forms").resolve(shortName)
                    .resolve(FormWriter.FORM_HTML));
            assertFalse(formAfter.contains(IntegrationForm.SEND_NOW), "no new secret for eMite");
            com.google.gson.JsonObject formJson = com.google.gson.JsonParser.parseString(Files.readString(org.data
                    .resolve("forms").resolve(shortName).resolve("emite-integration-form.json"))).getAsJsonObject();
            List<String> onForm = new ArrayList<>();
            formJson.getAsJsonArray("oauthClients").forEach(c -> onForm.add(c.getAsJsonObject().get("name")
                    .getAsString()));
            assertTrue(onForm.containsAll(EMITE_CLIENTS) && !onForm.contains(UpkeepNeed.CLIENT_NAME),
                    "the form lists eMite's clients only: " + onForm);
            assertTrue(formBefore.contains("<strong>NEW</strong>"), "apply's form marked its new secrets");
            assertFalse(formAfter.contains("<strong>NEW</strong>"), "none of eMite's secrets is new");

            // The installed daily entry, unchanged, signs in with the new secret and does its work.
            String service = Files.readString(units.resolve("emite-keep-licences-" + shortName + ".service"));
            List<String> argv = com.emite.setup.schedule.SystemdExecStart.parse(service.lines()
                    .filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow().substring(10));
            List<String> agents = org.sandbox.addAgents(3);
            CliSandboxTest.settle();
            CliSandboxTest.Result keep = CliKeepLicencesTest.run(argv.subList(argv.indexOf("keep-licences"),
                    argv.size()), org.env, com.emite.setup.vault.Keychain.none());
            assertEquals(0, keep.code(), keep.err() + keep.out());
            assertTrue(keep.out().contains("granted the eMite role to 3 agents"), keep.out());
            CliSandboxTest.settle();
            UpkeepSignInCliTest.assertAgentsLicensed(org, agents);

            // With the vault password kept in the keychain (the window's way): the keychain holds that password
            // only, so a rotation has nothing there to update, and the run signs in with the new secret too.
            MemoryKeychain keychain = new MemoryKeychain();
            List<String> remember = new ArrayList<>(CliKeepLicencesTest.unattended(org, "--vault-password-env",
                    "VAULT_PW", "--remember-vault-password"));
            assertEquals(0, CliKeepLicencesTest.run(remember, org.env, keychain).code());
            assertEquals(List.of(PASSWORD), List.copyOf(keychain.values.values()));
            List<String> more = org.sandbox.addAgents(2);
            CliSandboxTest.settle();
            CliSandboxTest.Result fromKeychain = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-keychain", "--sign-in", "upkeep"), Map.of(), keychain);
            assertEquals(0, fromKeychain.code(), fromKeychain.out() + fromKeychain.err());
            assertTrue(fromKeychain.out().contains("granted the eMite role to 2 agents"), fromKeychain.out());
            CliSandboxTest.settle();
            UpkeepSignInCliTest.assertAgentsLicensed(org, more);
            assertEquals(0, org.run("verify").code(), "verify: everything in place, the upkeep secret known");
        }
    }

    @Test
    void aResetWhoseAnswerNeverCameIsReportedAndTheNextRotationRepairsIt() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            StoredClient before = stored(org, UpkeepNeed.CLIENT_NAME);

            // Genesys issues the new secret but the answer never arrives (a reset is never resent blindly: its outcome
            // is unknown): the same as a run killed between the reset and the save. The vault journalled the reset
            // as sent before it went out.
            org.sandbox.faults(SandboxFaults.loseAnswers(20));
            CliSandboxTest.Result cut = org.run("rotate-secrets", "--upkeep-client", "--yes");
            org.sandbox.faults(SandboxFaults.NONE);
            assertEquals(1, cut.code(), cut.out() + cut.err());
            assertTrue(cut.err().contains("run rotate-secrets again with --upkeep-client"), cut.err());
            assertRefused(org, before);

            CliSandboxTest.Result verify = org.run("verify");
            assertEquals(3, verify.code(), verify.out() + verify.err());
            assertTrue(verify.out().contains("asked Genesys for a new secret but stopped before it was saved"),
                    verify.out());
            assertTrue(verify.out().contains("For the upkeep sign-in's secret: rotate-secrets --upkeep-client"),
                    "the fix names the command: " + verify.out());
            assertFalse(verify.out().contains("give eMite the new ones"), verify.out());
            CliSandboxTest.Result plan = org.run("plan");
            assertTrue(plan.out().contains("Run rotate-secrets --upkeep-client (or apply --with-upkeep-client)"),
                    plan.out());

            // The daily run, meanwhile, stops at the sign-in and says how to repair it.
            CliSandboxTest.Result dead = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW", "--sign-in", "upkeep"), org.env,
                    com.emite.setup.vault.Keychain.none());
            assertEquals(1, dead.code(), dead.out() + dead.err());
            assertTrue(dead.err().contains("did not accept the secret the vault keeps for the upkeep sign-in")
                    && dead.err().contains("rotate-secrets --upkeep-client"), dead.err());

            CliSandboxTest.Result again = org.run("rotate-secrets", "--upkeep-client", "--yes");
            assertEquals(0, again.code(), again.out() + again.err());
            StoredClient after = stored(org, UpkeepNeed.CLIENT_NAME);
            assertSignsIn(org, after);
            assertEquals(0, org.run("verify").code());
            List<String> agents = org.sandbox.addAgents(2);
            CliSandboxTest.settle();
            CliSandboxTest.Result keep = CliKeepLicencesTest.run(CliKeepLicencesTest.unattended(org,
                    "--vault-password-env", "VAULT_PW", "--sign-in", "upkeep"), org.env,
                    com.emite.setup.vault.Keychain.none());
            assertEquals(0, keep.code(), keep.err() + keep.out());
            assertTrue(keep.out().contains("granted the eMite role to 2 agents"), keep.out());
        }
    }

    @Test
    void killedWhileTheResetIsUnansweredTheNextRunReportsItAndRepairsIt() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            StoredClient before = stored(org, UpkeepNeed.CLIENT_NAME);

            // rotate-secrets as its own process, SIGKILLed once Genesys has issued the new secret: its answers are
            // lost (the reset is done), so the kill always lands before the new secret could reach the vault.
            CliKillTest kill = new CliKillTest();
            kill.dir = dir;
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", kill.classPath(),
                    "com.emite.setup.Launcher", "rotate-secrets"));
            cmd.addAll(org.target());
            cmd.addAll(List.of("--upkeep-client", "--yes"));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(dir.resolve("rotate-stderr.txt").toFile());
            pb.environment().putAll(org.env);
            org.sandbox.faults(SandboxFaults.loseAnswers(50));
            String reset = "POST /api/v2/oauth/clients/{clientId}/secret";
            Process p = pb.start();
            try {
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
                while (p.isAlive() && org.sandbox.stats().count(reset) < 1 && System.nanoTime() < until) {
                    CliKillTest.awaitRequests();
                }
                assertTrue(p.isAlive(), "still waiting for the reset's answer: " + Files.readString(
                        dir.resolve("rotate-stderr.txt")));
                assertTrue(org.sandbox.stats().count(reset) >= 1, "the reset was sent");
            } finally {
                p.destroyForcibly();
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                org.sandbox.faults(SandboxFaults.NONE);
            }
            assertRefused(org, before);

            CliSandboxTest.Result verify = org.run("verify");
            assertEquals(3, verify.code(), verify.out() + verify.err());
            assertTrue(verify.out().contains("asked Genesys for a new secret but stopped before it was saved"),
                    "journalled in the vault before it was sent: " + verify.out());
            CliSandboxTest.Result again = org.run("rotate-secrets", "--upkeep-client", "--yes");
            assertEquals(0, again.code(), again.out() + again.err());
            assertSignsIn(org, stored(org, UpkeepNeed.CLIENT_NAME));
            assertEquals(0, org.run("verify").code());
        }
    }

    @Test
    void withOrgAloneItSignsInWithTheAdminsRememberedClientNotTheUpkeepSignIn() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            StoredClient before = stored(org, UpkeepNeed.CLIENT_NAME);
            List<String> byOrg = new ArrayList<>(CliKeepLicencesTest.unattended(org, "--vault-password-env",
                    "VAULT_PW", "--org", org.sandbox.orgShortName(), "--upkeep-client", "--yes"));
            byOrg.set(0, "rotate-secrets");

            // Only the upkeep sign-in is kept: its token may not even list OAuth clients, and the run says so.
            long writes = org.sandbox.stats().writes();
            CliSandboxTest.Result refused = CliKeepLicencesTest.run(byOrg, org.env,
                    com.emite.setup.vault.Keychain.none());
            assertEquals(2, refused.code(), refused.out() + refused.err());
            assertTrue(refused.out().contains("nothing rotated: Your account (" + UpkeepNeed.CLIENT_NAME),
                    refused.out());
            assertTrue(refused.out().contains("oauth:client:view"), refused.out());
            assertFalse(refused.out().contains("has no upkeep sign-in"), "not a wrong reason: " + refused.out());
            assertEquals(writes, org.sandbox.stats().writes());

            // With the admin's client remembered too, --org alone signs in with it and rotates.
            assertEquals(0, org.run("apply", "--yes", "--remember-sign-in").code());
            CliSandboxTest.Result r = CliKeepLicencesTest.run(byOrg, org.env, com.emite.setup.vault.Keychain.none());
            assertEquals(0, r.code(), r.out() + r.err());
            StoredClient after = stored(org, UpkeepNeed.CLIENT_NAME);
            assertNotEquals(before.secret(), after.secret());
            assertSignsIn(org, after);
        }
    }

    @Test
    void aSecondClientWithTheUpkeepNameIsADuplicateNeverRotatedAndAllRotatesTheUpkeepSignInToo() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--with-upkeep-client").code());
            CliSandboxTest.settle();
            SandboxInspector in = org.sandbox.inspect();
            String kept = in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).get(0);
            String roleId = in.roleIdsNamed(UpkeepNeed.ROLE_NAME).get(0);
            String admin = UpkeepSignInCliTest.token(org, org.sandbox.adminClientId(),
                    org.sandbox.adminClientSecret());
            HttpResponse<String> made = UpkeepSignInCliTest.call(org, admin, "POST", "/api/v2/oauth/clients",
                    "{\"name\":\"" + UpkeepNeed.CLIENT_NAME + "\",\"authorizedGrantType\":\"CLIENT-CREDENTIALS\","
                            + "\"accessTokenValiditySeconds\":3600,\"roleDivisions\":[{\"roleId\":\"" + roleId
                            + "\",\"divisionId\":\"*\"}]}");
            assertEquals(200, made.statusCode() / 100 * 100, made.body());
            String second = in.clientIdsNamed(UpkeepNeed.CLIENT_NAME).stream().filter(id -> !id.equals(kept))
                    .findFirst().orElseThrow();
            CliSandboxTest.settle();

            CliSandboxTest.Result verify = org.run("verify");
            assertEquals(3, verify.code(), verify.out() + verify.err());
            assertTrue(verify.out().contains("A second OAuth client is named " + UpkeepNeed.CLIENT_NAME + " (id "
                    + second + "); keep-licences uses " + kept), verify.out());

            // Every client: eMite's three and the upkeep sign-in, never the second one (no one signs in with it).
            StoredClient upkeepBefore = stored(org, UpkeepNeed.CLIENT_NAME);
            CliSandboxTest.Result all = org.withInput("yes\n", "rotate-secrets");
            assertEquals(0, all.code(), all.out() + all.err());
            assertTrue(all.err().contains("eMite stops working until it has the new 3 secrets. The upkeep "
                    + "sign-in's old secret stops working"), all.err());
            assertFalse(all.out().contains(second), all.out());
            assertTrue(all.out().contains("Send the new secrets to eMite now"), all.out());
            assertNotEquals(upkeepBefore.secret(), stored(org, UpkeepNeed.CLIENT_NAME).secret());
            assertEquals(kept, stored(org, UpkeepNeed.CLIENT_NAME).clientId());

            assertEquals(0, org.run("apply", "--yes", "--remove-duplicates").code());
            CliSandboxTest.settle();
            assertEquals(List.of(kept), in.clientIdsNamed(UpkeepNeed.CLIENT_NAME), "the second one is deleted");
            assertEquals(0, org.run("verify").code());
        }
    }
}
