package com.emite.setup.sandbox;

/**
 * The fault switch, off by default. Counts apply to the next API or login requests, in this order: dropped
 * connections first, then the 5xx burst; {@code slowMs} is added to every request until switched off.
 *
 * @param dropConnections next N requests: the connection is closed without an answer
 * @param errorBurst      next N requests: answered with {@code errorStatus} and the real ErrorBody
 * @param errorStatus     status of the burst: 500, 502, 503 or 504 (503 {@code service.unavailable} by default)
 * @param slowMs          extra delay of every request
 */
public record SandboxFaults(int dropConnections, int errorBurst, int errorStatus, int slowMs) {
    public static final SandboxFaults NONE = new SandboxFaults(0, 0, 503, 0);

    public SandboxFaults {
        if (dropConnections < 0 || errorBurst < 0 || slowMs < 0) {
            throw new IllegalArgumentException("fault counts and delays must not be negative");
        }
        if (errorStatus != 500 && errorStatus != 502 && errorStatus != 503 && errorStatus != 504) {
            throw new IllegalArgumentException("errorStatus must be 500, 502, 503 or 504");
        }
    }

    public static SandboxFaults dropConnections(int n) {
        return new SandboxFaults(n, 0, 503, 0);
    }

    public static SandboxFaults errorBurst(int n, int status) {
        return new SandboxFaults(0, n, status, 0);
    }

    public static SandboxFaults slow(int ms) {
        return new SandboxFaults(0, 0, 503, ms);
    }
}
