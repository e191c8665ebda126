package com.emite.setup.ui.plan;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SetupService;
import com.emite.setup.app.SignInService;
import com.emite.setup.ui.UiTestSupport;
import com.emite.setup.ui.common.UiExecutors;
import com.emite.setup.ui.session.Session;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plan view model with the synchronous task runner: no FX thread, no waiting. Check my org returns with the plan
 * shown; choices that cannot be planned disable the check with their reason.
 */
class PlanViewModelInPlaceTest {
    @TempDir
    Path dataDir;
    private Connection connection;

    @AfterEach
    void close() {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void checkReturnsWithThePlanOnTheCallingThread() {
        Session session = new Session(dataDir);
        PlanViewModel plan = new PlanViewModel(session, new SetupService(dataDir), UiExecutors.synchronous(),
                () -> { });
        assertEquals("Sign in on the Organization tab first.", plan.checkReasonProperty().get());

        connection = new SignInService(UiTestSupport.FAST_SANDBOX).demo();
        session.connectionProperty().set(connection);
        assertEquals("", plan.checkReasonProperty().get());
        Thread caller = Thread.currentThread();
        boolean[] handledHere = {false};
        plan.planProperty().addListener((obs, old, p) -> handledHere[0] = Thread.currentThread() == caller
                && !Platform.isFxApplicationThread());

        plan.checkOrg();

        assertNotNull(plan.planProperty().get(), () -> String.valueOf(plan.problemProperty().get()));
        assertTrue(handledHere[0], "the success handler ran on the calling thread, not the FX thread");
        assertFalse(plan.checkingProperty().get());
        assertEquals(41, plan.permissions().size());
        assertEquals(4, plan.divisions().size());
        assertTrue(plan.applyLabelProperty().get().matches("Apply \\d+ changes"), plan.applyLabelProperty().get());

        plan.allDivisionsProperty().set(false);
        plan.divisions().forEach(d -> d.chosenProperty().set(false));
        assertTrue(plan.checkReasonProperty().get().startsWith("Tick at least one division"));
        assertTrue(plan.staleProperty().get(), "the shown plan is out of date");
        plan.leftOutRows().add(plan.permissions().get(0).row());
        plan.divisions().get(0).chosenProperty().set(true);
        assertEquals(java.util.Set.of(plan.permissions().get(0).row()), plan.choices().leftOut());
    }
}
