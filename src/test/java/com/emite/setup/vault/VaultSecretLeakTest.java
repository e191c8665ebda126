package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.SaveHook.SaveStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static com.emite.setup.vault.VaultTestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Secrets never appear in toString(), log records, exception messages or stack traces, nor in plain text in the
 * files: a whole session is run with every log level on, and everything it printed is scanned.
 */
class VaultSecretLeakTest {
    private static final Logger VAULT_LOG = Logger.getLogger("com.emite.setup.vault");
    private static final String NEW_PASSWORD = "N3W-master-passphrase-xyzzy-4242";

    @TempDir
    Path dir;

    private final List<String> printed = new ArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter fmt = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            printed.add(fmt.format(r));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = VAULT_LOG.getLevel();
        VAULT_LOG.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        VAULT_LOG.addHandler(capture);
    }

    @AfterEach
    void release() {
        VAULT_LOG.removeHandler(capture);
        VAULT_LOG.setLevel(previousLevel);
    }

    private void print(Object o) {
        printed.add(String.valueOf(o));
    }

    private void print(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        printed.add(sw.toString());
        printed.add(t.getMessage());
        printed.add(t.toString());
        if (t instanceof VaultException ve) {
            printed.add(ve.detail());
        }
    }

    @Test
    void aWholeSessionPrintsNoSecret() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        Vault v = createFilled(f, CHEAP);
        print(v);
        print(v.contents());
        for (OrgRecord o : v.contents().orgs()) {
            print(o);
            o.clients().forEach(this::print);
            print(o.adminClient());
            print(o.adminClient().orElseThrow());
        }
        print(v.kdfParams());
        v.save();
        v.lock();
        print(v);
        v.unlock(pw());
        print(VaultFormat.unseal(Files.readAllBytes(f), pw()).keys());

        // Failures of every kind, with their stack traces.
        try {
            Vault.open(f, pw());
        } catch (VaultException e) {
            print(e);
        }
        v.setSaveHook(step -> {
            if (step == SaveStep.TEMP_WRITTEN) {
                throw new IOException("No space left on device");
            }
        });
        print(assertThrows(VaultException.class, v::save));
        v.setSaveHook(null);
        v.changePassword(Secret.of(NEW_PASSWORD));
        v.close();
        print(v);
        print(assertThrows(VaultException.class, () -> Vault.open(f, pw())));
        byte[] bytes = Files.readAllBytes(f);
        byte[] damaged = bytes.clone();
        damaged[damaged.length - 1] ^= 1;
        Files.write(f, damaged);
        print(assertThrows(VaultException.class, () -> Vault.open(f, Secret.of(NEW_PASSWORD))));
        Vault restored = Vault.restoreBackup(f, Secret.of(NEW_PASSWORD));
        print(restored);
        restored.close();

        // The decrypted body is JSON that is not a vault body: the parser's message must not be passed on.
        VaultFormat.Keys keys = VaultFormat.newKeys(pw(), CHEAP);
        Files.write(f, VaultFormat.seal(keys, ("{\"format\":1,\"orgs\":[{\"orgId\":\"o\",\"clients\":[{\"name\":\"n\","
                + "\"clientId\":\"c\",\"secret\":\"" + CLIENT_SECRET + "\",\"createdAt\":\"" + ADMIN_SECRET
                + "\"}]}]}").getBytes(StandardCharsets.UTF_8)));
        print(assertThrows(VaultException.class, () -> Vault.open(f, pw())));
        Files.write(f, VaultFormat.seal(keys, ("not json " + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
        print(assertThrows(VaultException.class, () -> Vault.open(f, pw())));

        // The clipboard helper and the idle lock.
        FakeClipboard board = new FakeClipboard();
        ManualTicker ticker = new ManualTicker();
        List<String> events = new ArrayList<>();
        SecretClipboard clip = new SecretClipboard(board, Duration.ofSeconds(3), ticker);
        clip.addListener(new SecretClipboard.Listener() {
            @Override
            public void countdown(int secondsLeft) {
                events.add("countdown " + secondsLeft);
            }

            @Override
            public void cleared(SecretClipboard.ClearReason reason) {
                events.add("cleared " + reason);
            }
        });
        clip.copy(Secret.of(CLIENT_SECRET));
        print(clip);
        ticker.advance(5);
        printed.addAll(events);
        printed.addAll(board.log());
        print(new IdleLock(Duration.ofMinutes(5), () -> { }));

        assertTrue(printed.size() > 30, "scanned " + printed.size() + " texts");
        assertTrue(printed.stream().anyMatch(s -> s.contains("VAULT-")), "the logs and messages were captured");
        List<String> secrets = new ArrayList<>(ALL_SECRETS);
        secrets.add(NEW_PASSWORD);
        for (String text : printed) {
            for (String secret : secrets) {
                assertFalse(text != null && text.contains(secret), "a secret was printed: " + text);
            }
        }
        System.out.printf("[vault-fault] secret scan: %d texts (toString, log records at ALL, messages, stack "
                + "traces, clipboard events) contain none of %d secrets%n", printed.size(), secrets.size());
    }

    @Test
    void theFilesHoldNoSecretInPlainText() throws Exception {
        Path f = dir.resolve("v" + Vault.EXTENSION);
        try (Vault v = createFilled(f, CHEAP)) {
            v.save();
        }
        for (Path p : listFolder(dir)) {
            byte[] bytes = Files.readAllBytes(p);
            for (String secret : ALL_SECRETS) {
                for (java.nio.charset.Charset cs : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16LE,
                        StandardCharsets.UTF_16BE)) {
                    assertEquals(-1, indexOf(bytes, secret.getBytes(cs)), p + " holds a secret in " + cs);
                }
            }
            // Not even the org's names: the whole body is encrypted.
            assertEquals(-1, indexOf(bytes, "acme".getBytes(StandardCharsets.UTF_8)), p.toString());
            assertEquals(-1, indexOf(bytes, "eMite Analytics".getBytes(StandardCharsets.UTF_8)), p.toString());
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
