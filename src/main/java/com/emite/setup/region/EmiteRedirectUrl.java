package com.emite.setup.region;

import java.util.Optional;

/**
 * The eMite redirect URL of an org, as the eMite guide gives it:
 * {@code https://<eMite code>-cloud.emite.com/emite/<short name>/Auth/OAuthPureCloud?org=<short name>}. It is the SSO
 * client's authorized redirect and the client app's URL.
 */
public final class EmiteRedirectUrl {
    /** The guide's form, with {@code {emiteCode}} and {@code {shortName}} to fill in. */
    public static final String TEMPLATE =
            "https://{emiteCode}-cloud.emite.com/emite/{shortName}/Auth/OAuthPureCloud?org={shortName}";

    private EmiteRedirectUrl() {
    }

    /** The URL, or why there is none. */
    public sealed interface Result permits Ready, Unavailable {
        default Optional<String> url() {
            return this instanceof Ready r ? Optional.of(r.value()) : Optional.empty();
        }

        /** The URL when ready, the plain reason otherwise. */
        String text();
    }

    public record Ready(String value) implements Result {
        @Override
        public String text() {
            return value;
        }
    }

    /** No URL: {@code missingEmiteCode} tells whether eMite must be asked for a region code. */
    public record Unavailable(String message, boolean missingEmiteCode) implements Result {
        @Override
        public String text() {
            return message;
        }
    }

    /** The redirect URL for {@code region} and {@code shortName}, or a plain reason why it cannot be made. */
    public static Result build(Region region, String shortName) {
        if (region == null) {
            return new Unavailable("Choose your region first.", false);
        }
        return build(region.emiteCode(), region.name(), shortName);
    }

    /** As {@link #build(Region, String)}, for an environment (a sandbox or custom one may stand for a region). */
    public static Result build(Environment environment, String shortName) {
        if (environment.region().isEmpty()) {
            return new Unavailable("This environment is not tied to a Genesys Cloud region, so there is no eMite "
                    + "address for it. Ask eMite which address to use.", true);
        }
        return build(environment.region().get(), shortName);
    }

    private static Result build(Optional<String> emiteCode, String regionName, String shortName) {
        if (emiteCode.isEmpty()) {
            return new Unavailable("eMite has not published a code for " + regionName + " yet, so the redirect "
                    + "URL cannot be made. Ask eMite support for the eMite code of this region.", true);
        }
        ShortName.Check check = ShortName.validate(shortName);
        if (check instanceof ShortName.Invalid invalid) {
            return new Unavailable(invalid.message(), false);
        }
        return new Ready(render(emiteCode.get(), check.value().orElseThrow()));
    }

    /** Fills in {@link #TEMPLATE}; the caller has validated both parts. */
    public static String render(String emiteCode, String shortName) {
        return TEMPLATE.replace("{emiteCode}", emiteCode).replace("{shortName}", shortName);
    }
}
