package com.emite.setup.schedule;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SchedulersTest {
    static String kind(String os, boolean systemd) {
        return Schedulers.forSystem(os, systemd, Path.of("data"), RecordingRunner.alwaysOk(), Clock.systemUTC())
                .kind();
    }

    @Test
    void eachSystemGetsItsOwnScheduler() {
        assertEquals("Task Scheduler", kind("Windows 11", false));
        assertEquals("launchd agent", kind("Mac OS X", false));
        assertEquals("systemd user timer", kind("Linux", true));
        assertEquals("cron", kind("Linux", false));
        assertEquals("cron", kind("FreeBSD", false));
    }
}
