package com.emite.setup.provision;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one step of an apply within an overall deadline (its requests, retries and waits): past it, the request in
 * flight or the wait is interrupted and the step fails with a plain message; the journal is then saved as for any
 * failure.
 */
final class StepDeadline {
    /** Ends steps that passed their deadline (one daemon thread for every executor). */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "emite-step-deadline");
        t.setDaemon(true);
        return t;
    });

    private StepDeadline() {
    }

    /** Runs {@code work} on the calling thread, interrupting it after {@code limit}. */
    static String run(PlanItem item, Duration limit, Supplier<String> work) {
        Thread worker = Thread.currentThread();
        Object lock = new Object();
        boolean[] done = {false};
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            synchronized (lock) {
                if (!done[0]) {
                    late.set(true);
                    worker.interrupt();
                }
            }
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            String outcome = work.get();
            if (late.get()) {
                throw new ProvisionException(tooLong(item, limit));
            }
            return outcome;
        } catch (RuntimeException e) {
            if (late.get()) {
                throw new ProvisionException(tooLong(item, limit), e);
            }
            throw e;
        } finally {
            synchronized (lock) {
                done[0] = true;
            }
            watchdog.cancel(false);
            if (late.get()) {
                Thread.interrupted(); // the interrupt was ours: the journal save that follows must not see it
            }
        }
    }

    private static String tooLong(PlanItem item, Duration limit) {
        return "The step \"" + item.kind().label() + " " + item.target() + "\" did not finish within "
                + limit.toSeconds() + " s: Genesys Cloud answered too slowly. What was done is saved; run apply "
                + "again later, and it continues from here.";
    }
}
