package com.emite.setup.genesys;

import org.junit.jupiter.api.parallel.Isolated;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysTestSupport.FakeTime;
import com.emite.setup.genesys.model.OAuthClient;
import com.emite.setup.genesys.model.OAuthClientRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static com.emite.setup.genesys.GenesysTestSupport.body;
import static com.emite.setup.genesys.GenesysTestSupport.empty;
import static com.emite.setup.genesys.GenesysTestSupport.error;
import static com.emite.setup.genesys.GenesysTestSupport.json;
import static com.emite.setup.genesys.GenesysTestSupport.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every flow that handles a secret with all logging on, then proves no secret reached a log or a message. */
@Timeout(60)
@Isolated
class GenesysLogRedactionTest {
    static final String CLIENT_SECRET = "cs-SECRET-0001-aaaaaaaaaaaa";
    static final String TOKEN_A = "tokA-SECRET-0002-bbbbbbbbbb";
    static final String TOKEN_B = "tokB-SECRET-0003-cccccccccc";
    static final String NEW_CLIENT_SECRET = "ncs-SECRET-0004-dddddddddd";
    static final String RESET_SECRET = "rst-SECRET-0005-eeeeeeeeee";
    static final String LOST_SECRET = "lost-SECRET-0006-ffffffffff";
    static final String PASTED = "pasted-SECRET-0007-gggggggg";
    static final String AUTH_CODE = "code-SECRET-0008-hhhhhhhhhh";
    static final String USER_TOKEN = "user-SECRET-0009-iiiiiiiiii";
    static final String ECHOED = "echo-SECRET-0010-jjjjjjjjjj";

