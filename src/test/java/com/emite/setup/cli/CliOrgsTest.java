package com.emite.setup.cli;

import com.emite.setup.testing.TestKdf;
import com.emite.setup.common.Secret;
import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.SystemdUserTimer;
import com.emite.setup.vault.Keychain;
import com.emite.setup.vault.Vault;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Several orgs in one vault: orgs lists them, --org picks one for any command (issue 12). */
class CliOrgsTest {
    @TempDir
    Path dir;

    CliSandboxTest.Result run(CliSandboxTest.Org org, Path units, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandRunner ok = (argv, input) -> new CommandRunner.Result(0, "");
        CliIO io = CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), org.env)
                .withKeychain(Keychain.none()).withScheduler(d -> new SystemdUserTimer(units, ok))
                .withNewVaultKdf(TestKdf.CHEAP);
        int code = CliMain.run(new ArrayList<>(Arrays.asList(args)).toArray(String[]::new), io);
        return new CliSandboxTest.Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void orgsListsEveryOrgAndOrgPicksOneForPlan() throws Exception {
        Path units = dir.resolve("units");
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            String shortName = org.sandbox.orgShortName();
            assertEquals(0, org.run("apply", "--yes", "--remember-sign-in").code());
            CliSandboxTest.settle();
            List<String> where = List.of("--api-base", org.sandbox.baseUrl(), "--login-base", org.sandbox.baseUrl(),
                    "--vault", org.vault.toString(), "--vault-password-env", "VAULT_PW", "--data-dir",
                    org.data.toString(), "--rate-limit", "0");
            List<String> keep = new ArrayList<>(List.of("keep-licences"));
            keep.addAll(where);
            assertEquals(0, run(org, units, keep.toArray(String[]::new)).code());
            List<String> sched = new ArrayList<>(List.of("schedule", "install", "--org", shortName,
                    "--vault-password-env", "VAULT_PW", "--data-dir", org.data.toString()));
            assertEquals(0, run(org, units, sched.toArray(String[]::new)).code());
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                v.contents().org("another-org-id").setShortName("fabrikam").setRegion("eu-west-1");
                v.save();
            }

            CliSandboxTest.Result orgs = run(org, units, "orgs", "--vault", org.vault.toString(),
                    "--vault-password-env", "VAULT_PW", "--data-dir", org.data.toString());
            assertEquals(0, orgs.code(), orgs.err());
            assertTrue(orgs.out().contains("  " + shortName + "  region ap-southeast-2  last run "), orgs.out());
            assertTrue(orgs.out().contains("set up"), orgs.out());
            assertTrue(orgs.out().contains("sign-in: remembered (keep-licences can run alone); licence upkeep: "
                    + "scheduled daily; last upkeep: DONE at "), orgs.out());
            assertTrue(orgs.out().contains("  fabrikam  region eu-west-1  last run never  nothing applied yet"),
                    orgs.out());
            assertTrue(orgs.out().contains("sign-in: not remembered; licence upkeep: not scheduled; last upkeep: "
                    + "never"), orgs.out());

            CliSandboxTest.Result json = run(org, units, "orgs", "--json", "--vault", org.vault.toString(),
                    "--vault-password-env", "VAULT_PW", "--data-dir", org.data.toString());
            JsonArray list = JsonParser.parseString(json.out()).getAsJsonObject().getAsJsonArray("orgs");
            assertEquals(2, list.size());
            JsonObject first = list.get(0).getAsJsonObject();
            assertEquals(shortName, first.get("shortName").getAsString());
            assertFalse(json.out().contains(org.sandbox.adminClientSecret().reveal()), "no secret in the listing");

            // --org alone: the org's remembered sign-in client and region; nothing else to type.
            List<String> plan = new ArrayList<>(List.of("plan", "--org", shortName));
            plan.addAll(where);
            CliSandboxTest.Result planned = run(org, units, plan.toArray(String[]::new));
            assertEquals(0, planned.code(), planned.err() + planned.out());
            assertTrue(planned.out().contains("Signed in as: Sandbox Admin Client"), planned.out());

            List<String> other = new ArrayList<>(List.of("plan", "--org", "fabrikam"));
            other.addAll(where);
            CliSandboxTest.Result none = run(org, units, other.toArray(String[]::new));
            assertEquals(1, none.code());
            assertTrue(none.err().contains("The vault keeps no sign-in client for fabrikam"), none.err());

            // An explicit sign-in to another org than --org names is refused before anything is done.
            List<String> wrong = new ArrayList<>(List.of("verify", "--org", "fabrikam"));
            wrong.addAll(org.target());
            CliSandboxTest.Result refused = run(org, units, wrong.toArray(String[]::new));
            assertEquals(1, refused.code());
            assertTrue(refused.err().contains("not to --org fabrikam"), refused.err());
        }
    }
}
