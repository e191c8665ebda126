package com.emite.setup.ui.common;

import com.emite.setup.vault.DataFolder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What the window remembers between launches, in {@code desktop.properties} in the data folder, outside the vault:
 * window size, the last export folder, the WFM choice, the last environment (a region, the demo sandbox, or a custom
 * address pair) and short name. Never a secret, a token or an address with a token in it.
 */
public final class DesktopPreferences {
    private static final Logger LOG = Logger.getLogger(DesktopPreferences.class.getName());
    public static final String FILE = "desktop.properties";

    private final Path file;
    private final Properties values = new Properties();

    public DesktopPreferences(Path dataDir) {
        this.file = dataDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(Level.INFO, "Preferences not read ({0}); starting with defaults", e.getClass().getSimpleName());
            }
        }
    }

    public double width(double fallback) {
        return number("window.width", fallback);
    }

    public double height(double fallback) {
        return number("window.height", fallback);
    }

    public void size(double width, double height) {
        values.setProperty("window.width", Long.toString(Math.round(width)));
        values.setProperty("window.height", Long.toString(Math.round(height)));
    }

    public Optional<Path> lastExportFolder() {
        String v = values.getProperty("export.folder");
        return v == null ? Optional.empty() : Optional.of(Path.of(v)).filter(Files::isDirectory);
    }

    public void lastExportFolder(Path dir) {
        values.setProperty("export.folder", dir.toAbsolutePath().toString());
        save();
    }

    public boolean withWfm() {
        return Boolean.parseBoolean(values.getProperty("choices.withWfm", "false"));
    }

    public void withWfm(boolean on) {
        values.setProperty("choices.withWfm", Boolean.toString(on));
    }

    /** The region id, {@link #SANDBOX} or {@link #CUSTOM} signed in to last; empty before the first sign-in. */
    public Optional<String> lastTarget() {
        return Optional.ofNullable(values.getProperty("environment.target"));
    }

    public static final String SANDBOX = "sandbox";
    public static final String CUSTOM = "custom";

    /** The custom environment's API and login addresses signed in to last (both, or empty). */
    public Optional<String[]> lastCustomEnvironment() {
        String api = values.getProperty("environment.apiBase");
        String login = values.getProperty("environment.loginBase");
        return api == null || login == null ? Optional.empty() : Optional.of(new String[]{api, login});
    }

    public Optional<String> lastShortName() {
        return Optional.ofNullable(values.getProperty("org.shortName")).filter(v -> !v.isBlank());
    }

    /**
     * Remembers where the admin signed in: {@code target} a region id, {@link #SANDBOX} or {@link #CUSTOM} (then
     * {@code apiBase}/{@code loginBase}, else null), and the short name. Saved at once.
     */
    public void lastEnvironment(String target, String apiBase, String loginBase, String shortName) {
        values.setProperty("environment.target", target);
        if (apiBase != null && loginBase != null) {
            values.setProperty("environment.apiBase", apiBase);
            values.setProperty("environment.loginBase", loginBase);
        } else {
            values.remove("environment.apiBase");
            values.remove("environment.loginBase");
        }
        if (shortName == null || shortName.isBlank()) {
            values.remove("org.shortName");
        } else {
            values.setProperty("org.shortName", shortName);
        }
        save();
    }

    /** Writes the file (atomically: a half-written file is never left behind). */
    public void save() {
        try {
            DataFolder.prepare(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(tmp);
            DataFolder.createOwnerOnlyFile(tmp); // the org's short name and address: for this user only
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "eMite Setup window preferences (no secrets)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(Level.INFO, "Preferences not saved ({0})", e.getClass().getSimpleName());
        }
    }

    private double number(String key, double fallback) {
        try {
            double v = Double.parseDouble(values.getProperty(key, ""));
            return v >= 200 && v <= 10_000 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
