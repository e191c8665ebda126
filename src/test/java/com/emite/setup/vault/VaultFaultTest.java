package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.SaveHook.SaveStep;
import com.emite.setup.vault.VaultException.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Damaged, foreign, newer and half-written files; failures and crashes during a save. Figures are printed with the
 * prefix "[vault-fault]" for the lead's note.
 */
class VaultFaultTest {
    private static final Logger VAULT_LOG = Logger.getLogger("com.emite.setup.vault");
    private static Level previousLevel;

    @TempDir
    Path dir;

    @BeforeAll
    static void quiet() {
        // Thousands of refused opens would each log a line; the leak test checks the log text separately.
        previousLevel = VAULT_LOG.getLevel();
        VAULT_LOG.setLevel(Level.SEVERE);
    }

    @AfterAll
    static void restore() {
        VAULT_LOG.setLevel(previousLevel);
    }

    private byte[] smallVault(Path f) throws Exception {
        createFilled(f, CHEAP).close();
        return Files.readAllBytes(f);
    }

    /** Opens {@code bytes} as a vault file; returns null if it opened (which a damaged file must never do). */
    private Reason tryOpen(Path f, byte[] bytes, Secret password) throws IOException {
        Files.write(f, bytes);
        try (Vault v = Vault.open(f, password)) {
            v.contents();
            return null;
        } catch (VaultException e) {
            return e.reason();
        }
    }

    /** The full-length check: all of the file's bits, one at a time (a few seconds; run by -Pslow). */
    @Test
    @Tag("slow")
    void everySingleBitFlipIsRefusedAndNeverCalledAWrongPassword() throws Exception {
        flipBitsAndCheck(null);
    }

    /** The default run's sample: every bit of the KDF settings, the first and last bytes, and every 61st bit. */
    @Test
    void aSampleOfBitFlipsIsRefusedAndNeverCalledAWrongPassword() throws Exception {
        flipBitsAndCheck(bit -> (bit / 8 >= VaultFormat.OFF_KDF_ID && bit / 8 < VaultFormat.OFF_SALT)
                || bit < 8 || bit % 61 == 0);
    }

    private void flipBitsAndCheck(java.util.function.IntPredicate sample) throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        Files.deleteIfExists(Vault.sibling(f, ".bak"));
        int headerBits = VaultFormat.HEADER_LENGTH * 8;
        int totalBits = good.length * 8;
        Map<Reason, Integer> header = new EnumMap<>(Reason.class);
        Map<Reason, Integer> body = new EnumMap<>(Reason.class);
        int opened = 0;
        int headerTried = 0;
        int bodyTried = 0;
        long kdfRunsBefore = Kdf.RUNS.get();
        long t0 = System.nanoTime();
        for (int bit = 0; bit < totalBits; bit++) {
            if (sample != null && !sample.test(bit) && bit != totalBits - 1) {
                continue;
            }
            if (bit < headerBits) {
                headerTried++;
            } else {
                bodyTried++;
            }
            byte[] damaged = good.clone();
            damaged[bit / 8] ^= (byte) (1 << (bit % 8));
            Reason r = tryOpen(f, damaged, pw());
            if (r == null) {
                opened++;
                continue;
            }
            (bit < headerBits ? header : body).merge(r, 1, Integer::sum);
            int offset = bit / 8;
            if (offset >= VaultFormat.OFF_KDF_ID && offset < VaultFormat.OFF_SALT) {
                assertEquals(Reason.CORRUPT_HEADER, r, "KDF parameter byte " + offset);
            }
        }
        long kdfRuns = Kdf.RUNS.get() - kdfRunsBefore;
        System.out.printf("[vault-fault] bit flips (%s): file %d bytes (header %d, body %d); %d header flips -> %s; "
                        + "%d body flips -> %s; opened %d; WRONG_PASSWORD %d; KDF runs %d (= body flips: no header "
                        + "flip reached the KDF); %d ms%n", sample == null ? "all" : "sample", good.length,
                VaultFormat.HEADER_LENGTH, good.length - VaultFormat.HEADER_LENGTH, headerTried, header, bodyTried,
                body, opened, header.getOrDefault(Reason.WRONG_PASSWORD, 0)
                        + body.getOrDefault(Reason.WRONG_PASSWORD, 0), kdfRuns, (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, opened);
        assertFalse(header.containsKey(Reason.WRONG_PASSWORD));
        assertFalse(body.containsKey(Reason.WRONG_PASSWORD));
        assertEquals(Map.of(Reason.CORRUPT_HEADER, headerTried), header, "every header flip is a damaged header");
        assertEquals(Map.of(Reason.DAMAGED_BODY, bodyTried), body, "every body flip is a damaged body");
        assertEquals(bodyTried, kdfRuns);
        if (sample == null) {
            assertEquals(totalBits, headerTried + bodyTried);
        }
        // The untouched file still opens.
        assertNull(tryOpen(f, good, pw()));
    }

