package com.emite.setup.vault;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.SecretClipboard.ClearReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

class SecretClipboardTest {
    private final Secret secret = Secret.of("client-secret-value-0123456789");
    private FakeClipboard board;
    private ManualTicker ticker;
    private SecretClipboard clip;
    private final List<String> events = new ArrayList<>();

    @BeforeEach
    void setUp() {
        board = new FakeClipboard();
        ticker = new ManualTicker();
        clip = new SecretClipboard(board, SecretClipboard.DEFAULT_CLEAR_AFTER, ticker);
        clip.addListener(new SecretClipboard.Listener() {
            @Override
            public void countdown(int secondsLeft) {
                events.add(String.valueOf(secondsLeft));
            }

            @Override
            public void cleared(ClearReason reason) {
                events.add(reason.name());
            }
        });
    }

    @Test
    void copiesWithSensitiveHintsAndClearsAfter30Seconds() {
        clip.copy(secret);
        assertEquals(secret.reveal(), board.getText());
        assertEquals(SecretClipboard.SENSITIVE_HINTS, board.hints());
        assertTrue(board.hints().stream().anyMatch(h -> h.format().equals("x-kde-passwordManagerHint")
                && new String(h.data()).equals("secret")));
        assertTrue(board.hints().stream().anyMatch(h -> h.format().equals("CanIncludeInClipboardHistory")
                && h.data().length == 4 && h.data()[0] == 0));
        assertTrue(board.hints().stream().anyMatch(h -> h.format().equals("ExcludeClipboardContentFromMonitorProcessing")));
        assertTrue(clip.isPending());
        assertEquals(30, clip.secondsLeft());
        assertEquals(List.of("30"), events);

        ticker.advance(29);
        assertEquals(secret.reveal(), board.getText(), "still there at 29 s");
        assertEquals(1, clip.secondsLeft());
        assertEquals("1", events.get(events.size() - 1));
        ticker.advance(1);
        assertNull(board.getText());
        assertFalse(clip.isPending());
        assertEquals(0, clip.secondsLeft());
        assertEquals("TIMEOUT", events.get(events.size() - 1));
        assertEquals(31, events.size(), "30..1 then TIMEOUT: " + events);
        assertEquals(0, ticker.live(), "timer stopped");
    }

    @Test
    void leavesTheClipboardAloneIfTheAdminCopiedSomethingElse() {
        clip.copy(secret);
        ticker.advance(10);
        board.userCopies("something the admin copied");
        ticker.advance(20);
        assertEquals("something the admin copied", board.getText());
        assertEquals("NOT_OURS_ANY_MORE", events.get(events.size() - 1));
        assertFalse(board.log().contains("clear"));
    }

    @Test
    void clearsOnLockAndExitAndByHand() {
        clip.copy(secret);
        clip.onLock();
        assertNull(board.getText());
        assertEquals("LOCK", events.get(events.size() - 1));

        clip.copy(secret);
        clip.clearNow();
        assertNull(board.getText());
        assertEquals("MANUAL", events.get(events.size() - 1));

        clip.copy(secret);
        clip.close();
        assertNull(board.getText());
        assertEquals("EXIT", events.get(events.size() - 1));
        assertEquals(0, ticker.live());

        // Nothing pending: lock and exit do not touch the clipboard.
        board.userCopies("unrelated");
        clip.onLock();
        clip.close();
        assertEquals("unrelated", board.getText());
    }

    @Test
    void aNewCopyRestartsTheCountdownAndPlainTextStopsIt() {
        clip.setClearAfter(Duration.ofSeconds(5));
        clip.copy(secret);
        ticker.advance(3);
        Secret other = Secret.of("another-secret-value-9876543210");
        clip.copy(other);
        assertEquals(5, clip.secondsLeft());
        ticker.advance(4);
        assertEquals(other.reveal(), board.getText());
        ticker.advance(1);
        assertNull(board.getText());
        assertEquals(0, ticker.live());

        clip.copy(secret);
        clip.copyText("c1d2e3f4-client-id");
        assertEquals("c1d2e3f4-client-id", board.getText());
        assertTrue(board.hints().isEmpty(), "plain values carry no hints");
        assertFalse(clip.isPending());
        ticker.advance(10);
        assertEquals("c1d2e3f4-client-id", board.getText(), "plain values are not cleared");
    }

    @Test
    void realTimerClearsOnItsOwnThread() throws Exception {
        FakeClipboard real = new FakeClipboard();
        CountDownLatch cleared = new CountDownLatch(1);
        try (SecretClipboard c = new SecretClipboard(real)) {
            c.setClearAfter(Duration.ofSeconds(1));
            c.addListener(new SecretClipboard.Listener() {
                @Override
                public void countdown(int secondsLeft) {
                }

                @Override
                public void cleared(ClearReason reason) {
                    cleared.countDown();
                }
            });
            c.copy(secret);
            assertTrue(cleared.await(10, TimeUnit.SECONDS));
            assertNull(real.getText());
        }
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> clip.setClearAfter(Duration.ZERO));
        assertFalse(clip.toString().contains(secret.reveal()));
    }
}
