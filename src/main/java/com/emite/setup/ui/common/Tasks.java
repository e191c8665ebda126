package com.emite.setup.ui.common;

import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;

import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Builds background {@link Task}s the way the whole UI uses them (after Cryptomator's {@code Tasks}): the work runs on
 * an injected executor; {@code onSuccess}, the {@code onError} handlers, {@code onProblem} and {@code andFinally} run
 * on the FX thread. An error goes to the first {@code onError} handler whose type matches, else to
 * {@code onProblem} with the failure already in plain words ({@link Problems#of(Throwable)}).
 *
 * <pre>{@code
 * Tasks.create(p -> service.signIn(...))
 *      .onSuccess(connection -> ...)
 *      .onError(VaultException.class, e -> ...)
 *      .onProblem(problem::set)
 *      .andFinally(() -> busy.set(false))
 *      .runOn(executor);
 * }</pre>
 */
public final class Tasks {
    private static final Logger LOG = Logger.getLogger(Tasks.class.getName());

    private Tasks() {
    }

    /** Work that returns a value; it may report progress through {@code progress}. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress) throws Exception;
    }

    /** Work without a value. */
    @FunctionalInterface
    public interface VoidWork {
        void run(Progress progress) throws Exception;
    }

    /** What running work may tell the UI; safe from any thread. */
    public interface Progress {
        /** A short sentence for the admin ("Reading groups"). */
        void message(String text);

        /** {@code done} of {@code total}; a negative total means "unknown". */
        void progress(double done, double total);

        /** True once the task was cancelled. */
        boolean isCancelled();
    }

    public static <T> Builder<T> create(Work<T> work) {
        return new Builder<>(work);
    }

    public static Builder<Void> createVoid(VoidWork work) {
        Objects.requireNonNull(work, "work");
        return new Builder<>(p -> {
            work.run(p);
            return null;
        });
    }

    /** Collects the handlers, then builds or runs the task. */
    public static final class Builder<T> {
        private final Work<T> work;
        private Consumer<? super T> onSuccess = v -> {
        };
        private final List<ErrorHandler<?>> errorHandlers = new ArrayList<>();
        private Consumer<Problem> onProblem = p -> LOG.log(Level.WARNING, "Unhandled problem {0}: {1}",
                new Object[]{p.code(), p.details()});
        private Runnable onCancelled = () -> {
        };
        private Runnable andFinally = () -> {
        };

        private Builder(Work<T> work) {
            this.work = Objects.requireNonNull(work, "work");
        }

        public Builder<T> onSuccess(Consumer<? super T> handler) {
            this.onSuccess = Objects.requireNonNull(handler);
            return this;
        }

        /** Handles failures of type {@code type} (the first matching handler wins, in the order added). */
        public <E extends Throwable> Builder<T> onError(Class<E> type, Consumer<? super E> handler) {
            errorHandlers.add(new ErrorHandler<>(type, handler));
            return this;
        }

        /** Every failure no {@code onError} handler took, in plain words. */
        public Builder<T> onProblem(Consumer<Problem> handler) {
            this.onProblem = Objects.requireNonNull(handler);
            return this;
        }

        public Builder<T> onCancelled(Runnable handler) {
            this.onCancelled = Objects.requireNonNull(handler);
            return this;
        }

        /** Runs after success, failure or cancellation. */
        public Builder<T> andFinally(Runnable handler) {
            this.andFinally = Objects.requireNonNull(handler);
            return this;
        }

        public Task<T> build() {
            return new UiTask<>(this);
        }

        /** Builds the task and hands it to {@code executor}. */
        public Task<T> runOn(Executor executor) {
            Task<T> task = build();
            executor.execute(task);
            return task;
        }

        void fail(Throwable failure) {
            Throwable e = Problems.unwrap(failure);
            for (ErrorHandler<?> h : errorHandlers) {
                if (h.type.isInstance(e)) {
                    h.accept(e);
                    return;
                }
            }
            LOG.log(Level.FINE, "Task failed", e);
            onProblem.accept(Problems.of(e));
        }
    }

    private record ErrorHandler<E extends Throwable>(Class<E> type, Consumer<? super E> handler) {
        void accept(Throwable e) {
            handler.accept(type.cast(e));
        }
    }

    private static final class UiTask<T> extends Task<T> implements Progress {
        private final Builder<T> b;

        UiTask(Builder<T> b) {
            this.b = b;
        }

        @Override
        protected T call() throws Exception {
            return b.work.run(this);
        }

        @Override
        public void message(String text) {
            updateMessage(text);
        }

        @Override
        public void progress(double done, double total) {
            updateProgress(total < 0 ? -1 : done, total < 0 ? -1 : total);
        }

        @Override
        protected void succeeded() {
            try {
                b.onSuccess.accept(getValue());
            } catch (RuntimeException e) {
                b.fail(e);
            } finally {
                b.andFinally.run();
            }
        }

        @Override
        protected void failed() {
            try {
                b.fail(getException());
            } finally {
                b.andFinally.run();
            }
        }

        @Override
        protected void cancelled() {
            try {
                b.onCancelled.run();
            } finally {
                b.andFinally.run();
            }
        }
    }
}
