package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.testing.MemoryKeychain;

import com.emite.setup.testing.TestKdf;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.provision.Needs;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.sandbox.SandboxStats;
import com.emite.setup.vault.Keychain;
import com.emite.setup.vault.Vault;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** keep-licences against a sandbox org over HTTP, signed in with no person present (issue 12). */
@ConcurrentMethods
class CliKeepLicencesTest {
    @TempDir
    Path dir;


    /** Only where and which vault: no client id, no secret; the vault password from a variable or the keychain. */
    static List<String> unattended(CliSandboxTest.Org org, String... more) {
        List<String> args = new ArrayList<>(List.of("keep-licences", "--api-base", org.sandbox.baseUrl(),
                "--login-base", org.sandbox.baseUrl(), "--vault", org.vault.toString(), "--data-dir",
                org.data.toString(), "--rate-limit", "0"));
        args.addAll(Arrays.asList(more));
        return args;
    }

    static CliSandboxTest.Result run(List<String> args, Map<String, String> env, Keychain keychain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliIO io = CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env).withKeychain(keychain)
                .withNewVaultKdf(TestKdf.CHEAP);
        int code = CliMain.run(args.toArray(String[]::new), io);
        return new CliSandboxTest.Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    static List<Path> reports(CliSandboxTest.Org org) throws Exception {
        Path logs = org.data.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(logs)) {
            return s.filter(p -> p.getFileName().toString().startsWith("keep-licences-")).sorted().toList();
        }
    }

    @Test
    void newAgentsGetTheirRoleWithNoPersonPresentAndASecondRunWritesNothing() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            CliSandboxTest.Result apply = org.run("apply", "--yes", "--remember-sign-in");
            assertEquals(0, apply.code(), apply.err() + apply.out());
            assertTrue(apply.err().contains("The sign-in client is kept in the vault"), apply.err());
            CliSandboxTest.settle();

            List<String> agents = org.sandbox.addAgents(7);
            CliSandboxTest.settle();
            SandboxStats before = org.sandbox.stats();
            CliSandboxTest.Result first = run(unattended(org, "--vault-password-env", "VAULT_PW"), org.env,
                    Keychain.none());
            assertEquals(0, first.code(), first.err() + first.out());
            assertEquals(1, first.out().lines().count(), "one line on standard output: " + first.out());
            assertTrue(first.out().startsWith("keep-licences " + org.sandbox.orgShortName()
                    + ": granted the eMite role to 7 agents."), first.out());
            assertTrue(org.sandbox.stats().writes() - before.writes() > 0);

            CliSandboxTest.settle();
            Needs needs = BlueprintNeeds.standard();
            SandboxInspector in = org.sandbox.inspect();
            for (String agent : agents) {
                assertTrue(in.grantsOf(agent).stream().anyMatch(g -> g.inForce()
                                && g.roleName().startsWith(needs.licence().roleName(""))
                                && in.activeUserIdsIn(g.divisionId()).contains(agent)),
                        "agent " + agent + " holds its division's eMite role: " + in.grantsOf(agent));
            }

            SandboxStats mid = org.sandbox.stats();
            CliSandboxTest.Result second = run(unattended(org, "--vault-password-env", "VAULT_PW"), org.env,
                    Keychain.none());
            assertEquals(0, second.code(), second.err() + second.out());
            assertTrue(second.out().contains(": nothing to do, every active agent in all divisions holds the "
                    + "division's eMite role."), second.out());
            SandboxStats end = org.sandbox.stats();
            assertEquals(0, end.writes() - mid.writes(), "a second run writes nothing");
            for (String notRead : List.of("GET /api/v2/groups", "GET /api/v2/oauth/clients",
                    "GET /api/v2/integrations")) {
                assertTrue(mid.count(notRead) > 0, "apply read " + notRead + " (the route key is right)");
                assertEquals(mid.count(notRead), end.count(notRead), "the upkeep does not read " + notRead);
            }
            // organization, identity (1-2), the licence permission, roles, divisions, one page of users
            long reads = end.reads() - mid.reads();
            assertTrue(reads >= 6 && reads <= 8, "the upkeep reads only the licence step's collections: " + reads
                    + " " + end.perRoute());

            List<Path> reports = reports(org);
            assertEquals(2, reports.size(), "one report per run: " + reports);
            List<Integer> granted = new ArrayList<>();
            for (Path p : reports) {
                JsonObject r = JsonParser.parseString(Files.readString(p)).getAsJsonObject();
                assertEquals("DONE", r.get("verdict").getAsString());
                granted.add(r.get("granted").getAsInt());
            }
            granted.sort(null);
            assertEquals(List.of(0, 7), granted, "the first run granted 7, the second nothing");
            if (Files.getFileStore(reports.get(0)).supportsFileAttributeView("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                        reports.get(0))));
            }
            String all = Files.readString(reports.get(0)) + Files.readString(reports.get(1));
            assertFalse(all.contains(org.sandbox.adminClientSecret().reveal()), "no secret in a report");
        }
    }

    @Test
    void theVaultPasswordCanComeFromTheKeychainAndTheOrgIsChosenByItsShortName() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            MemoryKeychain keychain = new MemoryKeychain();
            List<String> apply = new ArrayList<>(List.of("apply"));
            apply.addAll(org.target());
            apply.addAll(List.of("--yes", "--remember-sign-in", "--remember-vault-password"));
            CliSandboxTest.Result a = run(apply, org.env, keychain);
            assertEquals(0, a.code(), a.err() + a.out());
            assertEquals(1, keychain.values.size(), "the vault password is in the keychain");
            CliSandboxTest.settle();

            // A second org in the same vault: now the command must be told which.
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                v.contents().org("another-org-id").setShortName("fabrikam").setRegion("eu-west-1");
                v.save();
            }
            CliSandboxTest.Result which = run(unattended(org, "--vault-password-keychain"), Map.of(), keychain);
            assertEquals(1, which.code(), which.out() + which.err());
            assertTrue(which.err().contains("say which with --org"), which.err());
            assertTrue(which.err().contains("fabrikam"), which.err());

            CliSandboxTest.Result none = run(unattended(org, "--vault-password-keychain", "--org", "fabrikam"),
                    Map.of(), keychain);
            assertEquals(1, none.code());
            assertTrue(none.err().contains("The vault keeps no sign-in client for fabrikam"), none.err());

            org.sandbox.addAgents(3);
            CliSandboxTest.settle();
            CliSandboxTest.Result r = run(unattended(org, "--vault-password-keychain", "--org",
                    org.sandbox.orgShortName()), Map.of(), keychain);
            assertEquals(0, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("granted the eMite role to 3 agents"), r.out());
        }
    }

    @Test
    void anOrgWithoutTheEmiteLicencePermissionIsBlockedWithExit2() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b.emiteLicence(false))) {
            CliSandboxTest.Result apply = org.run("apply", "--yes", "--remember-sign-in");
            assertEquals(2, apply.code(), apply.err() + apply.out());
            long writes = org.sandbox.stats().writes();
            CliSandboxTest.Result r = run(unattended(org, "--vault-password-env", "VAULT_PW"), org.env,
                    Keychain.none());
            assertEquals(2, r.code(), r.err() + r.out());
            assertTrue(r.out().contains("blocked, nothing granted: The eMite app is not installed"), r.out());
            assertEquals(writes, org.sandbox.stats().writes());
            assertEquals(1, reports(org).size());
        }
    }

    @Test
    void aVaultHeldOpenByTheWindowStopsTheRunBeforeItSignsIn() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--remember-sign-in").code());
            CliSandboxTest.settle();
            org.sandbox.addAgents(2);
            SandboxStats before = org.sandbox.stats();
            try (Vault held = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                CliSandboxTest.Result r = run(unattended(org, "--vault-password-env", "VAULT_PW"), org.env,
                        Keychain.none());
                assertEquals(1, r.code(), r.out() + r.err());
                assertTrue(r.err().contains("in use by another eMite Setup"), r.err());
                assertFalse(held.isLocked());
            }
            assertEquals(0, org.sandbox.stats().totalRequests() - before.totalRequests(), "nothing was asked");
        }
    }

    @Test
    void onlyWhenAskedTheRoleIsTakenBackFromSomeoneOutsideItsDivision() throws Exception {
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--remember-sign-in").code());
            CliSandboxTest.settle();
            SandboxInspector in = org.sandbox.inspect();
            String home = org.sandbox.homeDivisionId();
            String homeRole = in.roleIdsNamed(BlueprintNeeds.standard().licence().roleName("Home")).get(0);
            String elsewhere = org.sandbox.divisionIds().stream().filter(d -> !d.equals(home)).findFirst()
                    .orElseThrow();
            String mover = in.activeUserIdsIn(elsewhere).get(0);
            // Someone gave an agent of another division the Home licence by hand (or the agent moved).
            com.emite.setup.genesys.GenesysClient c = com.emite.setup.genesys.GenesysClient.forSingleBase(
                    org.sandbox.baseUrl());
            c.signInWithClientCredentials(org.sandbox.adminClientId(), org.sandbox.adminClientSecret());
            c.grantRole(mover, com.emite.setup.genesys.model.SubjectType.PC_USER, home, homeRole);
            CliSandboxTest.settle();

            SandboxStats before = org.sandbox.stats();
            CliSandboxTest.Result plain = run(unattended(org, "--vault-password-env", "VAULT_PW"), org.env,
                    Keychain.none());
            assertEquals(0, plain.code(), plain.err() + plain.out());
            assertTrue(plain.out().contains("nothing to do"), plain.out());
            assertEquals(0, org.sandbox.stats().writes() - before.writes(), "off by default");

            CliSandboxTest.Result taken = run(unattended(org, "--vault-password-env", "VAULT_PW",
                    "--take-back-from-leavers"), org.env, Keychain.none());
            assertEquals(0, taken.code(), taken.err() + taken.out());
            assertTrue(taken.out().contains("took it back from 1 user who left the division"), taken.out());
            CliSandboxTest.settle();
            assertTrue(in.grantsOf(mover).stream().noneMatch(g -> g.roleId().equals(homeRole)),
                    in.grantsOf(mover).toString());
            assertTrue(in.activeUserIdsIn(home).stream().allMatch(u -> in.grantsOf(u).stream()
                    .anyMatch(g -> g.roleId().equals(homeRole))), "the Home agents keep theirs");
        }
    }
}
