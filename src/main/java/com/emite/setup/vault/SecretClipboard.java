package com.emite.setup.vault;

import com.emite.setup.common.Secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Copying secrets with clipboard hygiene: a copied secret is cleared after {@link #DEFAULT_CLEAR_AFTER} (or the
 * configured time) and on lock and exit, but only if the clipboard still holds our value (if the admin has since
 * copied something else, that is left alone). Listeners get a countdown every second for a visible "Clearing in
 * 23 s", and the reason when it ends.
 *
 * <p>Copied secrets carry {@link #SENSITIVE_HINTS}, the formats by which clipboard managers and clipboard history
 * know to skip them. To compare without keeping the secret, only a salted SHA-256 of the copied text is kept.
 *
 * <p>Threading: call from one thread (the FX thread in the app) and give a {@link Ticker} that delivers there.
 * Methods are synchronized, so a wrong thread is at worst a JavaFX error, never a race here.
 */
public final class SecretClipboard implements AutoCloseable {
    public static final Duration DEFAULT_CLEAR_AFTER = Duration.ofSeconds(30);

    /**
     * Extra formats put beside a copied secret, following each platform's convention:
     * <ul>
     * <li>Windows ({@code learn.microsoft.com}, "Clipboard formats"): {@code ExcludeClipboardContentFromMonitorProcessing}
     *     (any content; tells clipboard monitors to ignore it), {@code CanIncludeInClipboardHistory} = DWORD 0 (keeps
     *     it out of Win+V history) and {@code CanUploadToCloudClipboard} = DWORD 0 (no cloud sync).</li>
     * <li>KDE Plasma's Klipper (X11 and Wayland): MIME type {@code x-kde-passwordManagerHint} = "secret"
     *     (the same KeePassXC sets).</li>
     * <li>macOS (nspasteboard.org convention, honoured by most clipboard managers):
     *     {@code org.nspasteboard.ConcealedType}.</li>
     * </ul>
     * GNOME has no such convention; there, only the timed clearing helps.
     */
    public static final List<ClipboardPort.Hint> SENSITIVE_HINTS = List.of(
            new ClipboardPort.Hint("ExcludeClipboardContentFromMonitorProcessing", "windows", new byte[]{0}),
            new ClipboardPort.Hint("CanIncludeInClipboardHistory", "windows", new byte[]{0, 0, 0, 0}),
            new ClipboardPort.Hint("CanUploadToCloudClipboard", "windows", new byte[]{0, 0, 0, 0}),
            new ClipboardPort.Hint("x-kde-passwordManagerHint", "linux",
                    "secret".getBytes(StandardCharsets.US_ASCII)),
            new ClipboardPort.Hint("org.nspasteboard.ConcealedType", "mac", new byte[0]));

    /** Why a countdown ended. */
    public enum ClearReason {
        /** The time ran out and the clipboard was cleared. */
        TIMEOUT,
        /** The vault was locked (idle or by hand) and the clipboard was cleared. */
        LOCK,
        /** The app is closing and the clipboard was cleared. */
        EXIT,
        /** Cleared by request ("Clear clipboard" button). */
        MANUAL,
        /** The clipboard no longer held our secret (the admin copied something else): it was left alone. */
        NOT_OURS_ANY_MORE
    }

    /** Countdown observer; called on the ticker's delivery thread or the caller's thread. */
    public interface Listener {
        /** Seconds left before the copied secret is cleared; first called at copy time. */
        void countdown(int secondsLeft);

        /** The countdown ended. */
        void cleared(ClearReason reason);
    }

    private final ClipboardPort port;
    private final Ticker ticker;
    private final ScheduledExecutorService ownScheduler;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final byte[] salt = VaultFormat.random(16);
    private Duration clearAfter;

    private byte[] copiedDigest;          // null when nothing of ours is pending
    private int secondsLeft;
    private Ticker.Cancellable running;
    private long generation;              // ignores a tick queued by a countdown that has since been replaced

    /** Clears after 30 s; ticks on a private daemon thread (fine for tests and the CLI; the UI passes its own). */
    public SecretClipboard(ClipboardPort port) {
        this(port, DEFAULT_CLEAR_AFTER, null);
    }

    public SecretClipboard(ClipboardPort port, Duration clearAfter, Ticker ticker) {
        this.port = Objects.requireNonNull(port, "port");
        setClearAfter(clearAfter);
        if (ticker == null) {
            ownScheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "clipboard-clear");
                t.setDaemon(true);
                return t;
            });
            this.ticker = Ticker.scheduled(ownScheduler, Runnable::run);
        } else {
            ownScheduler = null;
            this.ticker = ticker;
        }
    }

    public synchronized void setClearAfter(Duration clearAfter) {
        Objects.requireNonNull(clearAfter, "clearAfter");
        if (clearAfter.isNegative() || clearAfter.isZero()) {
            throw new IllegalArgumentException("clearAfter must be positive");
        }
        this.clearAfter = clearAfter;
    }

    public void addListener(Listener l) {
        listeners.add(Objects.requireNonNull(l));
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Copies {@code secret} with the sensitive-content hints and starts the countdown (restarting any running). */
    public synchronized void copy(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        stopCountdown();
        String text = secret.reveal();
        port.putText(text, SENSITIVE_HINTS);
        copiedDigest = digest(text);
        secondsLeft = (int) Math.max(1, (clearAfter.toMillis() + 999) / 1000);
        long gen = ++generation;
        running = ticker.every(Duration.ofSeconds(1), () -> tick(gen));
        fireCountdown(secondsLeft);
    }

    /** Copies a value that is not secret (a client id, the redirect URL): no hints, no clearing. */
    public synchronized void copyText(String text) {
        Objects.requireNonNull(text, "text");
        boolean hadPending = copiedDigest != null;
        stopCountdown();
        copiedDigest = null;
        port.putText(text, List.of());
        if (hadPending) {
            fireCleared(ClearReason.NOT_OURS_ANY_MORE);
        }
    }

    /** Clears now ("Clear clipboard"), if it still holds our secret. */
    public void clearNow() {
        clearIfOurs(ClearReason.MANUAL);
    }

    /** To call when the vault locks. */
    public void onLock() {
        clearIfOurs(ClearReason.LOCK);
    }

    /** To call when the app exits (the FX {@code stop()}); also stops the private timer thread, if any. */
    @Override
    public void close() {
        clearIfOurs(ClearReason.EXIT);
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    /** True while a copied secret is waiting to be cleared. */
    public synchronized boolean isPending() {
        return copiedDigest != null;
    }

    /** Seconds left before clearing; 0 when nothing is pending. */
    public synchronized int secondsLeft() {
        return copiedDigest == null ? 0 : secondsLeft;
    }

    private synchronized void tick(long gen) {
        if (gen != generation) {
            return;
        }
        if (copiedDigest == null) {
            stopCountdown();
            return;
        }
        secondsLeft--;
        if (secondsLeft > 0) {
            fireCountdown(secondsLeft);
        } else {
            clearIfOurs(ClearReason.TIMEOUT);
        }
    }

    private synchronized void clearIfOurs(ClearReason reason) {
        stopCountdown();
        if (copiedDigest == null) {
            return;
        }
        byte[] expected = copiedDigest;
        copiedDigest = null;
        secondsLeft = 0;
        String current = port.getText();
        if (current != null && MessageDigest.isEqual(expected, digest(current))) {
            port.clear();
            fireCleared(reason);
        } else {
            fireCleared(ClearReason.NOT_OURS_ANY_MORE);
        }
    }

    private void stopCountdown() {
        generation++;
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    private byte[] digest(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(salt);
            md.update(text.getBytes(StandardCharsets.UTF_8));
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void fireCountdown(int s) {
        for (Listener l : listeners) {
            l.countdown(s);
        }
    }

    private void fireCleared(ClearReason r) {
        for (Listener l : listeners) {
            l.cleared(r);
        }
    }

    @Override
    public synchronized String toString() {
        return "SecretClipboard[" + (copiedDigest == null ? "idle" : "clearing in " + secondsLeft + " s")
                + ", clearAfter=" + clearAfter.toSeconds() + " s]";
    }
}
