package com.emite.setup.genesys;

import com.emite.setup.common.Loopback;
import okhttp3.HttpUrl;

import java.util.Objects;

/** The API and sign-in base addresses a client accepts: https, or plain http on this computer only. */
final class BaseAddress {
    private BaseAddress() {
    }

    /** Parses a base address, enforces the rule and keeps scheme, host and port only. */
    static HttpUrl parse(String base, String what) {
        Objects.requireNonNull(base, what + " address");
        String trimmed = base.trim();
        HttpUrl url = HttpUrl.parse(trimmed);
        if (url == null) {
            throw new IllegalArgumentException("The " + what + " address \"" + trimmed
                    + "\" is not a web address (expected e.g. https://api.mypurecloud.com).");
        }
        if (url.scheme().equals("http") && !Loopback.isLoopback(url.host())) {
            throw new IllegalArgumentException("The " + what + " address must start with https:// — plain http:// "
                    + "is allowed only for this computer (127.0.0.1, ::1 or localhost), not for " + url.host() + ".");
        }
        return url.newBuilder().encodedPath("/").query(null).fragment(null).build();
    }
}
