package com.emite.setup.ui.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.ui.FxRun;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.session.Session;
import com.emite.setup.testing.ManualScheduler;
import com.emite.setup.vault.ClipboardPort;
import com.emite.setup.vault.IdleLock;
import com.emite.setup.vault.KdfParams;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Vault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idle lock closes the vault and clears a copied secret; work that holds the vault keeps it open. */
class VaultLockerTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() {
        FxRun.toolkit();
    }

    @Test
    void idleLocksTheVaultAndClearsTheClipboardUnlessHeld() throws Exception {
        String[] clip = new String[1];
        ClipboardPort port = new ClipboardPort() {
            @Override
            public void putText(String text, List<Hint> hints) {
                clip[0] = text;
            }

            @Override
            public String getText() {
                return clip[0];
            }

            @Override
            public void clear() {
                clip[0] = null;
            }
        };
        var pool = UiExecutors.background();
        Session session = new Session(dir);
        SecretClipboard clipboard = new SecretClipboard(port, Duration.ofSeconds(30), (p, t) -> () -> { });
        // The idle time passes on a hand-driven clock: "still open while held" is checked after the timeout has
        // passed, not after a sleep that a loaded machine may cut short or stretch.
        ManualScheduler time = new ManualScheduler();
        VaultLocker locker = FxRun.fx(() -> new VaultLocker(session, clipboard, pool,
                onIdle -> new IdleLock(Duration.ofMinutes(5), onIdle, time, () -> { }, time::nanos)));
        try {
            Vault vault = Vault.create(dir.resolve("v" + Vault.EXTENSION), Secret.of("a long Kx9#q2 password"),
                    KdfParams.argon2id(1024, 1, 1));
            AutoCloseable hold = FxRun.fx(() -> {
                session.vaultProperty().set(vault);
                clipboard.copy(Secret.of("the-copied-secret-value"));
                return locker.hold();
            });
            time.advance(Duration.ofMinutes(6));
            assertNotNull(session.vault(), "held open while work runs");
            hold.close();
            time.advance(Duration.ofMinutes(4));
            assertNotNull(session.vault(), "the idle time counts from the end of the work");
            time.advance(Duration.ofMinutes(1));
            UiTestSupport.waitUntil("the idle lock", () -> session.vault() == null);
            assertNull(clip[0], "the copied secret was cleared");
            assertTrue(vault.isLocked());
            assertTrue(locker.noticeProperty().get().startsWith("The vault was locked after"));
        } finally {
            locker.close();
            pool.shutdownNow();
        }
    }
}
