package com.emite.setup.cli;

import com.emite.setup.vault.DataFolder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One log file per command run in {@code <data dir>/logs}, and nothing on the console: the command line's own output
 * is its report. The API client's log lines never carry secrets.
 */
final class CliLog {
    private static final Logger LOG = Logger.getLogger("com.emite.setup.cli");
    private static volatile Path file;

    private CliLog() {
    }

    /** Routes java.util.logging to a new file in the data folder; returns the handler to close at the end. */
    static Handler configure(Path dataDir) {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) {
            if (h instanceof java.util.logging.ConsoleHandler) {
                root.removeHandler(h);
            }
        }
        try {
            Path dir = DataFolder.logs(dataDir);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS",
                    Locale.ROOT));
            Path f = dir.resolve("emite-setup-" + stamp + "-" + ProcessHandle.current().pid() + ".log");
            DataFolder.createOwnerOnlyFile(f); // the handler would create it readable by everyone
            FileHandler h = new FileHandler(f.toString().replace("%", "%%"), false);
            h.setFormatter(new SimpleFormatter());
            h.setLevel(Level.INFO);
            root.addHandler(h);
            file = f;
            return h;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Path file() {
        return file;
    }

    static void error(String what, Throwable e) {
        LOG.log(Level.WARNING, what, e);
    }

    static void close(Handler h) {
        if (h != null) {
            LogManager.getLogManager().getLogger("").removeHandler(h);
            h.close();
        }
    }
}
