package com.emite.setup.diagnose;

import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.ProbeCalls;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Signs in as the probe's own client-credentials client (made with no role) and looks at what only such a token
 * shows: the token type, {@code subjects/me} and {@code /users/me} for a client token, and which permission the org
 * names when a token without any refuses reading users or adding a group member. The secret lives in memory only,
 * for this one sign-in; the client is deleted by the cleanup.
 */
final class ProbeClientSignIn {
    /** A client made a moment ago may not sign in at once on a real org: a few tries, a few seconds apart. */
    private static final int SIGN_IN_TRIES = 5;
    private static final long SIGN_IN_PAUSE_MS = 2_000;

    /** Records an observation for an entry: held or differs. */
    @FunctionalInterface
    interface Observed {
        void put(String entry, boolean held, String detail);
    }

    private final GenesysClient admin;
    private final String groupId;
    private final int groupVersion;
    private final String memberId;
    private final Observed observed;
    private final BiConsumer<String, String> cannotTell;
    private long requests;

    ProbeClientSignIn(GenesysClient admin, String groupId, int groupVersion, String memberId,
                      Observed observed, BiConsumer<String, String> cannotTell) {
        this.admin = admin;
        this.groupId = groupId;
        this.groupVersion = groupVersion;
        this.memberId = memberId;
        this.observed = observed;
        this.cannotTell = cannotTell;
    }

    /** Requests sent as the probe client (token requests included): they count in what a probe run costs. */
    long requests() {
        return requests;
    }

    void look(String clientId, Secret secret) {
        GenesysClient probe = GenesysClient.builder(admin.apiBase().toString(), admin.loginBase().toString()).build();
        try {
            lookAs(probe, clientId, secret);
        } finally {
            requests = probe.stats().snapshot().calls() + probe.stats().snapshot().tokenCalls();
        }
    }

    private void lookAs(GenesysClient probe, String clientId, Secret secret) {
        ProbeCalls calls = new ProbeCalls(probe);
        String type = null;
        for (int i = 1; type == null; i++) {
            try {
                type = calls.tokenType(clientId, secret);
            } catch (GenesysApiException e) {
                if (e.status() == 0 || i == SIGN_IN_TRIES) {
                    for (String entry : new String[]{"TOKEN_TYPE", "SUBJECTS_ME_FOR_CLIENT_CREDENTIALS",
                            "STATUS_USERS_ME_WITHOUT_USER", "CODE_USERS_ME_WITHOUT_USER", "PERMISSION_USERS_READ",
                            "PERMISSION_GROUP_MEMBERS"}) {
                        cannotTell.accept(entry, "the probe client could not sign in (" + ContractChecks.status(e)
                                + ")");
                    }
                    return;
                }
                pause();
            }
        }
        observed.put("TOKEN_TYPE", ApiContract.TOKEN_TYPE.equals(type), "token_type is \"" + type + "\"");
        probe.signInWithClientCredentials(clientId, secret);
        try {
            ProbeCalls.Answer me = calls.get("authorization/subjects/me", Map.of());
            observed.put("SUBJECTS_ME_FOR_CLIENT_CREDENTIALS",
                    me.ok() == ApiContract.SUBJECTS_ME_FOR_CLIENT_CREDENTIALS,
                    "subjects/me " + (me.ok() ? "answered the probe client's token" : "answered " + me.said()));
            ProbeCalls.Answer user = calls.get("users/me", Map.of());
            observed.put("STATUS_USERS_ME_WITHOUT_USER", user.status() == ApiContract.STATUS_USERS_ME_WITHOUT_USER,
                    "/users/me answered the probe client " + user.said());
            observed.put("CODE_USERS_ME_WITHOUT_USER", ApiContract.CODE_USERS_ME_WITHOUT_USER.equals(user.code()),
                    "/users/me answered the probe client " + user.said());
            ProbeCalls.Answer users = calls.get("users", Map.of("pageSize", "1"));
            refusalNames("PERMISSION_USERS_READ", ApiContract.PERMISSION_USERS_READ, users, "reading users");
            if (groupId != null && memberId != null) {
                JsonObject add = new JsonObject();
                JsonArray ids = new JsonArray();
                ids.add(memberId);
                add.add("memberIds", ids);
                add.addProperty("version", groupVersion);
                ProbeCalls.Answer member = calls.write("POST", "groups/" + groupId + "/members", Map.of(), add);
                refusalNames("PERMISSION_GROUP_MEMBERS", ApiContract.PERMISSION_GROUP_MEMBERS, member,
                        "adding a member to a group it does not own");
            }
        } finally {
            probe.logout();
        }
    }

    /** Held when a token without roles is refused and the refusal names the permission we demand. */
    private void refusalNames(String entry, String permission, ProbeCalls.Answer a, String what) {
        if (a.ok()) {
            observed.put(entry, false, "a token without roles was allowed " + what);
            return;
        }
        boolean named = a.message() != null && a.message().contains(permission);
        observed.put(entry, named, "a token without roles was refused " + what + " with " + a.said()
                + (named ? " naming " + permission : ", not naming " + permission));
    }

    private static void pause() {
        try {
            Thread.sleep(SIGN_IN_PAUSE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while waiting for the probe client", e);
        }
    }
}
