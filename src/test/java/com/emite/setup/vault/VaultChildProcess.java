package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second app instance for {@link VaultProcessTest}, started as a child JVM. Reads the password from the first
 * line of stdin (never from the command line, where other users could see it).
 * <ul>
 * <li>{@code hold <file>}: opens the vault, prints {@code OPENED} and holds it until stdin closes;
 *     prints {@code REFUSED <reason>} if it cannot.</li>
 * <li>{@code save-loop <file>}: opens the vault and saves forever, printing {@code SAVED <n>} after save n.</li>
 * <li>{@code fs-faults <file>}: run inside a private mount namespace on a small tmpfs: creates a vault, fills the
 *     disk and saves (expects DISK_FULL), then remounts the folder read-only and saves (expects
 *     READ_ONLY_LOCATION), printing one line per result.</li>
 * </ul>
 */
public final class VaultChildProcess {
    /** Held strongly: JUL forgets the level of a logger nobody references. */
    private static final java.util.logging.Logger QUIET = java.util.logging.Logger.getLogger("com.emite.setup.vault");

    private VaultChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        QUIET.setLevel(java.util.logging.Level.OFF);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Secret password = Secret.of(in.readLine());
        Path file = Path.of(args[1]);
        if (args[0].equals("fs-faults")) {
            fsFaults(file, password);
            return;
        }
        Vault v;
        try {
            v = Vault.open(file, password);
        } catch (VaultException e) {
            System.out.println("REFUSED " + e.reason());
            System.out.flush();
            System.exit(3);
            return;
        }
        if (args[0].equals("hold")) {
            System.out.println("OPENED");
            System.out.flush();
            while (in.readLine() != null) {
                // hold until the parent closes our stdin
            }
            v.close();
            return;
        }
        for (int n = 1; ; n++) {
            VaultFaultTest.setMarker(v, "save-" + n);
            v.save();
            System.out.println("SAVED " + n);
            System.out.flush();
        }
    }

    private static void fsFaults(Path file, Secret password) throws Exception {
        Vault v = VaultTestSupport.createFilled(file, VaultTestSupport.CHEAP);
        v.save();
        byte[] main = java.nio.file.Files.readAllBytes(file);
        byte[] bak = java.nio.file.Files.readAllBytes(v.backupFile());
        Path filler = file.resolveSibling("filler");
        try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(filler)) {
            byte[] chunk = new byte[1024];
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (java.io.IOException full) {
            System.out.println("FILLED " + java.nio.file.Files.size(filler) + " bytes: " + full.getMessage());
        }
        v.contents().org("org-added-while-full").setShortName("full");
        try {
            v.save();
            System.out.println("DISKFULL saved?!");
        } catch (VaultException e) {
            System.out.println("DISKFULL " + e.reason() + " intact=" + java.util.Arrays.equals(main,
                    java.nio.file.Files.readAllBytes(file)) + " bakIntact=" + java.util.Arrays.equals(bak,
                    java.nio.file.Files.readAllBytes(v.backupFile())) + " leftovers="
                    + VaultTestSupport.listFolder(file.getParent()).stream()
                    .filter(p -> p.getFileName().toString().contains(".tmp-")).count());
        }
        java.nio.file.Files.delete(filler);
        v.save();
        System.out.println("FREED saved");
        main = java.nio.file.Files.readAllBytes(file);

        v.close();
        // A read-only folder: remount the tmpfs read-only (possible once nothing is open for writing).
        Process ro = new ProcessBuilder("mount", "-o", "remount,ro", file.getParent().toString()).inheritIO().start();
        System.out.println("REMOUNT " + ro.waitFor());
        try (Vault again = Vault.open(file, password)) {
            System.out.println("REOPENED readOnly=" + again.isReadOnly() + " sawFreedSave="
                    + again.contents().findOrg("org-added-while-full").isPresent());
            again.contents().org("org-added-while-read-only");
            try {
                again.save();
                System.out.println("READONLY saved?!");
            } catch (VaultException e) {
                System.out.println("READONLY " + e.reason() + " intact=" + java.util.Arrays.equals(main,
                        java.nio.file.Files.readAllBytes(file)));
            }
            again.closeWithoutSaving();
        }
        System.out.println("DONE");
    }
}
