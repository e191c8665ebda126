package com.emite.setup.genesys;

import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;

import java.util.stream.Stream;

/** OAuth clients (§10). */
final class OAuthCalls {
    private final ApiRequests r;

    OAuthCalls(ApiRequests r) {
        this.r = r;
    }

    /**
     * {@code GET /api/v2/oauth/clients}. The operation takes no query parameters [SDK]: the first answer is read, and
     * a {@code nextUri}, should the API give one, is followed as given.
     */
    Stream<OAuthClient> listOAuthClients() {
        return r.followingNextUri(r.api("oauth", "clients"), OAuthClient.class, "list OAuth clients");
    }

    /** {@code GET /api/v2/oauth/clients/{id}} (no secret). 1 call. */
    OAuthClient getOAuthClient(String clientId) {
        return r.get(r.api("oauth", "clients", clientId), OAuthClient.class, "read the OAuth client " + clientId);
    }

    /**
     * {@code POST /api/v2/oauth/clients}. The answer carries the {@code secret}, the only time it is ever shown:
     * store it before doing anything else. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been created: look in {@link #listOAuthClients} first (and
     *                                 reset the secret of a found client, since its secret was lost)
     */
    OAuthClient createOAuthClient(OAuthClientRequest request) {
        return r.write("POST", r.api("oauth", "clients"), request, Transport.Repeat.CREATE, OAuthClient.class,
                "create the OAuth client '" + request.name() + "'");
    }

    /** {@code PUT /api/v2/oauth/clients/{id}}: full replacement. 1 call. */
    OAuthClient updateOAuthClient(String clientId, OAuthClientRequest request) {
        return r.write("PUT", r.api("oauth", "clients", clientId), request, Transport.Repeat.SAFE,
                OAuthClient.class, "update the OAuth client '" + request.name() + "'");
    }

    /**
     * {@code POST /api/v2/oauth/clients/{id}/secret}: a new secret (in the answer); the old one stops working. Never
     * repeated once it may have reached the org: a reset that got no answer may still be done after a quick repeat
     * and would kill the secret the repeat returned (and we saved). The engine waits out the late-write window before
     * it resets again. 1 call.
     *
     * @throws OutcomeUnknownException when it may have been done: the secret is unknown until the next reset
     */
    OAuthClient resetOAuthClientSecret(String clientId) {
        return r.write("POST", r.api("oauth", "clients", clientId, "secret"), null, Transport.Repeat.CREATE,
                OAuthClient.class, "reset the secret of the OAuth client " + clientId);
    }

    /** {@code DELETE /api/v2/oauth/clients/{id}} (set it {@code inactive} first, §10). 1 call. */
    void deleteOAuthClient(String clientId) {
        r.write("DELETE", r.api("oauth", "clients", clientId), null, Transport.Repeat.SAFE, null,
                "delete the OAuth client " + clientId);
    }
}