    /** The full-length check: every length from 0 to one byte short (run by -Pslow). */
    @Test
    @Tag("slow")
    void truncationAtEveryLengthIsRefused() throws Exception {
        truncateAndCheck(null);
    }

    /** The default run's sample: the edges of header and body, and every 29th length. */
    @Test
    void truncationAtASampleOfLengthsIsRefused() throws Exception {
        int h = VaultFormat.HEADER_LENGTH;
        truncateAndCheck(len -> len <= 1 || Math.abs(len - h) <= 1 || len % 29 == 0);
    }

    private void truncateAndCheck(java.util.function.IntPredicate sample) throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        Files.deleteIfExists(Vault.sibling(f, ".bak"));
        Map<Reason, Integer> reasons = new EnumMap<>(Reason.class);
        int opened = 0;
        for (int len = 0; len < good.length; len++) {
            if (sample != null && !sample.test(len) && len != good.length - 1) {
                continue;
            }
            Reason r = tryOpen(f, Arrays.copyOf(good, len), pw());
            if (r == null) {
                opened++;
            } else {
                reasons.merge(r, 1, Integer::sum);
                Reason expected = len == 0 ? Reason.NOT_A_VAULT
                        : len < VaultFormat.HEADER_LENGTH ? Reason.CORRUPT_HEADER : Reason.DAMAGED_BODY;
                assertEquals(expected, r, "length " + len);
            }
        }
        System.out.printf("[vault-fault] truncation (%s) at lengths 0..%d: %s; opened %d%n",
                sample == null ? "all" : "sample", good.length - 1, reasons, opened);
        assertEquals(0, opened);
        assertFalse(reasons.containsKey(Reason.WRONG_PASSWORD));
    }

    @Test
    void trailingGarbageIsRefused() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        List<String> seen = new ArrayList<>();
        for (byte[] extra : new byte[][]{{0}, "\n".getBytes(StandardCharsets.US_ASCII), new byte[4096], good}) {
            byte[] bytes = Arrays.copyOf(good, good.length + extra.length);
            System.arraycopy(extra, 0, bytes, good.length, extra.length);
            Reason r = tryOpen(f, bytes, pw());
            seen.add(extra.length + " bytes -> " + r);
            assertEquals(Reason.DAMAGED_BODY, r);
        }
        System.out.printf("[vault-fault] trailing garbage: %s%n", seen);
    }

    @Test
    void newerVersionIsReportedAsSuchAndLeftUntouched() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        long kdfRuns = Kdf.RUNS.get();

        // Version 2 with the same layout.
        byte[] v2 = good.clone();
        ByteBuffer.wrap(v2).putShort(8, (short) 2);
        resum(v2, VaultFormat.HEADER_LENGTH);
        assertEquals(Reason.UNSUPPORTED_VERSION, tryOpen(f, v2, pw()));
        assertArrayEquals(v2, Files.readAllBytes(f), "an unsupported file is never rewritten");

        // Version 7 with a longer header, as a future format may have.
        byte[] v7 = new byte[400];
        System.arraycopy(VaultFormat.MAGIC, 0, v7, 0, 8);
        ByteBuffer.wrap(v7).putShort(8, (short) 7).putShort(10, (short) 300);
        resum(v7, 300);
        assertEquals(Reason.UNSUPPORTED_VERSION, tryOpen(f, v7, pw()));

        // An unknown key derivation (a newer app's choice).
        byte[] kdf9 = good.clone();
        kdf9[VaultFormat.OFF_KDF_ID] = 9;
        resum(kdf9, VaultFormat.HEADER_LENGTH);
        assertEquals(Reason.UNSUPPORTED_VERSION, tryOpen(f, kdf9, pw()));

        // A newer version byte without the matching checksum is damage, not a newer version.
        byte[] flipped = good.clone();
        flipped[9] = 2;
        assertEquals(Reason.CORRUPT_HEADER, tryOpen(f, flipped, pw()));
        assertEquals(kdfRuns, Kdf.RUNS.get(), "no KDF ran for any of these");
    }

    @Test
    void absurdKdfParametersAreRefusedBeforeTheKdfRuns() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        long kdfRuns = Kdf.RUNS.get();
        int[][] crafted = {
                // id, lanes, memory KiB, iterations
                {1, 1, -1, 3},                       // 4 TiB of memory
                {1, 1, 4 * 1024 * 1024, 3},          // 4 GiB
                {1, 1, 256 * 1024, 1000},            // minutes of work
                {1, 255, 64 * 1024, 3},              // 255 lanes
                {1, 1, 64 * 1024, 0},                // zero passes
                {2, 0, 0, Integer.MAX_VALUE},        // PBKDF2 for hours
                {2, 0, 0, 0},
        };
        long t0 = System.nanoTime();
        for (int[] c : crafted) {
            byte[] bytes = good.clone();
            ByteBuffer b = ByteBuffer.wrap(bytes);
            b.put(VaultFormat.OFF_KDF_ID, (byte) c[0]).put(VaultFormat.OFF_LANES, (byte) c[1])
                    .putInt(VaultFormat.OFF_MEMORY, c[2]).putInt(VaultFormat.OFF_ITERATIONS, c[3]);
            resum(bytes, VaultFormat.HEADER_LENGTH);
            assertEquals(Reason.UNSAFE_KDF_SETTINGS, tryOpen(f, bytes, pw()), Arrays.toString(c));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[vault-fault] %d crafted headers with absurd KDF settings: all UNSAFE_KDF_SETTINGS, "
                + "0 KDF runs, %d ms in total%n", crafted.length, ms);
        assertEquals(kdfRuns, Kdf.RUNS.get());
        assertTrue(ms < 5000, ms + " ms");
    }

    @Test
    void foreignFilesAreNotVaults() throws Exception {
        Path f = dir.resolve("foreign" + Vault.EXTENSION);
        byte[] png = HexFormat.of().parseHex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                + "0000000d4944415478da63f8cfc0f01f0005000201d5b8ab790000000049454e44ae426082");
        Map<String, byte[]> files = Map.of(
                "PNG image", png,
                "empty file", new byte[0],
                "text file", "client_id=abc\nclient_secret=def\n".getBytes(StandardCharsets.UTF_8),
                "JSON file", "{\"orgs\":[]}".getBytes(StandardCharsets.UTF_8),
                "random bytes", VaultFormat.random(600),
                "zeros", new byte[600]);
        List<String> seen = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Reason r = tryOpen(f, e.getValue(), pw());
            seen.add(e.getKey() + " -> " + r);
            assertEquals(Reason.NOT_A_VAULT, r, e.getKey());
        }
        System.out.printf("[vault-fault] foreign files: %s%n", seen);
    }

    @Test
    void wrongPasswordIsWrongPassword() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        byte[] good = smallVault(f);
        for (String wrong : new String[]{"", "correct horse battery stapl", "Correct horse battery staple",
                PASSWORD + " "}) {
            assertEquals(Reason.WRONG_PASSWORD, tryOpen(f, good, Secret.of(wrong)), "'" + wrong + "'");
        }
        assertArrayEquals(good, Files.readAllBytes(f));
    }

    // ------------------------------------------------------------------------------------------- saves

    /**
     * A crash at each point of the write sequence, simulated by copying the folder at that point (the copy is what
     * the disk holds if the process died right then): the copy always opens, to the old or the new contents.
     */
    @Test
    void aCrashAtAnyPointOfASaveLeavesTheOldOrTheNewVault() throws Exception {
        Path f = dir.resolve("work/v" + Vault.EXTENSION);
        Map<SaveStep, String> opensTo = new EnumMap<>(SaveStep.class);
        for (boolean withPreviousBackup : new boolean[]{false, true}) {
            try (Vault v = createFilled(f, CHEAP)) {
                if (!withPreviousBackup) {
                    Files.deleteIfExists(v.backupFile());
                }
                setMarker(v, "old");
                v.save();
                setMarker(v, "new");
                Map<SaveStep, Path> snapshots = new EnumMap<>(SaveStep.class);
                v.setSaveHook(step -> snapshots.put(step, snapshot(f.getParent(), step + "-" + withPreviousBackup)));
                v.save();
                assertEquals(SaveStep.values().length, snapshots.size());
                for (Map.Entry<SaveStep, Path> s : snapshots.entrySet()) {
                    try (Vault after = Vault.open(s.getValue().resolve(f.getFileName()), pw())) {
                        String m = marker(after);
                        assertTrue(m.equals("old") || m.equals("new"), s.getKey() + " -> " + m);
                        SaveStep k = s.getKey();
                        assertEquals(k.compareTo(SaveStep.MAIN_REPLACED) >= 0 ? "new" : "old", m, k.toString());
                        opensTo.put(k, m);
                    }
                }
            }
            Files.walk(f.getParent()).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        System.out.printf("[vault-fault] crash at each save step (folder snapshot) opens to: %s%n", opensTo);
    }

    /** An I/O failure at each point: before the rename the save fails and the old file stays; after, it is saved. */
    @Test
    void aFailureAtAnyPointOfASaveKeepsTheOldFileIntact() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        Map<SaveStep, String> outcome = new EnumMap<>(SaveStep.class);
        try (Vault v = createFilled(f, CHEAP)) {
            for (SaveStep failAt : SaveStep.values()) {
                setMarker(v, "old-" + failAt);
                v.setSaveHook(null);
                v.save();
                byte[] before = Files.readAllBytes(f);
                byte[] bakBefore = Files.readAllBytes(v.backupFile());
                setMarker(v, "new-" + failAt);
                v.setSaveHook(step -> {
                    if (step == failAt) {
                        throw new IOException("simulated I/O error at " + step);
                    }
                });
                boolean failed;
                try {
                    v.save();
                    failed = false;
                } catch (VaultException e) {
                    failed = true;
                    assertEquals(Reason.IO_ERROR, e.reason());
                    assertArrayEquals(before, Files.readAllBytes(f), "vault file untouched");
                    if (failAt.compareTo(SaveStep.BACKUP_REPLACED) < 0) {
                        assertArrayEquals(bakBefore, Files.readAllBytes(v.backupFile()), "backup untouched");
                    }
                    assertTrue(v.hasUnsavedChanges(), "changes kept in memory for a retry");
                }
                assertEquals(failAt.compareTo(SaveStep.MAIN_REPLACED) < 0, failed, failAt.toString());
                assertEquals(List.of("v.emitevault", "v.emitevault.bak", "v.emitevault.lock"),
                        listFolder(dir).stream().map(p -> p.getFileName().toString()).toList(),
                        "no temporary file left after a failure at " + failAt);
                outcome.put(failAt, failed ? "failed, old kept" : "saved");
            }
            v.setSaveHook(null);
            v.save();
        }
        System.out.printf("[vault-fault] I/O error injected at each save step: %s%n", outcome);
    }

    @Test
    void diskFullLeavesTheOriginalIntact() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            v.save();
            byte[] before = Files.readAllBytes(f);
            byte[] bakBefore = Files.readAllBytes(v.backupFile());
            v.contents().org("another-org").setShortName("big");
            v.setSaveHook(step -> {
                if (step == SaveStep.TEMP_HALF_WRITTEN) {
                    throw new IOException("No space left on device");
                }
            });
            VaultException e = assertThrows(VaultException.class, v::save);
            assertEquals(Reason.DISK_FULL, e.reason());
            assertTrue(e.getMessage().contains("unchanged"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(f));
            assertArrayEquals(bakBefore, Files.readAllBytes(v.backupFile()));
            v.setSaveHook(null);
            v.save();                                    // space freed: the same contents save fine
            System.out.printf("[vault-fault] disk full mid-write: %s, file and backup unchanged%n", e.reason());
        }
        try (Vault v = Vault.open(f, pw())) {
            assertTrue(v.contents().findOrg("another-org").isPresent());
        }
    }

    @Test
    void readOnlyFolderLeavesTheOriginalIntact() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            byte[] before = Files.readAllBytes(f);
            v.contents().org("another-org");
            v.setSaveHook(step -> {
                if (step == SaveStep.BEFORE_TEMP) {
                    throw new AccessDeniedException(f.getParent().toString());
                }
            });
            VaultException e = assertThrows(VaultException.class, v::save);
            assertEquals(Reason.READ_ONLY_LOCATION, e.reason());
            assertArrayEquals(before, Files.readAllBytes(f));
            v.setSaveHook(null);
            System.out.printf("[vault-fault] read-only folder (injected): %s, file unchanged%n", e.reason());
        }
    }

    /**
     * The folder becomes read-only while the vault is open, for real: {@code chmod 500} where permissions apply, or
     * (root ignores permissions) the immutable attribute, {@code chattr +i}. Skipped where neither is possible.
     * A folder read-only from the start is covered for real by {@link VaultProcessTest} (read-only tmpfs).
     */
    @Test
    void readOnlyFolderForReal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(SecureFiles.isPosix(dir));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path sub = dir.resolve("ro");
        Path f = sub.resolve("v" + Vault.EXTENSION);
        createFilled(f, CHEAP).close();
        byte[] before = Files.readAllBytes(f);
        try (Vault v = Vault.open(f, pw())) {
            if (root) {
                org.junit.jupiter.api.Assumptions.assumeTrue(run("chattr", "+i", sub.toString()) == 0,
                        "chattr +i not possible here");
            } else {
                Files.setPosixFilePermissions(sub, java.nio.file.attribute.PosixFilePermissions.fromString("r-x------"));
            }
            try {
                v.contents().org("another-org");
                VaultException e = assertThrows(VaultException.class, v::save);
                assertEquals(Reason.READ_ONLY_LOCATION, e.reason(), e.detail());
                assertArrayEquals(before, Files.readAllBytes(f));
                System.out.printf("[vault-fault] read-only folder (real, %s): %s, file unchanged%n",
                        root ? "chattr +i" : "chmod 500", e.reason());
            } finally {
                if (root) {
                    run("chattr", "-i", sub.toString());
                } else {
                    Files.setPosixFilePermissions(sub,
                            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
                }
            }
            v.save();                                      // writable again: the same changes save
        }
    }

    private static int run(String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void damagedVaultWithGoodBackupOffersAndRestoresIt() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            setMarker(v, "previous");
            v.save();
            setMarker(v, "latest");
            v.save();
        }
        byte[] bytes = Files.readAllBytes(f);
        bytes[bytes.length - 5] ^= 0x10;
        Files.write(f, bytes);
        VaultException e = assertThrows(VaultException.class, () -> Vault.open(f, pw()));
        assertEquals(Reason.DAMAGED_BODY, e.reason());
        assertTrue(e.backupAvailable());
        assertTrue(e.getMessage().contains("Restore backup"));
        // A wrong password is not helped by the backup.
        assertEquals(Reason.WRONG_PASSWORD,
                assertThrows(VaultException.class, () -> Vault.restoreBackup(f, Secret.of("x"))).reason());
        try (Vault v = Vault.restoreBackup(f, pw())) {
            assertEquals("previous", marker(v));
            setMarker(v, "after restore");
            v.save();
        }
        assertTrue(listFolder(dir).stream().anyMatch(p -> p.getFileName().toString().startsWith(
                "v.emitevault.damaged-")), "the damaged file is kept for support");
        try (Vault v = Vault.open(f, pw())) {
            assertEquals("after restore", marker(v));
        }

        // Main file gone entirely: NOT_FOUND, with the backup offered.
        Files.delete(f);
        VaultException missing = assertThrows(VaultException.class, () -> Vault.open(f, pw()));
        assertEquals(Reason.NOT_FOUND, missing.reason());
        assertTrue(missing.backupAvailable());
        Vault.restoreBackup(f, pw()).close();
        Vault.open(f, pw()).close();
    }

    @Test
    void secondOpenInTheSameProcessIsRefusedAndTheFirstKeepsWorking() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault first = createFilled(f, CHEAP)) {
            for (int i = 0; i < 3; i++) {
                VaultException e = assertThrows(VaultException.class, () -> Vault.open(f, pw()));
                assertEquals(Reason.LOCKED_BY_OTHER_PROCESS, e.reason());
                assertTrue(e.getMessage().contains("open in another window"), e.getMessage());
            }
            assertEquals(Reason.LOCKED_BY_OTHER_PROCESS,
                    assertThrows(VaultException.class, () -> Vault.restoreBackup(f, pw())).reason());
            // A different path spelling of the same file is the same vault.
            Path other = dir.resolve("x/../v" + Vault.EXTENSION);
            assertEquals(Reason.LOCKED_BY_OTHER_PROCESS,
                    assertThrows(VaultException.class, () -> Vault.open(other, pw())).reason());
            first.contents().org("still-works");
            first.save();
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    static void setMarker(Vault v, String marker) {
        v.contents().org("5f0c2e1a-1111-2222-3333-444455556666").setJournal(marker);
    }

    /** Recomputes the header checksum, as someone crafting a file would. */
    static void resum(byte[] f, int headerLength) {
        int at = headerLength - VaultFormat.CHECKSUM_LENGTH;
        System.arraycopy(VaultFormat.sha256(f, 0, at), 0, f, at, VaultFormat.CHECKSUM_LENGTH);
    }

    private Path snapshot(Path folder, String name) throws IOException {
        Path to = dir.resolve("snapshots").resolve(name);
        Files.createDirectories(to);
        for (Path p : listFolder(folder)) {
            if (!p.getFileName().toString().endsWith(".lock")) {
                Files.copy(p, to.resolve(p.getFileName()));
            }
        }
        return to;
    }
}
