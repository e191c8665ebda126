package com.emite.setup.vault;

import com.emite.setup.testing.ConcurrentMethods;
import com.emite.setup.vault.VaultException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/** Real second processes: a second app instance is refused; a process killed mid-save leaves a good vault. */
@ConcurrentMethods
class VaultProcessTest {
    @TempDir
    Path dir;

    /** A child JVM running {@link VaultChildProcess}, with its stdout readable line by line. */
    static final class Child implements AutoCloseable {
        final Process process;
        final BufferedReader out;
        final OutputStream in;

        Child(String mode, Path file) throws IOException {
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            process = new ProcessBuilder(java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), VaultChildProcess.class.getName(), mode, file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            in = process.getOutputStream();
            in.write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
            in.flush();
        }

        String readLine() throws IOException {
            return out.readLine();
        }

        @Override
        public void close() throws Exception {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondProcessIsRefusedWhileTheFirstHoldsTheVault() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();

        try (Child holder = new Child("hold", f)) {
            assertEquals("OPENED", holder.readLine());
            // This process is refused...
            VaultException e = assertThrows(VaultException.class, () -> Vault.open(f, pw()));
            assertEquals(Reason.LOCKED_BY_OTHER_PROCESS, e.reason());
            // ...and so is a third one.
            try (Child third = new Child("hold", f)) {
                assertEquals("REFUSED LOCKED_BY_OTHER_PROCESS", third.readLine());
                assertTrue(third.process.waitFor(20, TimeUnit.SECONDS));
                assertEquals(3, third.process.exitValue());
            }
            // The holder is killed (a crash): the OS drops its lock, so the vault is not stuck.
            holder.process.destroyForcibly();
            assertTrue(holder.process.waitFor(20, TimeUnit.SECONDS));
        }
        try (Vault v = Vault.open(f, pw())) {
            // Now this process holds it; failed second opens here must not drop the OS lock (a POSIX pitfall).
            assertThrows(VaultException.class, () -> Vault.open(f, pw()));
            try (Child other = new Child("hold", f)) {
                assertEquals("REFUSED LOCKED_BY_OTHER_PROCESS", other.readLine());
            }
            v.save();
        }
        System.out.println("[vault-fault] second process: refused while held (LOCKED_BY_OTHER_PROCESS); "
                + "opened after the holder was killed");
    }

    /**
     * Kill -9 a process that saves in a loop, at eight moments (eight child JVMs): the vault always opens to a save it
     * made. {@code mvn -B -Pslow verify}.
     */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aProcessKilledMidSaveLeavesTheOldOrTheNewVault() throws Exception {
        killMidSave(new int[] {1, 5, 10, 20, 30, 40, 50, 60}, new int[] {0, 300, 700, 1500, 2500, 4000, 6000, 9000});
    }

    /** The same at three of those moments (first save, mid-loop, late with a long wait) for the default run. */
    @Test
    void aProcessKilledMidSaveAtASampleOfMomentsLeavesTheOldOrTheNewVault() throws Exception {
        killMidSave(new int[] {1, 20, 60}, new int[] {0, 1500, 9000});
    }

    private void killMidSave(int[] killAfter, int[] thenWaitMicros) throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();
        List<String> results = new ArrayList<>();
        int midSave = 0;
        for (int round = 0; round < killAfter.length; round++) {
            int k = killAfter[round];
            int lastReported;
            try (Child saver = new Child("save-loop", f)) {
                String line = null;
                for (int i = 0; i < k; i++) {
                    line = saver.readLine();
                    assertNotNull(line, "child ended early");
                    assertTrue(line.startsWith("SAVED "), line);
                }
                lastReported = Integer.parseInt(line.substring(6));
                java.util.concurrent.locks.LockSupport.parkNanos(thenWaitMicros[round] * 1000L);
                saver.process.destroyForcibly();           // SIGKILL: no shutdown hooks, no cleanup
                assertTrue(saver.process.waitFor(20, TimeUnit.SECONDS));
            }
            long leftovers = listFolder(dir).stream().filter(p -> p.getFileName().toString().contains(".tmp-")).count();
            try (Vault v = Vault.open(f, pw())) {
                String m = marker(v);
                int n = Integer.parseInt(m.substring(5));
                assertTrue(n >= lastReported, "lost a reported save: " + m + " < " + lastReported);
                results.add(lastReported + "->" + n + (leftovers > 0 ? " (mid-save: temp file left)" : ""));
                midSave += leftovers > 0 ? 1 : 0;
                v.save();                                  // and the next save cleans up any leftovers
            }
            assertEquals(0, listFolder(dir).stream().filter(p -> p.getFileName().toString().contains(".tmp-")).count());
        }
        System.out.println("[vault-fault] kill -9 during a save loop, " + killAfter.length + " rounds (last save "
                + "reported -> save the vault opens to): " + results + "; " + midSave + " kills landed mid-save");
    }

    /**
     * A real full disk and a real read-only folder: a child JVM in a private mount namespace (so nothing is left
     * mounted on this machine, whatever happens) on a 512 KiB tmpfs. Skipped where namespaces are not allowed.
     */
    @Test
    void aRealFullDiskAndARealReadOnlyFolderLeaveTheVaultIntact() throws Exception {
        Process probe;
        try {
            probe = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "true")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            probe = null;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(probe != null && probe.waitFor(20, TimeUnit.SECONDS)
                && probe.exitValue() == 0, "unshare --mount not permitted here");
        Path mnt = dir.resolve("mnt");
        java.nio.file.Files.createDirectories(mnt);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        String script = "mount -t tmpfs -o size=512k tmpfs \"$1\" && shift && exec \"$@\"";
        Process p = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "sh", "-c", script, "sh",
                mnt.toString(), java, "-Xmx64m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), VaultChildProcess.class.getName(), "fs-faults",
                mnt.resolve("v" + Vault.EXTENSION).toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        p.getOutputStream().write((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))
                .lines().toList();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        System.out.println("[vault-fault] real tmpfs: " + lines);
        assertTrue(lines.contains("DISKFULL DISK_FULL intact=true bakIntact=true leftovers=0"), lines.toString());
        assertTrue(lines.contains("FREED saved"), lines.toString());
        assertTrue(lines.contains("REMOUNT 0"), lines.toString());
        assertTrue(lines.contains("REOPENED readOnly=true sawFreedSave=true"), lines.toString());
        assertTrue(lines.contains("READONLY READ_ONLY_LOCATION intact=true"), lines.toString());
        assertEquals("DONE", lines.get(lines.size() - 1));
        assertEquals(0, p.exitValue());
    }
}
