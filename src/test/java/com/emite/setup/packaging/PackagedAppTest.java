package com.emite.setup.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The installers as an admin gets them (run by {@code mvn -B -Ppackage verify} only, after packaging/build.sh): the
 * .deb unpacked into a scratch root as dpkg would install it, its install step (the class-data archive) run there,
 * then the installed launcher started under Xvfb with a real GTK window; it must show the first window and sign in
 * to the demo sandbox through the Connect tab's Sign in button ({@code -Demite.probe=demo},
 * {@code com.emite.setup.ui.ProbedApp}). The JVM must map its class data or refuse to start, so the fast start is
 * checked too: {@code -XX:AOTMode=on} for the AOT cache a Java 25+ runtime ships ({@code lib/app/emite.aot}),
 * {@code -Xshare:on} for the install-time archive of a Java 17 runtime.
 */
@EnabledIfSystemProperty(named = "emite.package.dir", matches = ".+")
class PackagedAppTest {
    private static final String APP = "opt/emite-setup";
    @TempDir
    static Path root;
    private static Path packages;
    private static Path deb;

    @BeforeAll
    static void install() throws Exception {
        packages = Path.of(System.getProperty("emite.package.dir"));
        deb = only(packages, ".deb");
        run(List.of("dpkg-deb", "-x", deb.toString(), root.toString()), Map.of(), 120);
        Path app = root.resolve(APP);
        // What postinst does at /opt/emite-setup, here at the scratch root.
        run(List.of(app.resolve("lib/app/emite-cds.sh").toString(), app.toString()), Map.of(), 300);
    }

    @Test
    void theInstalledAppShowsItsWindowAndSignsInToTheDemoSandbox(@TempDir Path home) throws Exception {
        String out = run(List.of("xvfb-run", "-a", "-s", "-screen 0 1280x800x24",
                        root.resolve(APP).resolve("bin/emite-setup").toString()),
                Map.of("HOME", home.toString(), "JAVA_TOOL_OPTIONS", classDataRequired() + " -Demite.probe=demo"), 240);
        assertTrue(out.contains("FIRST_WINDOW_SHOWN"), out);
        assertTrue(out.contains("EMITE_PROBE demo-signed-in org="), out);
    }

    /** The JVM option that makes it refuse to start without the app's class data (the two options exclude each other). */
    private static String classDataRequired() {
        return Files.exists(root.resolve(APP).resolve("lib/app/emite.aot")) ? "-XX:AOTMode=on" : "-Xshare:on";
    }

    @Test
    void theInstalledCommandLineRunsWithoutADisplay() throws Exception {
        String out = run(List.of(root.resolve(APP).resolve("bin/emite-setup").toString(), "--help"),
                Map.of("DISPLAY", ""), 120);
        assertTrue(out.contains("Usage:"), out);
    }

    /**
     * The installed launcher starts Java without asking the package manager who owns it (jpackage's native launcher
     * runs rpm and dpkg twice on every start): rpm and dpkg that leave a mark when run come first on its PATH.
     */
    @Test
    void theInstalledLauncherAsksNoPackageManager(@TempDir Path fakes) throws Exception {
        Path marks = fakes.resolve("asked");
        for (String tool : List.of("rpm", "dpkg", "dpkg-query")) {
            Path fake = fakes.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho " + tool + " >> '" + marks + "'\nexit 1\n");
            Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        String out = run(List.of(root.resolve(APP).resolve("bin/emite-setup").toString(), "--help"),
                Map.of("DISPLAY", "", "PATH", fakes + ":" + System.getenv("PATH")), 120);
        assertTrue(out.contains("Usage:"), out);
        assertFalse(Files.exists(marks), () -> "the launcher ran " + read(marks));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    @Test
    void thePackagesDeclareTheirDependenciesMenuEntryAndInstallStep() throws Exception {
        String depends = run(List.of("dpkg-deb", "-f", deb.toString(), "Depends"), Map.of(), 60);
        assertTrue(depends.contains("libgtk-3-0"), depends);
        Path control = Files.createTempDirectory(root, "control");
        run(List.of("dpkg-deb", "-e", deb.toString(), control.toString()), Map.of(), 60);
        String postinst = Files.readString(control.resolve("postinst"));
        assertTrue(postinst.contains("/opt/emite-setup/lib/app/emite-cds.sh"), postinst);
        assertTrue(postinst.contains("xdg-desktop-menu"), "a menu entry: " + postinst);
        String desktop = Files.readString(root.resolve(APP).resolve("lib/emite-setup-emite-setup.desktop"));
        assertTrue(desktop.contains("Name=eMite Setup"), desktop);

        Path rpm = only(packages, ".rpm");
        String scripts = run(List.of("rpm", "-qp", "--scripts", rpm.toString()), Map.of(), 60);
        assertTrue(scripts.contains("/opt/emite-setup/lib/app/emite-cds.sh"), scripts);
        String files = run(List.of("rpm", "-qpl", rpm.toString()), Map.of(), 60);
        assertTrue(files.contains("/opt/emite-setup/bin/emite-setup"), files);
    }

    private static Path only(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "one " + suffix + " in " + dir + ": " + found);
            return found.get(0);
        }
    }

    /** Runs a command to its end (or fails after {@code timeoutS}); returns its output, failing on a non-zero exit. */
    private static String run(List<String> cmd, Map<String, String> env, int timeoutS) throws Exception {
        Path log = Files.createTempFile(root, "run", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null")
                        .toFile()));
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean ended = p.waitFor(timeoutS, TimeUnit.SECONDS);
        if (!ended) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!ended) {
            throw new AssertionError(cmd + " did not end within " + timeoutS + " s:\n" + out);
        }
        assertEquals(0, p.exitValue(), cmd + " failed:\n" + out);
        return out;
    }
}
