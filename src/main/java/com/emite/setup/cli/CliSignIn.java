package com.emite.setup.cli;

import com.emite.setup.app.Connection;
import com.emite.setup.app.SignInService;
import com.emite.setup.app.UpkeepSignInService;
import com.emite.setup.common.Secret;
import com.emite.setup.contract.ApiContract;
import com.emite.setup.genesys.BrowserOpener;
import com.emite.setup.genesys.BrowserSignIn;
import com.emite.setup.genesys.GenesysClientBuilder;
import com.emite.setup.region.Detection;
import com.emite.setup.region.Environment;
import com.emite.setup.region.Region;
import com.emite.setup.region.RegionCatalog;
import com.emite.setup.region.RegionDetector;
import com.emite.setup.vault.OrgRecord;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The command line's sign-in options: which environment (--region, --api-base with --login-base, or the region a
 * vault record remembers), how to sign in (--client-id, --token-env, --browser) and the client's rate limit. Each
 * wrong combination is a {@link UsageException} that says what to give instead.
 */
final class CliSignIn {
    private CliSignIn() {
    }

    /** True when the options name no way to sign in: the org's remembered sign-in client is used. */
    static boolean noSignInGiven(CliOptions o) {
        return !(o.has("--client-id") || o.has("--token-env") || o.has("--browser") || o.has("--sandbox"));
    }

    /** True for --api-base / --login-base, which must come together. */
    static boolean customEnvironment(CliOptions o) {
        boolean custom = o.has("--api-base") || o.has("--login-base");
        if (custom && !(o.has("--api-base") && o.has("--login-base"))) {
            throw new UsageException("A custom environment needs both --api-base and --login-base.");
        }
        return custom;
    }

    /** {@code --rate-limit N}: 0 lifts the client's limit, a positive number sets it, absent keeps the default. */
    static UnaryOperator<GenesysClientBuilder> clientSettings(CliOptions o) {
        int rate = o.intValue("--rate-limit", -1);
        return b -> rate == 0 ? b.unlimitedRate() : rate > 0 ? b.rateLimitPerMinute(rate) : b;
    }

    /** The environment --region or --api-base with --login-base names. */
    static Environment environment(CliOptions o, boolean custom) {
        if (custom) {
            Optional<Region> region = o.has("--region") ? Optional.of(region(o.value("--region"))) : Optional.empty();
            return Environment.custom("Custom environment", o.value("--api-base"), o.value("--login-base"), region);
        }
        return Environment.of(region(o.value("--region")));
    }

    /** The environment of an org the vault remembers: its own region unless the options name another. */
    static Environment rememberedEnvironment(CliOptions o, boolean custom, OrgRecord record) {
        if (custom) {
            String regionText = o.has("--region") ? o.value("--region") : record.region();
            Optional<Region> region = regionText == null ? Optional.empty() : optionalRegion(regionText);
            return Environment.custom("Custom environment", o.value("--api-base"), o.value("--login-base"), region);
        }
        if (o.has("--region")) {
            return Environment.of(region(o.value("--region")));
        }
        if (record.region() != null) {
            return Environment.of(region(record.region()));
        }
        throw new UsageException("The vault does not say which region " + OrgChoice.label(record) + " is in: "
                + "add --region.");
    }

