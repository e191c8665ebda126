package com.emite.setup.region;

import java.util.Objects;
import java.util.Optional;

/**
 * One Genesys Cloud region, as listed in {@code regions.json}.
 *
 * @param name            the name an admin knows, e.g. "EMEA (Frankfurt)"
 * @param genesysRegionId the AWS region id Genesys uses, e.g. "eu-central-1"
 * @param domain          the region's domain, e.g. "mypurecloud.de"
 * @param loginHost       OAuth host, e.g. "login.mypurecloud.de"
 * @param apiHost         API host, e.g. "api.mypurecloud.de"
 * @param appsHost        web UI host, e.g. "apps.mypurecloud.de"
 * @param emiteCode       eMite's code for the region ("eucentral"), empty when eMite has not published one
 * @param confirmed       whether the hosts are confirmed by the official SDK
 */
public record Region(String name, String genesysRegionId, String domain, String loginHost, String apiHost,
                     String appsHost, Optional<String> emiteCode, boolean confirmed) {

    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(genesysRegionId, "genesysRegionId");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(loginHost, "loginHost");
        Objects.requireNonNull(apiHost, "apiHost");
        Objects.requireNonNull(appsHost, "appsHost");
        Objects.requireNonNull(emiteCode, "emiteCode");
    }

    public boolean hasEmiteCode() {
        return emiteCode.isPresent();
    }

    /** The production environment of this region: {@code https://api.<domain>} and {@code https://login.<domain>}. */
    public Environment environment() {
        return Environment.of(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
