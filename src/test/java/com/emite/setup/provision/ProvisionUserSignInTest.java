package com.emite.setup.provision;

import com.emite.setup.genesys.TestCalls;
import com.emite.setup.genesys.BrowserSignIn;
import com.emite.setup.genesys.GenesysClient;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Signed in as a person (browser sign-in with PKCE, the test being the browser): the role goes to that user. */
class ProvisionUserSignInTest {
    @TempDir
    Path dir;

    static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

    /** Opens the sandbox's authorize page, follows its sign-in link and the redirect to the app's listener. */
    static void browse(URI authorize) throws IOException {
        String page;
        try (Response r = BROWSER.newCall(new Request.Builder().url(HttpUrl.get(authorize)).build()).execute()) {
            page = r.body().string();
        }
        Matcher m = Pattern.compile("id=\"approve-link\" href=\"([^\"]+)\"").matcher(page);
        assertTrue(m.find(), page);
        HttpUrl link = HttpUrl.get(authorize).resolve(m.group(1).replace("&amp;", "&"));
        String location;
        try (Response r = BROWSER.newCall(new Request.Builder().url(link).build()).execute()) {
            location = r.header("Location");
        }
        try (Response r = BROWSER.newCall(new Request.Builder().url(link.resolve(location)).build()).execute()) {
            assertEquals(200, r.code());
        }
    }

    @Test
    void theSignedInUserIsGrantedTheRoleAndTheClientsAreCreated() throws Exception {
        try (TestOrg org = TestOrg.start(dir)) {
            GenesysClient user = GenesysClient.builder(org.sandbox.baseUrl(), org.sandbox.baseUrl()).unlimitedRate()
                    .build();
            TestCalls.of(user).signInWithBrowser(BrowserSignIn.Options.of(org.sandbox.pkceClientId()), ProvisionUserSignInTest::browse);
            GenesysOrgApi api = new GenesysOrgApi(user);
            Planner planner = new Planner(api, org.needs, org.environment, org.store, null, null);
            Plan plan = planner.plan(Choices.defaults());
            assertEquals(Identity.Kind.USER, plan.identity().kind());
            assertEquals(org.sandbox.adminUserId(), plan.identity().id());
            PlanItem grant = plan.items().stream().filter(i -> i.kind() == ItemKind.ROLE_GRANT).findFirst()
                    .orElseThrow();
            assertTrue(grant.writes().get(0).path().endsWith("subjectType=PC_USER"));
            assertEquals(9, plan.readCalls(), "users/me answers who and what in one read");
            ApplyResult r = new Executor(api, org.store, null, null, null).apply(plan);
            assertTrue(r.finished(), r::error);
            assertTrue(org.sandbox.inspect().grantsOf(org.sandbox.adminUserId()).stream()
                    .anyMatch(g -> "eMite Data Integration".equals(g.roleName()) && g.divisionId().equals("*")));
            assertEquals(1, org.sandbox.inspect().clientIdsNamed("emite_APIdata").size());
            TestOrg.settle();
            assertTrue(planner.plan(Choices.defaults()).inPlace());
        }
    }
}
