package com.emite.setup.live;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SignInService;
import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.region.Detection;
import com.emite.setup.region.Environment;
import com.emite.setup.region.InvalidEnvironmentException;
import com.emite.setup.region.Region;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.region.RegionDetector;
import com.emite.setup.sandbox.SandboxConfig;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The org the live profile ({@code mvn -B -Plive verify}) runs against, from environment variables (docs/LIVE.md):
 * {@value #REGION} (a region id or any Genesys Cloud address), {@value #CLIENT_ID} and {@value #CLIENT_SECRET} (an
 * admin OAuth client with client credentials). With {@value #API_BASE} and {@value #LOGIN_BASE} as well, the org is
 * reached at those addresses instead (a custom environment, with the command line's rules: https, or http on this
 * computer only; the region then only names eMite's address), which is how the live tests are proven against a
 * standalone sandbox. Without them there is no live org and every live test is skipped.
 */
record LiveOrg(Environment environment, String clientId, Secret clientSecret, String runTag) {
    static final String REGION = "EMITE_LIVE_REGION";
    static final String CLIENT_ID = "EMITE_LIVE_CLIENT_ID";
    static final String CLIENT_SECRET = "EMITE_LIVE_CLIENT_SECRET";
    static final String API_BASE = "EMITE_LIVE_API_BASE";
    static final String LOGIN_BASE = "EMITE_LIVE_LOGIN_BASE";
    static final String SKIPPED = "live tests skipped: no org given";

    /** The live org, or the test is skipped (reported as skipped, with the reason printed once per run). */
    static LiveOrg required() {
        Optional<LiveOrg> org = fromEnvironment();
        if (org.isEmpty() && !skipSaid) {
            skipSaid = true;
            System.out.println(SKIPPED);
        }
        Assumptions.assumeTrue(org.isPresent(), SKIPPED);
        return org.get();
    }

    private static volatile boolean skipSaid;

    static Optional<LiveOrg> fromEnvironment() {
        return from(System.getenv());
    }

    static Optional<LiveOrg> from(Map<String, String> env) {
        String region = env.get(REGION);
        String id = env.get(CLIENT_ID);
        String secret = env.get(CLIENT_SECRET);
        if (blank(region) || blank(id) || blank(secret)) {
            return Optional.empty();
        }
        Region found = region(region.trim());
        String api = env.get(API_BASE);
        String login = env.get(LOGIN_BASE);
        Environment environment;
        if (blank(api) && blank(login)) {
            environment = Environment.of(found);
        } else if (blank(api) || blank(login)) {
            throw new IllegalArgumentException("Give both " + API_BASE + " and " + LOGIN_BASE + ", or neither.");
        } else {
            try {
                environment = Environment.custom("live org", api.trim(), login.trim(), Optional.of(found));
            } catch (InvalidEnvironmentException e) {
                throw new IllegalArgumentException(API_BASE + "/" + LOGIN_BASE + ": " + e.getMessage(), e);
            }
        }
        return Optional.of(new LiveOrg(environment, id.trim(), Secret.of(secret.trim()), newTag()));
    }

    /** A region from its id (ap-southeast-2), its eMite code (au) or any Genesys Cloud address, as the CLI reads it. */
    static Region region(String text) {
        RegionCatalog catalog = RegionCatalog.standard();
        Optional<Region> direct = catalog.byGenesysRegionId(text.toLowerCase(Locale.ROOT))
                .or(() -> catalog.byEmiteCode(text.toLowerCase(Locale.ROOT)));
        if (direct.isPresent()) {
            return direct.get();
        }
        Detection detected = RegionDetector.detect(text);
        if (detected instanceof Detection.NotRecognised not) {
            throw new IllegalArgumentException(REGION + " names no Genesys Cloud region: " + not.message());
        }
        return ((Detection.Found) detected).region();
    }

    /**
     * A per-run tag in every object name, so a run never touches what another run or a person made: the time in base
     * 36 and a random tail (two runs in the same second differ).
     */
    static String newTag() {
        return "emite-live-" + Long.toString(Instant.now().getEpochSecond(), 36) + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    }

    GenesysClient signIn() {
        GenesysClient client = GenesysClient.builder(environment.apiBaseUrl().toString(),
                environment.loginBaseUrl().toString()).build();
        client.signInWithClientCredentials(clientId, clientSecret);
        return client;
    }

    /** Signed in as the app signs in (size limits kept per org in {@code dataDir}, as the app keeps them). */
    Connection connect(Path dataDir) {
        return new SignInService(SandboxConfig.builder().build()).keepingSizeLimitsIn(dataDir)
                .clientCredentials(environment, clientId, clientSecret);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
