package com.emite.setup.genesys;

import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import com.emite.setup.sandbox.SandboxFaults;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A secret reset whose answer is lost is not repeated by the client: a repeat's secret would be killed if the first
 * reset were done after it, and that is the secret we would have saved. The engine waits out the late-write window
 * and resets again instead.
 */
class SecretResetNotRepeatedTest extends SandboxClientTest {
    private static final String RESET_ROUTE = "POST /api/v2/oauth/clients/{clientId}/secret";

    @Test
    void aResetWithNoAnswerIsReportedUnknownAndSentOnce() {
        OAuthClient created = admin.createOAuthClient(OAuthClientRequest.clientCredentials(unique("emite_APIdata"),
                null, 86400, List.of()));
        long before = sb.stats().count(RESET_ROUTE);

        sb.faults(SandboxFaults.loseAnswers(1));
        assertThrows(OutcomeUnknownException.class, () -> admin.resetOAuthClientSecret(created.id()));
        assertEquals(before + 1, sb.stats().count(RESET_ROUTE), "sent once, not repeated");

        OAuthClient again = admin.resetOAuthClientSecret(created.id());
        GenesysClient withNew = GenesysClient.forSingleBase(sb.baseUrl());
        withNew.signInWithClientCredentials(created.id(), again.secret());
    }
}
