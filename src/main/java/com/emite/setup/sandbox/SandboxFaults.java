package com.emite.setup.sandbox;

/**
 * The fault switch, off by default. Counts apply to the next API or login requests (after {@code skipRequests} of
 * them pass untouched), in this order: dropped connections first, then the burst; {@code slowMs} is added to every
 * request until switched off. {@code loseAnswers} is the fault a client cannot tell from a drop: the write is done,
 * and only its answer is lost.
 *
 * @param dropConnections next N requests: the connection is closed without an answer, nothing processed
 * @param errorBurst      next N requests: answered with {@code errorStatus} and the real ErrorBody
 * @param errorStatus     status of the burst: 500, 502, 503 or 504 (503 {@code service.unavailable} by default), or
 *                        429 ({@code too.many.requests} with {@code Retry-After: 1})
 * @param slowMs          extra delay of every request
 * @param skipRequests    requests that pass untouched before the counted faults start (0: the very next one)
 * @param loseAnswers     next N successful API writes (POST, PUT, PATCH, DELETE): processed, then the connection is
 *                        closed without the answer
 * @param lateCreates     next N creates (POST /groups, /authorization/roles, /oauth/clients, /integrations): the
 *                        connection is closed at once without an answer, and the create is done {@code lateMs} later,
 *                        as a server that goes on with a request its client gave up on
 * @param lateMs          how late those creates are done (at most {@link #MAX_LATE_MS}: the late-write window the
 *                        engine assumes for a simulator on this computer is longer)
 */
public record SandboxFaults(int dropConnections, int errorBurst, int errorStatus, int slowMs, int skipRequests,
                            int loseAnswers, int lateCreates, int lateMs) {
    public static final SandboxFaults NONE = new SandboxFaults(0, 0, 503, 0);
    /** The latest a late create is done after its connection was closed. */
    public static final int MAX_LATE_MS = 4000;

    public SandboxFaults {
        if (lateCreates < 0 || lateMs < 0 || lateMs > MAX_LATE_MS) {
            throw new IllegalArgumentException("late creates: a count ≥ 0 and a delay of 0-" + MAX_LATE_MS + " ms");
        }
        if (dropConnections < 0 || errorBurst < 0 || slowMs < 0 || skipRequests < 0 || loseAnswers < 0) {
            throw new IllegalArgumentException("fault counts and delays must not be negative");
        }
        if (errorStatus != 500 && errorStatus != 502 && errorStatus != 503 && errorStatus != 504
                && errorStatus != 429) {
            throw new IllegalArgumentException("errorStatus must be 500, 502, 503, 504 or 429");
        }
    }

    public SandboxFaults(int dropConnections, int errorBurst, int errorStatus, int slowMs) {
        this(dropConnections, errorBurst, errorStatus, slowMs, 0, 0);
    }

    public SandboxFaults(int dropConnections, int errorBurst, int errorStatus, int slowMs, int skipRequests,
                         int loseAnswers) {
        this(dropConnections, errorBurst, errorStatus, slowMs, skipRequests, loseAnswers, 0, 0);
    }

    /** The next {@code n} creates get no answer (the connection closes at once) and are done {@code ms} later. */
    public static SandboxFaults lateCreates(int n, int ms) {
        return new SandboxFaults(0, 0, 503, 0, 0, 0, n, ms);
    }

    /** The next {@code n} successful API writes are done and their answers lost. */
    public static SandboxFaults loseAnswers(int n) {
        return new SandboxFaults(0, 0, 503, 0, 0, n);
    }

    /** The same counted faults, starting after {@code n} untouched requests. */
    public SandboxFaults afterRequests(int n) {
        return new SandboxFaults(dropConnections, errorBurst, errorStatus, slowMs, n, loseAnswers, lateCreates,
                lateMs);
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
