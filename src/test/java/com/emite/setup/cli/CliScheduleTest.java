package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.testing.TestKdf;
import com.emite.setup.provision.BlueprintNeeds;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.SystemdUserTimer;
import com.emite.setup.vault.Keychain;
import com.emite.setup.schedule.SystemdExecStart;
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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * schedule install|status|remove on the command line: the systemd user timer goes into a temporary unit folder
 * (systemctl recorded, not run), and the command line it wrote is started as its own process against a sandbox org
 * over HTTP, as systemd would start it (issue 12).
 */
@ConcurrentMethods
class CliScheduleTest {
    @TempDir
    Path dir;

    final List<List<String>> systemctl = Collections.synchronizedList(new ArrayList<>());

    CliSandboxTest.Result schedule(Path units, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandRunner recording = (argv, input) -> {
            systemctl.add(List.copyOf(argv));
            return new CommandRunner.Result(0, "");
        };
        CliIO io = CliIO.of(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), env)
                .withKeychain(Keychain.none()).withScheduler(d -> new SystemdUserTimer(units, recording))
                .withNewVaultKdf(TestKdf.CHEAP);
        List<String> all = new ArrayList<>(List.of("schedule"));
        all.addAll(Arrays.asList(args));
        int code = CliMain.run(all.toArray(String[]::new), io);
        return new CliSandboxTest.Result(code, out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theInstalledTimersCommandLineRunsAndGrantsLicencesThenStatusAndRemove() throws Exception {
        Path units = dir.resolve("systemd-user");
        try (CliSandboxTest.Org org = new CliSandboxTest.Org(dir, b -> b)) {
            assertEquals(0, org.run("apply", "--yes", "--remember-sign-in").code());
            CliSandboxTest.settle();
            String shortName = org.sandbox.orgShortName();

            CliSandboxTest.Result install = schedule(units, org.env, "install", "--org", shortName, "--at", "06:30",
                    "--vault", org.vault.toString(), "--data-dir", org.data.toString(), "--vault-password-env",
                    "VAULT_PW", "--api-base", org.sandbox.baseUrl(), "--login-base", org.sandbox.baseUrl(),
                    "--rate-limit", "0");
            assertEquals(0, install.code(), install.err() + install.out());
            String name = "emite-keep-licences-" + shortName;
            assertTrue(install.out().startsWith("Installed: systemd user timer " + name + ", daily at 06:30."),
                    install.out());
            assertTrue(systemctl.contains(List.of("systemctl", "--user", "enable", "--now", name + ".timer")),
                    systemctl.toString());
            String timer = Files.readString(units.resolve(name + ".timer"));
            assertTrue(timer.contains("OnCalendar=*-*-* 06:30:00"), timer);
            String service = Files.readString(units.resolve(name + ".service"));
            assertFalse(service.contains("vault-pw-Kx9#q2"), "no password in the unit");
            assertFalse(service.contains(org.sandbox.adminClientSecret().reveal()), "no secret in the unit");

            String execStart = service.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow()
                    .substring("ExecStart=".length());
            List<String> argv = SystemdExecStart.parse(execStart);
            int k = argv.indexOf("keep-licences");
            assertTrue(k > 0, argv.toString());
            assertEquals(List.of("keep-licences", "--org", shortName, "--vault", org.vault.toString(), "--data-dir",
                    org.data.toAbsolutePath().normalize().toString(), "--vault-password-env", "VAULT_PW"),
                    argv.subList(k, k + 9));

            List<String> agents = org.sandbox.addAgents(4);
            CliSandboxTest.settle();
            // As systemd starts it: its own process, the variable set in its environment, nobody at a terminal.
            ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(false);
            pb.environment().put("VAULT_PW", "vault-pw-Kx9#q2");
            pb.redirectError(dir.resolve("child-err.txt").toFile());
            pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the scheduled run ends");
            assertEquals(0, p.exitValue(), out + Files.readString(dir.resolve("child-err.txt")));
            assertTrue(out.contains("keep-licences " + shortName + ": granted the eMite role to 4 agents."), out);
            CliSandboxTest.settle();
            SandboxInspector in = org.sandbox.inspect();
            String prefix = BlueprintNeeds.standard().licence().roleName("");
            for (String agent : agents) {
                assertTrue(in.grantsOf(agent).stream().anyMatch(g -> g.inForce()
                        && g.roleName().startsWith(prefix)), "agent " + agent + " holds the eMite role");
            }

            CliSandboxTest.Result status = schedule(units, Map.of(), "status", "--org", shortName, "--data-dir",
                    org.data.toString());
            assertEquals(0, status.code(), status.err());
            assertTrue(status.out().startsWith("Installed: systemd user timer " + name), status.out());

            CliSandboxTest.Result remove = schedule(units, org.env, "remove", "--org", shortName, "--data-dir",
                    org.data.toString(), "--forget-sign-in", "--vault", org.vault.toString(), "--vault-password-env",
                    "VAULT_PW");
            assertEquals(0, remove.code(), remove.err());
            assertTrue(remove.out().startsWith("Removed:"), remove.out());
            assertTrue(remove.out().contains("The vault no longer keeps a sign-in client for " + shortName),
                    remove.out());
            try (com.emite.setup.vault.Vault v = com.emite.setup.vault.Vault.open(org.vault,
                    com.emite.setup.common.Secret.of("vault-pw-Kx9#q2"))) {
                assertTrue(v.contents().findOrg(org.sandbox.orgId()).orElseThrow().adminClient().isEmpty());
            }
            List<String> keepAgain = new ArrayList<>(argv.subList(k, argv.size()));
            CliSandboxTest.Result unattended = CliKeepLicencesTest.run(keepAgain, org.env, Keychain.none());
            assertEquals(1, unattended.code(), "with the sign-in forgotten, the scheduled command cannot sign in");
            assertTrue(unattended.err().contains("The vault keeps no sign-in client"), unattended.err());
            assertFalse(Files.exists(units.resolve(name + ".timer")));
            assertFalse(Files.exists(units.resolve(name + ".service")));
            assertTrue(schedule(units, Map.of(), "status", "--org", shortName, "--data-dir", org.data.toString())
                    .out().startsWith("Not installed"));
        }
    }

    @Test
    void installWantsAPasswordSourceAnOrgAndATime() {
        Path units = dir.resolve("units");
        Path data = dir.resolve("data");
        CliSandboxTest.Result noPassword = schedule(units, Map.of(), "install", "--org", "litware", "--data-dir",
                data.toString());
        assertEquals(1, noPassword.code());
        assertTrue(noPassword.err().contains("nobody to type the vault password"), noPassword.err());
        CliSandboxTest.Result noOrg = schedule(units, Map.of(), "install", "--vault-password-keychain",
                "--data-dir", data.toString());
        assertEquals(1, noOrg.code());
        assertTrue(noOrg.err().contains("--org SHORTNAME"), noOrg.err());
        CliSandboxTest.Result badTime = schedule(units, Map.of(), "install", "--org", "litware", "--at", "25:99",
                "--vault-password-keychain", "--data-dir", data.toString());
        assertEquals(1, badTime.code());
        assertTrue(badTime.err().contains("--at wants a time of day as HH:MM"), badTime.err());
        CliSandboxTest.Result badWord = schedule(units, Map.of(), "start", "--org", "litware");
        assertEquals(1, badWord.code());
        assertTrue(badWord.err().contains("install, status or remove"), badWord.err());
        assertFalse(Files.exists(units), "nothing was written");
        assertTrue(systemctl.isEmpty());
    }
}
