package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

import static com.emite.setup.vault.VaultTestSupport.pw;

/**
 * Unlock and save times with the default parameters. Not a timed unit test: it prints figures for
 * {@code docs/BENCHMARKS.md} and asserts nothing about speed. Run with {@code mvn -B -Pbench verify}.
 */
@Tag("bench")
class VaultBenchmarkTest {
    private static final Logger VAULT_LOG = Logger.getLogger("com.emite.setup.vault");

    @TempDir
    Path dir;

    @Test
    void unlockAndSaveTimes() throws Exception {
        VAULT_LOG.setLevel(Level.WARNING);
        System.out.printf("[vault-bench] java %s, %d cores available, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("[vault-bench] | KDF | unlock (open) median / min / max ms | save median / min / max ms "
                + "| file bytes |");
        for (KdfParams p : new KdfParams[]{KdfParams.argon2idDefault(), KdfParams.pbkdf2Default()}) {
            Path f = dir.resolve(p.algorithm() + Vault.EXTENSION);
            try (Vault v = Vault.create(f, pw(), p)) {
                realisticContents(v.contents());
                v.save();
            }
            long[] unlock = new long[7];
            long[] save = new long[30];
            for (int i = -2; i < unlock.length; i++) {           // two warm-up runs
                long t0 = System.nanoTime();
                Vault v = Vault.open(f, pw());
                long t = System.nanoTime() - t0;
                v.closeWithoutSaving();
                if (i >= 0) {
                    unlock[i] = t;
                }
            }
            try (Vault v = Vault.open(f, pw())) {
                for (int i = -5; i < save.length; i++) {
                    v.contents().orgs().get(0).setJournal("{\"run\":" + i + "}");
                    long t0 = System.nanoTime();
                    v.save();
                    if (i >= 0) {
                        save[i] = System.nanoTime() - t0;
                    }
                }
            }
            System.out.printf("[vault-bench] | %s | %s | %s | %d |%n", p, stats(unlock), stats(save), Files.size(f));
        }
    }

    private static String stats(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return String.format("%.0f / %.0f / %.0f", s[s.length / 2] / 1e6, s[0] / 1e6, s[s.length - 1] / 1e6);
    }

    /** Three orgs with six clients each and a 20 KB journal: more than a real vault holds. */
    static void realisticContents(VaultContents c) {
        for (int o = 0; o < 3; o++) {
            OrgRecord org = c.org("org-" + o + "-5f0c2e1a-1111-2222-3333-444455556666")
                    .setShortName("org" + o).setRegion("mypurecloud.com.au");
            for (int i = 0; i < 6; i++) {
                org.putClient(StoredClient.of("eMite client " + i, "c1d2e3f4-aaaa-bbbb-cccc-" + o + i + "0000000000",
                        Secret.of("secret-" + o + "-" + i + "-abcdefghijklmnopqrstuvwxyz0123456789"), Instant.now()));
            }
            org.rememberAdminClient("admin-" + o, Secret.of("admin-secret-" + o + "-abcdefghijklmnop"));
            org.setJournal("{\"steps\":[" + "{\"id\":\"step\",\"state\":\"done\",\"at\":\"2025-01-01T00:00:00Z\"},"
                    .repeat(300) + "{}]}");
        }
    }
}
