package com.emite.setup.ui.common;

import com.emite.setup.vault.DataFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * One log file per launch in {@code <data folder>/logs} ({@code emite-setup-20261129-2105.log}), with what the app's
 * loggers write (they never write a secret, a token or a password). Help → "Open the log folder" shows it.
 */
public final class LaunchLog {
    private LaunchLog() {
    }

    public static Path folder(Path dataDir) {
        return dataDir.resolve("logs");
    }

    /** Starts this launch's file; returns it, or null when the folder cannot be written (the app runs on). */
    public static Path start(Path dataDir) {
        try {
            // Owner-only folder and file (docs/VAULT.md): the handler alone would create both readable by everyone.
            Path dir = DataFolder.logs(dataDir);
            Path file = dir.resolve("emite-setup-" + LocalDateTime.now().format(
                    DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".log");
            DataFolder.createOwnerOnlyFile(file);
            FileHandler handler = new FileHandler(file.toString().replace("%", "%%"), false);
            handler.setFormatter(new SimpleFormatter());
            handler.setEncoding("UTF-8");
            Logger.getLogger("com.emite.setup").addHandler(handler);
            return file;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
