package com.emite.setup.live;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.diagnose.Diagnoser;
import com.emite.setup.diagnose.Diagnosis;
import com.emite.setup.diagnose.DiagnosisReport;
import com.emite.setup.genesys.GenesysClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real org (read-only): every inferred choice that reading can show holds there too. */
@Tag("live")
class LiveDiagnoseTest {
    @Test
    void nothingTheOrgShowsDiffersFromOurContract() {
        GenesysClient client = LiveOrg.required().signIn();
        try {
            Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(client);
            String report = String.join("\n", DiagnosisReport.lines(d));
            System.out.println(report);
            assertTrue(d.nothingDiffers(), report);
        } finally {
            client.logout();
        }
    }
}
