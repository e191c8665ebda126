package com.emite.setup.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where eMite Setup keeps its files, and how those folders are made: the per-user data folder, its {@code logs/}
 * and {@code forms/} folders, all owner-only (POSIX mode 700, files 600; on Windows an ACL with the owner alone).
 * Everything under the data folder can hold secrets or facts about the org, so another local user must not read it.
 */
public final class DataFolder {
    /** Name of the folder of log files inside the data folder. */
    public static final String LOGS = "logs";
    /** Name of the folder of integration forms inside the data folder. */
    public static final String FORMS = "forms";
    /** The folder name used when the org's short name leaves nothing usable. */
    static final String FALLBACK_NAME = "org";
    private static final int MAX_NAME = 64;
    private static final Set<String> WINDOWS_RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3",
            "com4", "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7",
            "lpt8", "lpt9");

    private DataFolder() {
    }

    /**
     * The per-user application-data folder: {@code %APPDATA%\eMiteSetup} on Windows,
     * {@code ~/Library/Application Support/eMiteSetup} on macOS, {@code $XDG_DATA_HOME/emite-setup} or
     * {@code ~/.local/share/emite-setup} elsewhere. Not created by this method.
     */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    static Path defaultFolder(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank()
                    ? Paths.get(appData, "eMiteSetup")
                    : Paths.get(userHome, "AppData", "Roaming", "eMiteSetup");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return Paths.get(userHome, "Library", "Application Support", "eMiteSetup");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec: a relative value is invalid and must be ignored.
        if (xdg != null && !xdg.isBlank() && xdg.startsWith("/")) {
            return Paths.get(xdg, "emite-setup");
        }
        return Paths.get(userHome, ".local", "share", "emite-setup");
    }

    /** The vault file of a named profile in {@link #defaultFolder()}; the name is reduced to safe characters. */
    public static Path defaultVaultFile(String profile) {
        String safe = profile.strip().replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "_");
        if (safe.isEmpty()) {
            throw new IllegalArgumentException("empty profile name");
        }
        return defaultFolder().resolve(safe + Vault.EXTENSION);
    }

    /**
     * Creates the data folder {@code dir} (and missing parents) owner-only if it is absent, and returns it absolute.
     * An existing folder is left as it is: it may be a folder the admin chose and shares on purpose.
     */
    public static Path prepare(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        SecureFiles.ensureFolder(d);
        return d;
    }

    /**
     * The {@code logs/} folder of the data folder, created owner-only; an existing one is made owner-only again
     * (older versions created it readable by everyone).
     */
    public static Path logs(Path dataDir) throws IOException {
        return ownSubfolder(prepare(dataDir), LOGS);
    }

    /**
     * The folder for one org's integration form: {@code forms/<safe short name>} inside the data folder, created
     * owner-only. The short name comes from the server, so it is reduced by {@link #folderNameFor(String)} and the
     * result is checked to lie inside {@code forms/}: no answer can make eMite Setup write elsewhere.
     */
    public static Path forms(Path dataDir, String orgShortName) throws IOException {
        Path forms = ownSubfolder(prepare(dataDir), FORMS);
        Path dir = forms.resolve(folderNameFor(orgShortName)).normalize();
        if (!forms.equals(dir.getParent())) {
            throw new IOException("refused folder name outside " + forms);
        }
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("the form folder " + dir + " is a link; remove it and try again");
        }
        SecureFiles.ensureFolder(dir);
        return dir;
    }

    /**
     * A folder name made from an org's short name: letters, digits, {@code .}, {@code _} and {@code -} are kept,
     * anything else (slashes, backslashes, colons, control and bidi characters) becomes {@code _}; a leading dot,
     * trailing dots and spaces, a Windows device name (CON, NUL, COM1…) and over-long names are defused.
     * Never empty, never {@code .} or {@code ..}.
     */
    public static String folderNameFor(String orgShortName) {
        if (orgShortName == null) {
            return FALLBACK_NAME;
        }
        StringBuilder sb = new StringBuilder();
        orgShortName.strip().codePoints().forEach(c -> sb.append(
                c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') ? (char) c : '_'));
        String s = sb.toString().replaceAll("^\\.+", "_").replaceAll("[. ]+$", "");
        if (s.length() > MAX_NAME) {
            s = s.substring(0, MAX_NAME);
        }
        if (s.isEmpty() || s.chars().allMatch(c -> c == '_')) {
            return FALLBACK_NAME;
        }
        String base = s.toLowerCase(Locale.ROOT);
        int dot = base.indexOf('.');
        if (WINDOWS_RESERVED.contains(dot < 0 ? base : base.substring(0, dot))) {
            s = "_" + s;
        }
        return s;
    }

    /**
     * Creates an empty file only the owner can read or write (for a log file that another library then opens and
     * writes). Fails if the file exists.
     */
    public static Path createOwnerOnlyFile(Path file) throws IOException {
        try (FileChannel ignored = SecureFiles.createOwnerOnly(file)) {
            return file;
        }
    }

    private static Path ownSubfolder(Path dataDir, String name) throws IOException {
        Path dir = dataDir.resolve(name);
        if (Files.isSymbolicLink(dir)) {
            throw new IOException("the folder " + dir + " is a link; remove it and try again");
        }
        SecureFiles.ensureFolder(dir);
        tightenIfOurs(dir);
        return dir;
    }

    /** Drops group and other access from a folder this user owns (left alone where permissions cannot be set). */
    private static void tightenIfOurs(Path dir) throws IOException {
        if (SecureFiles.isPosix(dir)) {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(dir, LinkOption.NOFOLLOW_LINKS);
            Set<PosixFilePermission> owner = EnumSet.of(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
            if (!owner.equals(p)) {
                Files.setPosixFilePermissions(dir, owner);
            }
        } else {
            SecureFiles.restrictToOwner(dir, true);
        }
    }
}
