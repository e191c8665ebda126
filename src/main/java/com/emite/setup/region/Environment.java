package com.emite.setup.region;

import com.emite.setup.common.Loopback;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the app talks to: an API base URL (REST calls go to {@code <api>/api/v2/...}) and a login base URL (OAuth goes
 * to {@code <login>/oauth/...}). Three kinds: a production {@link Region}; a custom environment (non-production Genesys
 * environments) with https, or http on a loopback address only; and the built-in sandbox on loopback.
 *
 * @param name         what the admin sees, e.g. "EMEA (Frankfurt)" or "Sandbox (offline demo)"
 * @param kind         production, custom or sandbox
 * @param apiBaseUrl   e.g. {@code https://api.mypurecloud.de}, without a trailing slash
 * @param loginBaseUrl e.g. {@code https://login.mypurecloud.de}, without a trailing slash
 * @param region       the production region, or the region a custom/sandbox environment stands for (for the eMite
 *                     code of the redirect URL); empty when unknown
 */
public record Environment(String name, Kind kind, URI apiBaseUrl, URI loginBaseUrl, Optional<Region> region) {

    /** Name of the built-in offline sandbox in lists. */
    public static final String SANDBOX_NAME = "Sandbox (offline demo)";


    public enum Kind {
        PRODUCTION, CUSTOM, SANDBOX
    }

    public Environment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(loginBaseUrl, "loginBaseUrl");
        Objects.requireNonNull(region, "region");
    }

    /** The production environment of a region. */
    public static Environment of(Region region) {
        return new Environment(region.name(), Kind.PRODUCTION, URI.create("https://" + region.apiHost()),
                URI.create("https://" + region.loginHost()), Optional.of(region));
    }

    /**
     * A custom environment from two base URLs. http is accepted only for loopback hosts (127.0.0.0/8, ::1,
     * localhost); anything else must be https. A path is kept (without a trailing slash); query, fragment and user
     * info are refused.
     *
     * @throws InvalidEnvironmentException with a plain reason naming the field
     */
    public static Environment custom(String name, String apiBaseUrl, String loginBaseUrl, Optional<Region> region) {
        return new Environment(name == null || name.isBlank() ? "Custom environment" : name.trim(), Kind.CUSTOM,
                baseUrl("API address", apiBaseUrl), baseUrl("Login address", loginBaseUrl), region);
    }

    /** A custom environment that stands for no particular region. */
    public static Environment custom(String name, String apiBaseUrl, String loginBaseUrl) {
        return custom(name, apiBaseUrl, loginBaseUrl, Optional.empty());
    }

    /**
     * The built-in sandbox (an offline Genesys Cloud simulator on loopback) at {@code baseUrl}, serving both the API
     * and the login endpoints. It stands for {@code region} so that the redirect URL can be shown.
     *
     * @throws InvalidEnvironmentException if the URL is not a loopback http(s) URL
     */
    public static Environment sandbox(URI baseUrl, Optional<Region> region) {
        URI base = baseUrl("Sandbox address", baseUrl == null ? null : baseUrl.toString());
        if (!isLoopback(base.getHost())) {
            throw new InvalidEnvironmentException("Sandbox address: the sandbox runs on this computer only "
                    + "(127.0.0.1 or localhost), not on " + base.getHost() + ".");
        }
        return new Environment(SANDBOX_NAME, Kind.SANDBOX, base, base, region);
    }

    public boolean isSandbox() {
        return kind == Kind.SANDBOX;
    }

    /** The eMite code of the region this environment stands for, if eMite has one. */
    public Optional<String> emiteCode() {
        return region.flatMap(Region::emiteCode);
    }

    @Override
    public String toString() {
        return name + " (" + apiBaseUrl + ")";
    }

    static URI baseUrl(String field, String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidEnvironmentException(field + ": missing. Type an address like https://api.example.com.");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw new InvalidEnvironmentException(field + ": \"" + text.trim() + "\" is not a web address.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (scheme.isEmpty() || host == null || host.isEmpty()) {
            throw new InvalidEnvironmentException(field + ": \"" + text.trim()
                    + "\" is not a full web address. It must start with https://.");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidEnvironmentException(field + ": the address must not contain a user name or password.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidEnvironmentException(field + ": the address must not contain ? or # parts.");
        }
        if (scheme.equals("http")) {
            if (!isLoopback(host)) {
                throw new InvalidEnvironmentException(field + ": http:// is allowed only for this computer "
                        + "(127.0.0.1, ::1 or localhost). Use https:// for " + host + ".");
            }
        } else if (!scheme.equals("https")) {
            throw new InvalidEnvironmentException(field + ": the address must start with https://.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String hostPart = host.toLowerCase(Locale.ROOT);
        if (hostPart.contains(":") && !hostPart.startsWith("[")) {
            hostPart = "[" + hostPart + "]";
        }
        return URI.create(scheme + "://" + hostPart + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path);
    }

    /** Whether {@code host} is a loopback address: 127.0.0.0/8, ::1 or localhost. Never resolves names. */
    public static boolean isLoopback(String host) {
        return Loopback.isLoopback(host);
    }
}