    private final List<LogRecord> records = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord r) {
            synchronized (records) {
                records.add(r);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private final Logger ours = Logger.getLogger("com.emite.setup.genesys");
    private final Logger okhttp = Logger.getLogger("okhttp3");
    private Level oursLevel;
    private Level okLevel;
    private Level rootLevel;
    private MockWebServer server;

    @BeforeEach
    void setUp() throws Exception {
        oursLevel = ours.getLevel();
        okLevel = okhttp.getLevel();
        rootLevel = root.getLevel();
        ours.setLevel(Level.ALL);
        okhttp.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void tearDown() {
        root.removeHandler(capture);
        ours.setLevel(oursLevel);
        okhttp.setLevel(okLevel);
        root.setLevel(rootLevel);
        server.close();
    }

    private void expectFailure(Runnable r) {
        GenesysApiException e = assertThrows(GenesysApiException.class, r::run);
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.add(String.valueOf(t.getMessage()));
            messages.add(t.toString());
        }
        messages.add(e.userMessage());
    }

    @Test
    void noSecretOrTokenReachesTheLogOrAMessage() throws Exception {
        GenesysClient client = GenesysTestSupport.client(server, new FakeTime());

        // client credentials, a wrong secret first
        server.enqueue(json(401, "{\"error\":\"invalid_client\",\"description\":\"bad client\"}"));
        expectFailure(() -> client.signInWithClientCredentials("cid", Secret.of(CLIENT_SECRET)));
        server.enqueue(token(TOKEN_A));
        AccessToken a = client.signInWithClientCredentials("cid", Secret.of(CLIENT_SECRET));
        messages.add(a.toString());
        messages.add(client.toString());

        // 401 mid-run, renewal
        server.enqueue(error(401, "bad.credentials", "Invalid login credentials"));
        server.enqueue(token(TOKEN_B));
        server.enqueue(json("{\"id\":\"o\",\"name\":\"Acme\",\"thirdPartyOrgName\":\"acme\"}"));
        client.getOrganization();

        // a create whose answer carries the secret; a reset; a lost answer with a secret in it
        server.enqueue(json("{\"id\":\"c1\",\"name\":\"n\",\"secret\":\"" + NEW_CLIENT_SECRET + "\"}"));
        OAuthClient created = client.createOAuthClient(OAuthClientRequest.clientCredentials("n", null, 86400,
                List.of()));
        messages.add(created.toString());
        server.enqueue(json("{\"id\":\"c1\",\"name\":\"n\",\"secret\":\"" + RESET_SECRET + "\"}"));
        messages.add(client.resetOAuthClientSecret("c1").toString());
        String partial = "{\"id\":\"c2\",\"name\":\"n\",\"secret\":\"" + LOST_SECRET;
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body(partial).setHeader("Content-Length", partial.length() + 50)
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        expectFailure(() -> client.createOAuthClient(OAuthClientRequest.clientCredentials("n", null, 86400,
                List.of())));
        server.enqueue(json(200, "{\"id\":\"c3\",\"secret\":\"" + LOST_SECRET + "\""));
        expectFailure(() -> client.resetOAuthClientSecret("c3"));

        // an error body that echoes secrets (logged at FINER)
        server.enqueue(json(400, "{\"message\":\"bad value access_token=" + ECHOED + "\",\"code\":\"bad.request\","
                + "\"secret\":\"" + ECHOED + "\",\"status\":400}"));
        expectFailure(client::getOrganization);

        // logout, a pasted token (refused, then accepted)
        server.enqueue(empty(204));
        client.logout();
        server.enqueue(empty(401));
        expectFailure(() -> client.signInWithToken(Secret.of(PASTED)));
        server.enqueue(empty(200));
        client.signInWithToken(Secret.of(PASTED));

        // browser sign-in: code and verifier travel, then the user token
        server.enqueue(token(USER_TOKEN));
        TestCalls.of(client).signInWithBrowser(BrowserSignIn.Options.of("pkce-client"), uri -> GenesysSignInMockTest.answer(uri,
                AUTH_CODE, HttpUrl.get(uri).queryParameter("state")));
        server.enqueue(json("{\"id\":\"o\",\"name\":\"Acme\"}"));
        client.getOrganization();

        // the verifier, as sent on the wire
        String verifier = null;
        RecordedRequest r;
        while ((r = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
            String b = body(r);
            if (b.contains("code_verifier=")) {
                verifier = HttpUrl.get("http://x/?" + b).queryParameter("code_verifier");
            }
        }
        assertTrue(verifier != null && verifier.length() >= 43);

        SimpleFormatter f = new SimpleFormatter();
        StringBuilder all = new StringBuilder();
        synchronized (records) {
            for (LogRecord rec : records) {
                all.append(f.format(rec)).append('\n');
                if (rec.getParameters() != null) {
                    for (Object p : rec.getParameters()) {
                        all.append(p).append('\n');
                    }
                }
            }
        }
        messages.forEach(m -> all.append(m).append('\n'));
        String text = all.toString();
        assertTrue(records.size() > 20, "logging was on: " + records.size() + " records");
        assertTrue(text.contains("/api/v2/organizations/me"), "the log says what was called");
        String basic = java.util.Base64.getEncoder().encodeToString(("cid:" + CLIENT_SECRET).getBytes());
        for (String secret : List.of(CLIENT_SECRET, TOKEN_A, TOKEN_B, NEW_CLIENT_SECRET, RESET_SECRET, LOST_SECRET,
                PASTED, AUTH_CODE, USER_TOKEN, ECHOED, verifier, basic)) {
            assertFalse(text.contains(secret), "leaked: " + secret.substring(0, 8) + "…");
        }
        assertFalse(text.contains("SECRET-"), "no test secret in any form");
    }

    @Test
    void redactionOfTextAndUrls() {
        assertEquals("{\"secret\":\"[REDACTED]\",\"id\":\"x\"}", Redaction.text("{\"secret\":\"abc\",\"id\":\"x\"}"));
        assertEquals("{\"access_token\":\"[REDACTED]\"", Redaction.text("{\"access_token\":\"abc"));
        assertEquals("grant_type=x&code=[REDACTED]&code_verifier=[REDACTED]",
                Redaction.text("grant_type=x&code=abc&code_verifier=def"));
        assertEquals("Authorization: Bearer [REDACTED]", Redaction.text("Authorization: Bearer abc.def"));
        assertEquals("http://127.0.0.1/cb?code=REDACTED&state=s",
                Redaction.url(HttpUrl.get("http://127.0.0.1/cb?code=abc&state=s")));
    }
}
