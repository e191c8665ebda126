package com.emite.setup.live;

import com.emite.setup.common.Secret;
import com.emite.setup.genesys.GenesysClient;
import com.emite.setup.region.Detection;
import com.emite.setup.region.Environment;
import com.emite.setup.region.RegionDetector;

import org.junit.jupiter.api.Assumptions;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The real org the live profile ({@code mvn -B -Plive verify}) runs against, from environment variables (docs/LIVE.md):
 * {@value #REGION} (a region id or any Genesys Cloud address), {@value #CLIENT_ID} and {@value #CLIENT_SECRET} (an
 * admin OAuth client with client credentials). Without them there is no live org and every live test is skipped.
 */
record LiveOrg(Environment environment, String clientId, Secret clientSecret, String runTag) {
    static final String REGION = "EMITE_LIVE_REGION";
    static final String CLIENT_ID = "EMITE_LIVE_CLIENT_ID";
    static final String CLIENT_SECRET = "EMITE_LIVE_CLIENT_SECRET";
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
        Detection detected = RegionDetector.detect(region);
        if (detected instanceof Detection.NotRecognised not) {
            throw new IllegalArgumentException(REGION + " names no Genesys Cloud region: " + not.message());
        }
        Detection.Found found = (Detection.Found) detected;
        // A per-run tag in every object name, so a run never touches what another run or a person made.
        String tag = "emite-live-" + Long.toString(Instant.now().getEpochSecond(), 36);
        return Optional.of(new LiveOrg(Environment.of(found.region()), id.trim(), Secret.of(secret.trim()), tag));
    }

    GenesysClient signIn() {
        GenesysClient client = GenesysClient.builder(environment.apiBaseUrl().toString(),
                environment.loginBaseUrl().toString()).build();
        client.signInWithClientCredentials(clientId, clientSecret);
        return client;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
