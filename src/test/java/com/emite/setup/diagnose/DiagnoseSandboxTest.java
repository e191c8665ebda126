package com.emite.setup.diagnose;

import com.emite.setup.blueprint.Blueprint;
import com.emite.setup.genesys.TestCalls;
import com.emite.setup.genesys.BrowserSignIn;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.genesys.SignInMethod;
import com.emite.setup.sandbox.Sandbox;
import com.emite.setup.sandbox.SandboxConfig;
import com.emite.setup.sandbox.SandboxStats;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** diagnose against the sandbox over HTTP: nothing differs, nothing is written, nothing personal is reported. */
@Timeout(60)
class DiagnoseSandboxTest {
    static Sandbox sb;

    @BeforeAll
    static void start() {
        sb = Sandbox.start(SandboxConfig.builder().divisions(2).agents(150).searchLagMs(0).grantLagMs(0).build());
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    static Diagnosis diagnose(GenesysClient client) {
        return new Diagnoser(Blueprint.standard(), Clock.systemUTC()).run(client);
    }

    static Map<String, Verdict> verdicts(Diagnosis d) {
        return d.findings().stream().collect(Collectors.toMap(Finding::entry, Finding::verdict));
    }

    @Test
    void withClientCredentialsNothingDiffersAndTheReadableChoicesHold() {
        GenesysClient client = GenesysClient.forSingleBase(sb.baseUrl());
        client.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
        sb.resetStats();

        Diagnosis d = diagnose(client);

        assertTrue(d.nothingDiffers(), String.join("\n", DiagnosisReport.lines(d)));
        Map<String, Verdict> v = verdicts(d);
        for (String entry : Set.of("MAX_PAGE_SIZE", "MAX_IDS_PER_USERS_CALL", "ALL_DIVISIONS",
                "SUBJECTS_ME_FOR_CLIENT_CREDENTIALS", "STATUS_USERS_ME_WITHOUT_USER", "CODE_USERS_ME_WITHOUT_USER",
                "CLIENT_APP_TYPE_ID", "USER_SEARCH_EMAIL_FIELD", "USER_SEARCH_DIVISION_FIELD",
                "blueprint row 34 (Adhoc Forecast)", "blueprint row 37 (Agent Schedule Notification)")) {
            assertEquals(Verdict.HELD, v.get(entry), entry + "\n" + String.join("\n", DiagnosisReport.lines(d)));
        }
        assertEquals(Verdict.CANNOT_TELL, v.get("STATUS_GROUP_CREATED"), "a write cannot be told by reading");
        assertEquals(Verdict.HELD, v.get("PKCE_GRANT_TYPE"), "read from the client registering the guide's redirect");

        SandboxStats stats = sb.stats();
        long searches = stats.perRoute().entrySet().stream().filter(e -> e.getKey().startsWith("POST ")
                && e.getKey().endsWith("/search")).mapToLong(Map.Entry::getValue).sum();
        assertEquals(searches, stats.writes(), "diagnose must not write (searches are POSTs): " + stats.perRoute());
        assertEquals(d.requests(), stats.reads() + stats.writes(), "the diagnosis counts its own requests");
        assertTrue(d.requests() < 60, "a cheap look: " + d.requests());
    }

    @Test
    void theReportHoldsNoSecretNoEmailAndNoName() {
        GenesysClient client = GenesysClient.forSingleBase(sb.baseUrl());
        client.signInWithClientCredentials(sb.adminClientId(), sb.adminClientSecret());
        Diagnosis d = diagnose(client);
        String json = DiagnosisReport.json(d);
        String text = String.join("\n", DiagnosisReport.lines(d));

        assertFalse(json.contains(sb.adminClientSecret().reveal()) || text.contains(sb.adminClientSecret().reveal()));
        assertFalse(json.contains("@") || text.contains("@"), "no e-mail address: " + json);
        assertFalse(json.contains(sb.orgName()) || json.contains(sb.adminClientId()));
        assertTrue(json.contains("\"verdict\": \"held\""));
        assertTrue(d.counts().get("oauthClients") >= 2, d.counts().toString());
    }

    @Test
    void browserSignInConfirmsThePkceClient() throws IOException {
        GenesysClient user = GenesysClient.forSingleBase(sb.baseUrl());
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        TestCalls.of(user).signInWithBrowser(BrowserSignIn.Options.onPort(sb.pkceClientId(), port), TestBrowser::approve);
        assertEquals(SignInMethod.BROWSER_PKCE, user.signInMethod().orElseThrow());

        Diagnosis d = diagnose(user);

        assertTrue(d.nothingDiffers(), String.join("\n", DiagnosisReport.lines(d)));
        Map<String, Verdict> v = verdicts(d);
        assertEquals(Verdict.HELD, v.get("PKCE_GRANT_TYPE"));
        assertEquals(Verdict.HELD, v.get("PKCE_REDIRECT_PORT"));
        assertEquals(Verdict.HELD, v.get("PKCE_REDIRECT_PATH"));
        assertEquals(Verdict.CANNOT_TELL, v.get("SUBJECTS_ME_FOR_CLIENT_CREDENTIALS"), "a user token");
    }

    @Test
    void anOrgWithoutTheGuessedWfmStringsDiffersAndNamesTheNearest() {
        try (Sandbox other = Sandbox.start(SandboxConfig.builder().divisions(1).agents(5).searchLagMs(0)
                .grantLagMs(0).omitPermissions(Set.of("wfm:adhocForecast:view")).build())) {
            GenesysClient client = GenesysClient.forSingleBase(other.baseUrl());
            client.signInWithClientCredentials(other.adminClientId(), other.adminClientSecret());

            Diagnosis d = diagnose(client);

            Function<String, Finding> finding = entry -> d.findings().stream()
                    .filter(f -> f.entry().equals(entry)).findFirst().orElseThrow();
            Finding adhoc = finding.apply("blueprint row 34 (Adhoc Forecast)");
            assertEquals(Verdict.DIFFERS, adhoc.verdict());
            assertTrue(adhoc.detail().contains("wfm:shortTermForecast:view"), adhoc.detail());
            assertEquals(Verdict.HELD, finding.apply("blueprint row 37 (Agent Schedule Notification)").verdict());
            assertEquals(Verdict.CANNOT_TELL, finding.apply("MAX_IDS_PER_USERS_CALL").verdict(), "too few users");
            assertFalse(d.nothingDiffers());
        }
    }

    /** The test as the admin's browser: opens the authorize page and follows its sign-in link to our listener. */
    static final class TestBrowser {
        static final OkHttpClient HTTP = new OkHttpClient.Builder().followRedirects(false).build();

        static void approve(URI authorize) {
            try {
                HttpUrl url = HttpUrl.get(authorize);
                String page = body(url);
                Matcher m = Pattern.compile("id=\"approve-link\" href=\"([^\"]+)\"").matcher(page);
                assertTrue(m.find(), page);
                String location;
                try (Response r = HTTP.newCall(new Request.Builder()
                        .url(url.resolve(m.group(1).replace("&amp;", "&"))).build()).execute()) {
                    location = r.header("Location");
                }
                body(url.resolve(location));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String body(HttpUrl url) throws IOException {
            try (Response r = HTTP.newCall(new Request.Builder().url(url).build()).execute()) {
                return r.body().string();
            }
        }
    }
}
