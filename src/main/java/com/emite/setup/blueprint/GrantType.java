package com.emite.setup.blueprint;

import java.util.Arrays;
import java.util.Optional;

/** OAuth client grant types as the API spells them ({@code authorizedGrantType}). */
public enum GrantType {
    CODE("CODE"),
    TOKEN("TOKEN"),
    SAML2_BEARER("SAML2-BEARER"),
    PASSWORD("PASSWORD"),
    CLIENT_CREDENTIALS("CLIENT-CREDENTIALS");

    private final String wire;

    GrantType(String wire) {
        this.wire = wire;
    }

    /** The literal on the wire, e.g. {@code CLIENT-CREDENTIALS}. */
    public String wire() {
        return wire;
    }

    public static Optional<GrantType> fromWire(String text) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(text)).findFirst();
    }
}
