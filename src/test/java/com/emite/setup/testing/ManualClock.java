package com.emite.setup.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves only when a test says so. Give it to {@code Sandbox.start(config, clock)} and the org's lags,
 * token lifetimes and code lifetimes pass in virtual time: a test advances past them instead of sleeping, and a
 * "not visible yet" check cannot pass by accident on a loaded machine.
 */
public final class ManualClock extends Clock {
    private final AtomicLong millis;

    /** Starts at the real current time, so dates the org writes still look like today. */
    public ManualClock() {
        this(Instant.now());
    }

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock does not go back");
        }
        millis.addAndGet(d.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a manual clock is UTC only");
    }
}
