package com.emite.setup.vault;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A periodic timer whose ticks are delivered on a chosen thread. The desktop app delivers on the FX thread
 * ({@code Ticker.scheduled(executor, Platform::runLater)}), so that {@link SecretClipboard} touches the JavaFX
 * clipboard and its listeners only there; tests advance a manual ticker by hand.
 */
@FunctionalInterface
public interface Ticker {
    /** Runs {@code task} every {@code period}, the first time one period from now, until cancelled. */
    Cancellable every(Duration period, Runnable task);

    /** A running repetition. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** Ticks from {@code scheduler}, each delivered through {@code deliverOn}. */
    static Ticker scheduled(ScheduledExecutorService scheduler, Executor deliverOn) {
        return (period, task) -> {
            long ms = period.toMillis();
            ScheduledFuture<?> f = scheduler.scheduleAtFixedRate(() -> deliverOn.execute(task), ms, ms,
                    TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        };
    }
}
