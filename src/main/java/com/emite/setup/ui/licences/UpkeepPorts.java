package com.emite.setup.ui.licences;

import com.emite.setup.schedule.CommandRunner;
import com.emite.setup.schedule.OsScheduler;
import com.emite.setup.schedule.Schedulers;
import com.emite.setup.vault.Keychain;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the licence upkeep section reaches outside the app: the operating system's scheduler and keychain. Tests give
 * a systemd timer in a temporary folder and an in-memory keychain; the real user's crontab, units and keychain are
 * never touched by a test.
 *
 * @param scheduler the scheduler for a data folder (called on a worker thread)
 * @param keychain  the keychain (looked for on a worker thread: finding it can take seconds)
 */
public record UpkeepPorts(Function<Path, OsScheduler> scheduler, Supplier<Keychain> keychain) {
    /** This computer's scheduler and keychain (as the command line's {@code schedule} and keychain options use). */
    public static UpkeepPorts system() {
        return new UpkeepPorts(dataDir -> Schedulers.forThisComputer(dataDir, CommandRunner.system(),
                Clock.systemDefaultZone()), () -> Keychain.detect(Duration.ofSeconds(5)));
    }
}
