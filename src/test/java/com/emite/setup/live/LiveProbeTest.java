package com.emite.setup.live;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.diagnose.Diagnoser;
import com.emite.setup.diagnose.Diagnosis;
import com.emite.setup.diagnose.DiagnosisReport;
import com.emite.setup.genesys.GenesysClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the live org, with probes (diagnose --probe): every inferred choice a write can show is observed, nothing
 * differs, and everything the probes made is removed.
 */
@Tag("live")
class LiveProbeTest {
    @TempDir
    Path journals;

    @Test
    void nothingTheProbesSeeDiffersAndTheyLeaveNothingBehind() {
        GenesysClient client = LiveOrg.required().signIn();
        try {
            Diagnosis d = new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(client, journals);
            String report = String.join("\n", DiagnosisReport.lines(d));
            System.out.println(report);
            assertTrue(d.probe().clean(), report);
            assertTrue(d.nothingDiffers(), report);
        } finally {
            client.logout();
        }
    }
}
