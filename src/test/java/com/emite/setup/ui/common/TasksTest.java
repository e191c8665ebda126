package com.emite.setup.ui.common;

import com.emite.setup.app.Problem;

import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.MissingPermissionException;
import com.emite.setup.ui.FxRun;
import javafx.concurrent.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task helper with the same-thread executor on the FX thread: every handler runs at once, in order. */
class TasksTest {
    private final Executor sameThread = UiExecutors.sameThread();
    private final List<String> calls = new ArrayList<>();

    @BeforeAll
    static void toolkit() {
        FxRun.toolkit();
    }

    @Test
    void successRunsOnSuccessThenFinally() {
        FxRun.fx(() -> {
            Tasks.create(p -> {
                        p.message("working");
                        return 42;
                    })
                    .onSuccess(v -> calls.add("success " + v))
                    .onProblem(p -> calls.add("problem"))
                    .andFinally(() -> calls.add("finally"))
                    .runOn(sameThread);
        });
        assertEquals(List.of("success 42", "finally"), calls);
    }

    @Test
    void theFirstMatchingErrorHandlerWins() {
        FxRun.fx(() -> {
            Tasks.createVoid(p -> {
                        throw new MissingPermissionException(403, "missing.permissions", "ctx", "no",
                                "Your account lacks the permission oauth:client:add.", null, List.of());
                    })
                    .onError(IOException.class, e -> calls.add("io"))
                    .onError(GenesysApiException.class, e -> calls.add("genesys " + e.kind()))
                    .onError(RuntimeException.class, e -> calls.add("runtime"))
                    .onProblem(p -> calls.add("problem"))
                    .andFinally(() -> calls.add("finally"))
                    .runOn(sameThread);
        });
        assertEquals(List.of("genesys MISSING_PERMISSION", "finally"), calls);
    }

    @Test
    void anUnhandledFailureArrivesInPlainWordsWithoutWrappers() {
        List<Problem> problems = new ArrayList<>();
        FxRun.fx(() -> {
            Tasks.createVoid(p -> {
                        throw new ExecutionException(new IllegalStateException("boom"));
                    })
                    .onError(ExecutionException.class, e -> calls.add("wrapper seen"))
                    .onProblem(problems::add)
                    .runOn(sameThread);
        });
        assertTrue(calls.isEmpty(), "handlers see the cause, not the wrapper");
        assertEquals(1, problems.size());
        assertEquals("APP-99", problems.get(0).code());
        assertTrue(problems.get(0).details().contains("java.lang.IllegalStateException: boom"));
    }

    @Test
    void aFailingSuccessHandlerBecomesAProblem() {
        List<Problem> problems = new ArrayList<>();
        FxRun.fx(() -> {
            Tasks.create(p -> "x")
                    .onSuccess(v -> {
                        throw new IllegalArgumentException("That address cannot be used.");
                    })
                    .onProblem(problems::add)
                    .andFinally(() -> calls.add("finally"))
                    .runOn(sameThread);
        });
        assertEquals("INPUT-01", problems.get(0).code());
        assertEquals("That address cannot be used.", problems.get(0).message());
        assertEquals(List.of("finally"), calls);
    }

    @Test
    void progressAndMessageReachTheTask() {
        List<Object> seen = FxRun.fx(() -> {
            Task<Integer> task = Tasks.create(p -> {
                p.progress(3, 4);
                p.message("three of four");
                return 1;
            }).runOn(sameThread);
            return List.<Object>of(task.getProgress(), task.getMessage());
        });
        assertEquals(List.of(0.75, "three of four"), seen);
    }

    @Test
    void onABackgroundThreadTheHandlersStillRunOnTheFxThread() throws Exception {
        var pool = UiExecutors.background();
        try {
            List<Boolean> onFx = new ArrayList<>();
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            FxRun.fx(() -> {
                Tasks.create(p -> javafx.application.Platform.isFxApplicationThread())
                        .onSuccess(workOnFx -> {
                            onFx.add(workOnFx);
                            onFx.add(javafx.application.Platform.isFxApplicationThread());
                        })
                        .andFinally(done::countDown)
                        .runOn(pool);
            });
            assertTrue(done.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(List.of(false, true), onFx, "work off the FX thread, handlers on it");
        } finally {
            pool.shutdownNow();
        }
    }
}
