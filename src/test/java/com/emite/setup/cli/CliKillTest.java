package com.emite.setup.cli;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxInspector;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.StoredClient;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line as a separate process, killed with SIGKILL at spread-out points of an apply (after the k-th request
 * the sandbox received), then apply run again: the org ends as after a clean run, nothing has a duplicate name, and
 * every secret Genesys issued is in the vault or reported as needing a reset.
 */
@ConcurrentMethods
class CliKillTest {
    static final int POINTS = 22;
    static final List<String> GROUPS = List.of("emite_Access", "emite_DashboardViewer", "emite_DashboardCreator");
    static final List<String> CLIENTS = List.of("emite_SSO", "emite_APIdata", "emite_RealtimeData",
            "emite_WFMLookback", "emite_WFMActivity");

    @TempDir
    Path dir;

    private String classPath;

    /** The test's class path without the test classes (the process does not need them), the app's in one jar. */
    synchronized String classPath() throws java.io.IOException {
        if (classPath == null) {
            List<String> parts = new ArrayList<>();
            for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                Path p = Path.of(e);
                if (java.nio.file.Files.isDirectory(p)) {
                    if (p.endsWith("classes")) {
                        parts.add(jar(p, dir.resolve("app-classes.jar")).toString());
                    }
                } else {
                    parts.add(e);
                }
            }
            classPath = String.join(java.io.File.pathSeparator, parts);
        }
        return classPath;
    }

    static Path jar(Path classes, Path jar) throws java.io.IOException {
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
             var files = java.nio.file.Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                java.nio.file.Files.copy(f, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    static SandboxConfig config() {
        return SandboxConfig.builder().divisions(3).agents(150).unlimitedRate().latencyMs(4).searchLagMs(200)
                .grantLagMs(300).build();
    }

    /** A fresh org with its vault. */
    final class Org implements AutoCloseable {
        final Sandbox sandbox = Sandbox.start(config());
        final Path home;
        final Path vault;

        Org(String name) throws Exception {
            home = dir.resolve(name);
            vault = home.resolve("org" + Vault.EXTENSION);
            Vault.create(vault, Secret.of("vault-pw-Kx9#q2"), KdfParams.pbkdf2(1000)).close();
        }

        List<String> args(String... extra) {
            List<String> a = new ArrayList<>(List.of("apply", "--api-base", sandbox.baseUrl(), "--login-base",
                    sandbox.baseUrl(), "--region", "ap-southeast-2", "--client-id", sandbox.adminClientId(),
                    "--client-secret-env", "ADMIN_SECRET", "--vault", vault.toString(), "--vault-password-env",
                    "VAULT_PW", "--data-dir", home.resolve("data").toString(), "--rate-limit", "0", "--with-wfm",
                    "--yes"));
            a.addAll(List.of(extra));
            return a;
        }

        Map<String, String> env() {
            return Map.of("ADMIN_SECRET", sandbox.adminClientSecret().reveal(), "VAULT_PW", "vault-pw-Kx9#q2");
        }

        /** Starts apply as its own process. */
        Process start() throws Exception {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", classPath(),
                    "com.emite.setup.Launcher"));
            cmd.addAll(args());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(home.resolve("stderr.txt").toFile());
            home.toFile().mkdirs();
            pb.environment().putAll(env());
            return pb.start();
        }

        /** Runs apply in this process (the run after a kill); returns the exit code and the output. */
        String[] applyHere(String... extra) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = CliMain.run(args(extra).toArray(String[]::new), CliIO.of(new PrintStream(out, true,
                    StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true),
                    new ByteArrayInputStream(new byte[0]), env()));
            return new String[]{String.valueOf(code), out.toString(StandardCharsets.UTF_8)};
        }

        @Override
        public void close() {
            sandbox.close();
        }
    }

    /** What an org looks like by name (ids differ between orgs, names and settings must not). */
    static Map<String, String> shape(Sandbox s) {
        SandboxInspector in = s.inspect();
        Map<String, String> shape = new TreeMap<>();
        for (String g : GROUPS) {
            shape.put("group " + g, String.valueOf(in.groupIdsNamed(g).size()));
        }
        List<String> role = in.roleIdsNamed("eMite Data Integration");
        shape.put("role", role.size() + " " + (role.isEmpty() ? "" : in.rolePermissions(role.get(0))));
        shape.put("admin grant", String.valueOf(in.grantsOf(s.adminClientId()).stream()
                .filter(g -> "eMite Data Integration".equals(g.roleName()) && g.divisionId().equals("*")).count()));
        for (String c : CLIENTS) {
            List<String> ids = in.clientIdsNamed(c);
            shape.put("client " + c, ids.size() + " " + (ids.isEmpty() ? "" : new TreeMap<>(in.client(ids.get(0)))));
        }
        List<String> apps = in.integrationIdsNamed("eMite Advanced Analytics");
        String access = in.groupIdsNamed("emite_Access").isEmpty() ? "?" : in.groupIdsNamed("emite_Access").get(0);
        shape.put("app", apps.size() + " " + (apps.isEmpty() ? "" : in.integration(apps.get(0)).get("intendedState")
                + " " + in.integration(apps.get(0)).get("properties").replace(access, "<emite_Access>")));
        for (String d : s.divisionIds()) {
            List<String> users = in.activeUserIdsIn(d);
            long licensed = users.stream().filter(u -> in.grantsOf(u).stream()
                    .anyMatch(g -> g.divisionId().equals(d) && g.roleName() != null
                            && g.roleName().startsWith("eMite_"))).count();
            String roleNames = new TreeSet<>(in.grantsOf(users.get(0)).stream().map(g -> g.roleName()).toList())
                    .toString();
            shape.put("licences " + d, licensed + "/" + users.size() + " " + roleNames);
        }
        return shape;
    }

    /** Names eMite uses that exist more than once. */
    static List<String> duplicates(Sandbox s) {
        SandboxInspector in = s.inspect();
        List<String> dup = new ArrayList<>();
        GROUPS.forEach(g -> {
            if (in.groupIdsNamed(g).size() > 1) {
                dup.add(g);
            }
        });
        CLIENTS.forEach(c -> {
            if (in.clientIdsNamed(c).size() > 1) {
                dup.add(c);
            }
        });
        List<String> roles = new ArrayList<>(List.of("eMite Data Integration"));
        for (String d : s.divisionIds()) {
            roles.add("eMite_" + divisionName(s, d));
        }
        roles.forEach(r -> {
            if (in.roleIdsNamed(r).size() > 1) {
                dup.add(r);
            }
        });
        if (in.integrationIdsNamed("eMite Advanced Analytics").size() > 1) {
            dup.add("eMite Advanced Analytics");
        }
        return dup;
    }

    static String divisionName(Sandbox s, String divisionId) {
        GenesysClient c = GenesysClient.builder(s.baseUrl(), s.baseUrl()).unlimitedRate().build();
        c.signInWithClientCredentials(s.adminClientId(), s.adminClientSecret());
        return c.listDivisions().filter(d -> d.id().equals(divisionId)).findFirst().orElseThrow().name();
    }

    /** Every spread-out kill point (22 processes): {@code mvn -B -Pslow verify}. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void applyKilledAtManyPointsEndsAsACleanRunWithNoDuplicateAndNoLostSecret() throws Exception {
        killAtSpreadOutPoints(POINTS, 20);
    }

    /** A sample of the kill points (early, middle, late) for the default run. */
    @Test
    void applyKilledAtASampleOfPointsEndsAsACleanRunWithNoDuplicateAndNoLostSecret() throws Exception {
        killAtSpreadOutPoints(3, 3);
    }

    private void killAtSpreadOutPoints(int pointCount, int minDistinct) throws Exception {
        // A clean run, the reference shape and the number of requests an apply makes: in this process, whose code is
        // already compiled (a process of its own took 3-6 s more; the same command line makes the same requests).
        Map<String, String> clean;
        long requests;
        try (Org ref = new Org("clean")) {
            String[] run = ref.applyHere();
            assertEquals("0", run[0], run[1]);
            requests = ref.sandbox.stats().totalRequests();
            clean = shape(ref.sandbox);
            assertTrue(duplicates(ref.sandbox).isEmpty());
        }

        // Three processes at once: each mostly waits for the sandbox (its lags) or for its own start.
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        List<java.util.concurrent.Future<Outcome>> futures = new ArrayList<>();
        for (int n = 1; n <= pointCount; n++) {
            int i = n;
            long k = Math.max(1, Math.round((double) i * (requests - 1) / (pointCount + 1)));
            futures.add(pool.submit(() -> killAndResume(i, k, clean)));
        }
        pool.shutdown();
        int points = 0;
        int duplicatesFound = 0;
        int secretsLost = 0;
        int secretsToReset = 0;
        TreeSet<Long> killedAt = new TreeSet<>();
        for (var f : futures) {
            Outcome p;
            try {
                p = f.get(5, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw e;
            }
            points++;
            killedAt.add(p.killedAt());
            duplicatesFound += p.duplicates();
            secretsLost += p.lost();
            secretsToReset += p.toReset();
        }
        System.out.println("KILL TEST: " + points + " kill points (after requests " + killedAt + " of " + requests
                + " in a clean apply), duplicates found " + duplicatesFound + ", secrets lost " + secretsLost
                + ", secrets reported as needing a reset " + secretsToReset);
        assertTrue(killedAt.size() >= minDistinct, "distinct kill points: " + killedAt);
        assertEquals(0, duplicatesFound);
        assertEquals(0, secretsLost);
    }

    @Test
    void aPlainKillOrCtrlCCancelsAfterTheCurrentRequestAndLeavesAConsistentJournal() throws Exception {
        try (Org org = new Org("sigterm")) {
            Process p = org.start();
            while (p.isAlive() && org.sandbox.stats().totalRequests() < 16) {
                awaitRequests(); // polls every 0.1 ms: a spin would take a core from the process it watches
            }
            p.destroy(); // SIGTERM: the shutdown hook cancels, as Ctrl-C (SIGINT) does
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String stderr = read(org.home.resolve("stderr.txt"));
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                com.emite.setup.provision.Journal j = com.emite.setup.provision.Journal.parse(
                        v.contents().org(org.sandbox.orgId()).journal());
                assertEquals(com.emite.setup.provision.Journal.RunStatus.CANCELLED, j.lastRun().status(), stderr);
                assertTrue(j.lastRun().steps().values().stream()
                        .noneMatch(s -> s.status() == com.emite.setup.provision.Journal.StepStatus.STARTED));
            }
            String[] again = org.applyHere();
            assertEquals("0", again[0], again[1]);
            assertTrue(duplicates(org.sandbox).isEmpty());
        }
    }

    /** A tenth of a millisecond between two looks at the sandbox's request count (a request takes at least 4 ms). */
    static void awaitRequests() {
        java.util.concurrent.locks.LockSupport.parkNanos(100_000);
    }

    record Outcome(long killedAt, int duplicates, int lost, int toReset) {
    }

    /** One kill point: a fresh org, apply killed after about the k-th request, apply again, then the checks. */
    Outcome killAndResume(int i, long k, Map<String, String> clean) throws Exception {
        try (Org org = new Org("kill-" + i)) {
            Process p = org.start();
            while (p.isAlive() && org.sandbox.stats().totalRequests() < k) {
                awaitRequests(); // polls every 0.1 ms: a spin would take a core from the process it watches
            }
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            long seen = org.sandbox.stats().totalRequests();

            // Apply again, to completion.
            String[] again = org.applyHere();
            int code = Integer.parseInt(again[0]);
            assertTrue(code == 0 || code == 2, "exit " + code + ": " + again[1]);
            int duplicates = duplicates(org.sandbox).size();

            // Every client Genesys made has its secret in the vault or is reported as needing a reset.
            List<String> reported = new ArrayList<>();
            for (String c : CLIENTS) {
                if (again[1].contains("Client secret " + c + ":")) {
                    reported.add(c);
                }
            }
            int lost = 0;
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                for (String c : CLIENTS) {
                    for (String id : org.sandbox.inspect().clientIdsNamed(c)) {
                        Optional<StoredClient> kept = v.contents().org(org.sandbox.orgId()).client(c)
                                .filter(s -> s.clientId().equals(id) && s.secret() != null);
                        if (kept.isEmpty() && !reported.contains(c)) {
                            lost++;
                        }
                    }
                }
            }
            if (!reported.isEmpty()) {
                assertEquals(2, code, "a secret to reset is a blocked item");
                String[] reset = org.applyHere("--reset-unknown-secrets");
                assertEquals("0", reset[0], reset[1]);
            }

            // The end state is a clean run's, and every secret kept works.
            assertEquals(clean, shape(org.sandbox), "killed after request " + seen);
            try (Vault v = Vault.open(org.vault, Secret.of("vault-pw-Kx9#q2"))) {
                for (String c : CLIENTS) {
                    String id = org.sandbox.inspect().clientIdsNamed(c).get(0);
                    StoredClient kept = v.contents().org(org.sandbox.orgId()).client(c).orElseThrow();
                    assertEquals(id, kept.clientId(), c);
                    if (!c.equals("emite_SSO")) {
                        GenesysClient probe = GenesysClient.builder(org.sandbox.baseUrl(), org.sandbox.baseUrl())
                                .unlimitedRate().build();
                        probe.signInWithClientCredentials(id, kept.secret());
                    }
                }
            }
            return new Outcome(seen, duplicates, lost, reported.size());
        }
    }

    static String read(Path p) {
        try {
            return java.nio.file.Files.readString(p);
        } catch (Exception e) {
            return "";
        }
    }
}
