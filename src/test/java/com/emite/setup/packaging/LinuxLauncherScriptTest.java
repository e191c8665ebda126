package com.emite.setup.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code packaging/linux/launcher.sh}, the Linux launcher build.sh puts over jpackage's native one: in an app-image
 * laid out as jpackage lays it out (in a folder with a space in its name), with a {@code java} that writes down the
 * arguments it was given, it must pass what jpackage's launcher passes, in the same order, and keep the admin's
 * arguments whole. The packaged app itself is started through it by {@code PackagedAppTest} ({@code -Ppackage}).
 */
@DisabledOnOs(OS.WINDOWS)
class LinuxLauncherScriptTest {
    private static final Path SCRIPT = Path.of("packaging/linux/launcher.sh");
    @TempDir
    Path dir;
    private Path root;
    private Path launcher;
    private Path seen;

    @BeforeEach
    void appImage() throws IOException {
        root = dir.resolve("my apps/emite-setup");
        launcher = root.resolve("bin/emite-setup");
        seen = dir.resolve("seen.txt");
        Files.createDirectories(launcher.getParent());
        Files.copy(SCRIPT, launcher);
        executable(launcher);
        fakeJava("emite-setup");
        cfg("""
                [Application]
                app.classpath=$APPDIR/emite-setup.jar
                app.mainclass=com.emite.setup.Launcher
                app.classpath=$APPDIR/gson-2.13.2.jar

                [JavaOptions]
                java-options=-XX:AOTCache=$APPDIR/emite.aot
                java-options=-Djpackage.app-version=0.1.0
                java-options=-Dwhere=$ROOTDIR|$BINDIR|$OTHER
                java-options=-Xmx512m
                """);
    }

    @Test
    void passesWhatJpackagesLauncherPassesInTheSameOrder() throws Exception {
        List<String> args = run(launcher, "--help", "two words", "", "$APPDIR", "*");
        String app = root.toRealPath().resolve("lib/app").toString();
        String bin = root.toRealPath().resolve("bin").toString();
        assertEquals(List.of("-classpath", app + "/emite-setup.jar:" + app + "/gson-2.13.2.jar",
                "-XX:AOTCache=" + app + "/emite.aot", "-Djpackage.app-version=0.1.0",
                "-Dwhere=" + root.toRealPath() + "|" + bin + "|$OTHER", "-Xmx512m",
                "-Djpackage.app-path=" + bin + "/emite-setup", "com.emite.setup.Launcher",
                "--help", "two words", "", "$APPDIR", "*"), args);
    }

    @Test
    void startedThroughALinkItNamesTheRealLauncher() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("emite-setup"), launcher);
        List<String> args = run(link);
        String app = root.toRealPath().resolve("lib/app").toString();
        assertTrue(args.contains("-Djpackage.app-path=" + root.toRealPath().resolve("bin/emite-setup")), args.toString());
        assertEquals(app + "/emite-setup.jar:" + app + "/gson-2.13.2.jar", args.get(1));
        assertEquals("com.emite.setup.Launcher", args.get(args.size() - 1));
    }

    @Test
    void theCfgsDefaultArgumentsOnlyWhenGivenNone() throws Exception {
        Files.writeString(root.resolve("lib/app/emite-setup.cfg"), """

                [ArgOptions]
                arguments=--from-cfg
                arguments=$APPDIR
                """, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        List<String> none = run(launcher);
        String app = root.toRealPath().resolve("lib/app").toString();
        assertEquals(List.of("com.emite.setup.Launcher", "--from-cfg", app), none.subList(none.size() - 3, none.size()));
        List<String> given = run(launcher, "mine");
        assertEquals(List.of("com.emite.setup.Launcher", "mine"), given.subList(given.size() - 2, given.size()));
    }

    @Test
    void aMissingCfgSaysWhatToDoAndStartsNothing() throws Exception {
        Files.delete(root.resolve("lib/app/emite-setup.cfg"));
        Process p = start(launcher);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(err.contains("reinstall eMite Setup"), err);
        assertFalse(Files.exists(seen), "java was started");
    }

    @Test
    void withoutTheRuntimesJavaUnderTheAppsNameItStartsJava() throws Exception {
        Files.delete(root.resolve("lib/runtime/bin/emite-setup"));
        fakeJava("java");
        List<String> args = run(launcher, "x");
        assertEquals(List.of("com.emite.setup.Launcher", "x"), args.subList(args.size() - 2, args.size()));
    }

    /** A runtime launcher that writes down its arguments, one per line (whatever they hold), then ends. */
    private void fakeJava(String name) throws IOException {
        Path java = root.resolve("lib/runtime/bin").resolve(name);
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '" + seen + "'\n");
        executable(java);
    }

    private void cfg(String text) throws IOException {
        Path cfg = root.resolve("lib/app/emite-setup.cfg");
        Files.createDirectories(cfg.getParent());
        Files.writeString(cfg, text);
    }

    private List<String> run(Path command, String... args) throws Exception {
        Process p = start(command, args);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the launcher did not end");
        assertEquals(0, p.exitValue(), err);
        return Files.readAllLines(seen);
    }

    private static Process start(Path command, String... args) throws IOException {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(line).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
