package com.emite.setup.ui.vault;

import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.common.FxThread;
import com.emite.setup.ui.session.Session;
import com.emite.setup.vault.IdleLock;
import com.emite.setup.vault.SecretClipboard;
import com.emite.setup.vault.Vault;
import com.emite.setup.vault.VaultException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Locks the vault after a time without use (5 minutes by default, {@link IdleLock}) or when asked: the vault is
 * closed off the FX thread (closing saves pending changes), the copied secret is cleared from the clipboard, and the
 * session shows no vault. Work that needs the vault {@link #hold() holds} it open while it runs.
 */
public final class VaultLocker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(VaultLocker.class.getName());

    private final Session session;
    private final SecretClipboard clipboard;
    private final Executor executor;
    private final IdleLock idle;
    private final AtomicInteger holds = new AtomicInteger();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private volatile Vault current;

    public VaultLocker(Session session, SecretClipboard clipboard, Executor executor, Duration timeout) {
        this(session, clipboard, executor, onIdle -> new IdleLock(timeout, onIdle));
    }

    /** Test seam: the idle timer from the caller (a hand-driven clock instead of waiting out the timeout). */
    VaultLocker(Session session, SecretClipboard clipboard, Executor executor,
                java.util.function.Function<Runnable, IdleLock> idleLock) {
        this.session = session;
        this.clipboard = clipboard;
        this.executor = executor;
        this.idle = idleLock.apply(this::onIdle);
        session.vaultProperty().addListener((obs, old, v) -> {
            current = v;
            if (v != null) {
                notice.set("");
                idle.start();
            } else {
                idle.stop();
            }
        });
    }

    /** The admin did something (key or mouse): the idle time starts again. */
    public void activity() {
        idle.activity();
    }

    /** Keeps the vault open until the returned handle is closed (an apply in progress). */
    public AutoCloseable hold() {
        holds.incrementAndGet();
        idle.activity();
        return () -> {
            holds.decrementAndGet();
            idle.activity();
        };
    }

    /** Locks now ("Lock vault" button). */
    public void lockNow() {
        Vault v = current;
        if (v != null && holds.get() == 0) {
            executor.execute(() -> lock(v, Words.get("vault.locked")));
        }
    }

    private void onIdle() {
        Vault v = current;
        if (v == null) {
            return;
        }
        if (holds.get() > 0) {
            idle.start();
            return;
        }
        lock(v, Words.get("vault.lockedIdle", String.valueOf(idle.timeout().toMinutes())));
    }

    /** Runs off the FX thread. */
    private void lock(Vault v, String message) {
        try {
            v.close();
        } catch (VaultException e) {
            LOG.log(Level.WARNING, "Closing the vault: {0}", e.code());
        }
        FxThread.run(() -> {
            clipboard.onLock();
            if (session.vault() == v) {
                session.vaultProperty().set(null);
            }
            notice.set(message);
        });
    }

    /** Why the vault was locked last, or empty. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public void close() {
        idle.close();
    }
}