    /** {@code --sign-in auto|upkeep|admin}: which remembered client an unattended run signs in with. */
    static UpkeepSignInService.SignInChoice signInChoice(CliOptions o) {
        String v = o.value("--sign-in", "auto").trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "auto" -> UpkeepSignInService.SignInChoice.AUTO;
            case "upkeep" -> UpkeepSignInService.SignInChoice.UPKEEP;
            case "admin" -> UpkeepSignInService.SignInChoice.ADMIN;
            default -> throw new UsageException("--sign-in is auto, upkeep or admin, not " + CliText.quote(v) + ".");
        };
    }

    /** A region from its id (ap-southeast-2), its eMite code (au), or any Genesys Cloud address. */
    static Region region(String text) {
        RegionCatalog catalog = RegionCatalog.standard();
        String t = text.trim();
        Optional<Region> direct = catalog.byGenesysRegionId(t.toLowerCase(Locale.ROOT))
                .or(() -> catalog.byEmiteCode(t.toLowerCase(Locale.ROOT)));
        if (direct.isPresent()) {
            return direct.get();
        }
        Detection d = RegionDetector.detect(t);
        if (d instanceof Detection.Found f) {
            return f.region();
        }
        throw new UsageException("--region " + CliText.quote(t) + ": " + ((Detection.NotRecognised) d).message()
                + " Region ids: " + String.join(", ", catalog.all().stream().map(Region::genesysRegionId).toList())
                + ".");
    }

    private static Optional<Region> optionalRegion(String text) {
        try {
            return Optional.of(region(text));
        } catch (UsageException e) {
            return Optional.empty();
        }
    }

    static void checkSignInOptions(CliOptions o) {
        int ways = (o.has("--client-id") ? 1 : 0) + (o.has("--token-env") ? 1 : 0) + (o.has("--browser") ? 1 : 0);
        if (ways > 1) {
            throw new UsageException("Choose one way to sign in: --client-id, --token-env or --browser.");
        }
        if (o.has("--client-secret-env") && !o.has("--client-id")) {
            throw new UsageException("--client-secret-env goes with --client-id.");
        }
    }

    /** Signs in as the options say; {@code usedSecret[0]} gets the client secret when one was used. */
    static Connection signIn(CliOptions o, CliIO io, SignInService signIn, Environment env, Secret[] usedSecret) {
        checkSignInOptions(o);
        if (o.has("--client-id")) {
            Secret secret;
            if (o.has("--client-secret-env")) {
                String v = io.env(o.value("--client-secret-env"));
                if (v == null || v.isEmpty()) {
                    throw new UsageException("The environment variable " + CliText.quote(o.value("--client-secret-env"))
                            + " is not set: it should hold the client secret.");
                }
                secret = Secret.of(v);
            } else {
                char[] c = io.readSecret("Client secret for " + o.value("--client-id") + ": ");
                if (c == null || c.length == 0) {
                    throw new UsageException("No client secret given. Type it, pipe it to standard input, or use "
                            + "--client-secret-env VAR.");
                }
                secret = Secret.of(c);
                Arrays.fill(c, '\0');
            }
            usedSecret[0] = secret;
            return signIn.clientCredentials(env, o.value("--client-id"), secret);
        }
        if (o.has("--token-env")) {
            String v = io.env(o.value("--token-env"));
            if (v == null || v.isEmpty()) {
                throw new UsageException("The environment variable " + o.value("--token-env")
                        + " is not set: it should hold an access token.");
            }
            return signIn.token(env, Secret.of(v.trim()));
        }
        if (o.has("--browser")) {
            if (!o.has("--pkce-client-id")) {
                throw new UsageException("--browser needs --pkce-client-id ID (a PKCE OAuth client of your org).");
            }
            return signIn.startBrowser(env, browserOptions(o), BrowserOpener.desktopOrPrint(io.err())).await();
        }
        throw new UsageException("Say how to sign in: --client-id ID (an admin OAuth client; its secret from "
                + "--client-secret-env VAR or standard input), --token-env VAR, or --browser --pkce-client-id ID.");
    }

    /**
     * The browser sign-in's settings: the PKCE client and its registered loopback port (reference §2.3: the redirect
     * URI must match exactly, so the port is fixed, {@link ApiContract#PKCE_REDIRECT_PORT} unless {@code --pkce-port}).
     */
    static BrowserSignIn.Options browserOptions(CliOptions o) {
        int port = o.intValue("--pkce-port", ApiContract.PKCE_REDIRECT_PORT);
        if (port < 1 || port > 65535) {
            throw new UsageException("--pkce-port must be a port number (1-65535), not " + port + ".");
        }
        return new BrowserSignIn.Options(o.value("--pkce-client-id"), port, null, null, null);
    }
}
