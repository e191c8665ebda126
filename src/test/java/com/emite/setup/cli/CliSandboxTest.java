package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.testing.SettlingSandboxes;
import com.emite.setup.testing.TestKdf;
import com.emite.setup.common.Secret;
import com.emite.setup.provision.FormWriter;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxStats;
import com.emite.setup.vault.KdfParams;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line against a sandbox org over HTTP, as an admin would run it. */
@ConcurrentMethods
class CliSandboxTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    /** A sandbox org, a vault for it, and the options that point the command line at both. */
    static final class Org implements AutoCloseable {
        final Sandbox sandbox;
        final Path data;
        final Path vault;
        final Map<String, String> env;

        Org(Path dir, UnaryOperator<SandboxConfig.Builder> shape) throws Exception {
            sandbox = Sandbox.start(shape.apply(SandboxConfig.builder().divisions(3).agents(60).unlimitedRate()
                    .searchLagMs(200).grantLagMs(300)).build());
            OPEN.opened(sandbox);
            data = dir.resolve("data");
            vault = dir.resolve("org" + Vault.EXTENSION);
            Vault.create(vault, Secret.of("vault-pw-Kx9#q2"), KdfParams.pbkdf2(1000)).close();
            env = Map.of("ADMIN_SECRET", sandbox.adminClientSecret().reveal(), "VAULT_PW", "vault-pw-Kx9#q2");
        }

        List<String> target() {
            return List.of("--api-base", sandbox.baseUrl(), "--login-base", sandbox.baseUrl(), "--region",
                    "ap-southeast-2", "--client-id", sandbox.adminClientId(), "--client-secret-env", "ADMIN_SECRET",
                    "--vault", vault.toString(), "--vault-password-env", "VAULT_PW", "--data-dir", data.toString(),
                    "--rate-limit", "0");
        }

        Result withInput(String stdin, String command, String... more) {
            List<String> args = new ArrayList<>();
            args.add(command);
            args.addAll(target());
            args.addAll(Arrays.asList(more));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = CliMain.run(args.toArray(String[]::new), CliIO.of(
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8), new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                    env).withNewVaultKdf(TestKdf.CHEAP));
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }

        Result run(String command, String... more) {
            return withInput("", command, more);
        }

        @Override
        public void close() {
            OPEN.closed(sandbox);
            sandbox.close();
        }
    }

    /** The sandboxes of the open orgs, each waited for only by the thread that opened it. */
    static final SettlingSandboxes OPEN = new SettlingSandboxes();

    /** Waits until the lags of the orgs this thread opened have passed (grants in force, users found by search). */
    static void settle() throws InterruptedException {
        OPEN.settle();
    }

    @Test
    void planApplyApplyAgainVerifyDriftAndFix() throws Exception {
        try (Org org = new Org(dir, b -> b)) {
            Result plan = org.run("plan");
            assertEquals(0, plan.code(), plan.err());
            assertTrue(plan.out().contains("create   Group emite_Access"), plan.out());
            assertTrue(plan.out().contains("apply makes 19 write requests"), plan.out());
            assertEquals(0, org.sandbox.stats().writes(), "plan reads only");

            Result apply = org.run("apply", "--yes");
            assertEquals(0, apply.code(), apply.err() + apply.out());
            assertTrue(apply.out().contains("Applied."), apply.out());
            assertTrue(Files.exists(org.data.resolve("forms").resolve(org.sandbox.orgShortName())
                    .resolve(FormWriter.FORM_HTML)));
            settle();

            SandboxStats before = org.sandbox.stats();
            Result again = org.run("apply", "--yes");
            assertEquals(0, again.code(), again.err());
            assertTrue(again.out().contains("Nothing to change; nothing blocked."), again.out());
            assertEquals(0, org.sandbox.stats().writes() - before.writes(), "a second apply writes nothing");
            assertEquals(13, org.sandbox.stats().reads() - before.reads(), "10 listings + 3 clients read in full");

            Result verify = org.run("verify");
            assertEquals(0, verify.code(), verify.out());
            assertTrue(verify.out().startsWith("Everything eMite needs is in place"), verify.out());

            org.sandbox.addAgents(5);
            Result drift = org.run("verify", "--json");
            assertEquals(3, drift.code(), drift.out());
            JsonObject json = JsonParser.parseString(drift.out()).getAsJsonObject();
            assertEquals(3, json.get("exitCode").getAsInt());
            assertTrue(json.getAsJsonObject("plan").getAsJsonObject("summary").get("drift").getAsInt() > 0);

            Result fix = org.run("apply", "--yes");
            assertEquals(0, fix.code(), fix.err());
            assertTrue(fix.out().contains("granted licence role eMite_"), fix.out());
            settle();
            assertEquals(0, org.run("verify").code());
        }
    }

    @Test
    void applyAsksFirstAndChangesNothingWithoutAYes() throws Exception {
        try (Org org = new Org(dir, b -> b)) {
            Result no = org.withInput("no\n", "apply");
            assertEquals(1, no.code());
            assertTrue(no.err().contains("Nothing was changed."), no.err());
            assertEquals(0, org.sandbox.stats().writes());
            Result none = org.withInput("", "apply");
            assertEquals(1, none.code());
            assertTrue(none.err().contains("add --yes"), none.err());
            Result yes = org.withInput("yes\n", "apply");
            assertEquals(0, yes.code(), yes.err());
            assertTrue(org.sandbox.stats().writes() > 0);
        }
    }

    @Test
    void anOrgWithoutTheEmiteLicenceEndsWithExitCodeTwoAndSaysWhy() throws Exception {
        try (Org org = new Org(dir, b -> b.emiteLicence(false))) {
            Result apply = org.run("apply", "--yes");
            assertEquals(2, apply.code(), apply.out());
            assertTrue(apply.out().contains("Still blocked:"), apply.out());
            assertTrue(apply.out().contains("integration:emiteApps:view"), apply.out());
            assertTrue(apply.out().contains("fix: Install eMite in Genesys Cloud"), apply.out());
            assertTrue(apply.out().contains("created OAuth client emite_APIdata"), "the rest is done");
            settle();
            assertEquals(2, org.run("verify").code());
        }
    }

    @Test
    void anOrgWithoutWfmIsSetUpWithoutItAndSaysSo() throws Exception {
        try (Org org = new Org(dir, b -> b.wfm(false))) {
            Result apply = org.run("apply", "--yes");
            assertEquals(0, apply.code(), apply.out());
            assertTrue(apply.out().contains("29 of 41 permissions are offered"), apply.out());
            assertTrue(apply.out().contains("n/a      wfm:agent:view"), apply.out());
            Result wfm = org.run("plan", "--with-wfm");
            assertEquals(2, wfm.code());
        }
    }

    @Test
    void exportFormWritesMaskedOrClearSecretsAndSaysSoOnTop() throws Exception {
        try (Org org = new Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes").code());
            Path masked = dir.resolve("masked");
            Result r = org.run("export-form", "--out", masked.toString());
            assertEquals(0, r.code(), r.err());
            String json = Files.readString(masked.resolve(FormWriter.FORM_JSON));
            assertFalse(json.contains("\"warning\""));
            assertTrue(json.contains("\"clientSecret\": \"••••••"), json);
            Path clear = dir.resolve("clear");
            r = org.run("export-form", "--out", clear.toString(), "--include-secrets");
            assertEquals(0, r.code(), r.err());
            assertTrue(r.err().contains("contains the client secrets"));
            String html = Files.readString(clear.resolve(FormWriter.FORM_HTML));
            assertTrue(html.indexOf("THIS FILE CONTAINS CLIENT SECRETS") < html.indexOf("<h1>"));
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                String secret = v.contents().org(org.sandbox.orgId()).client("emite_APIdata").orElseThrow().secret()
                        .reveal();
                assertTrue(html.contains(secret));
                assertTrue(Files.readString(clear.resolve(FormWriter.FORM_JSON)).contains(secret));
            }
            assertTrue(Files.readString(clear.resolve(FormWriter.REPORT_TEXT)).contains("created group emite_Access"));
        }
    }
}
