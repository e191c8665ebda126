package com.emite.setup.genesys;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Keeps the page size and grant batch an org taught us (see {@link SizeLimits}) from one session to the next: one small
 * plain JSON file per org id in a folder of the data folder ({@code limits/<orgId>.json}). Sizes are not secrets, so
 * they need no vault, and a session signed in without the vault (a token, a scheduled run) learns from them too.
 * Written the moment a size is lowered, so a session that ends badly has still kept it. A file that cannot be read is
 * ignored (the sizes of {@code ApiContract} are then tried again, and learnt again); keeping never stops a session.
 */
public final class SizeLimitsStore {
    private static final Logger LOG = Logger.getLogger(SizeLimitsStore.class.getName());
    private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    /** What was kept for an org. */
    public record Learnt(int pageSize, int grantBatch, String at) {
    }

    private final Path dir;
    private final Clock clock;

    /** @param dir an owner-only folder of the data folder (the caller prepares it) */
    public SizeLimitsStore(Path dir, Clock clock) {
        this.dir = Objects.requireNonNull(dir);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Starts {@code limits} from what was kept for the org, and keeps every size the org lowers from now on. */
    public void attach(String orgId, SizeLimits limits) {
        if (!ORG_ID.matcher(orgId).matches()) {
            return; // never a path from an odd id
        }
        load(orgId).ifPresent(l -> limits.startFrom(l.pageSize(), l.grantBatch()));
        limits.onLowered(() -> save(orgId, limits));
    }

    public Optional<Learnt> load(String orgId) {
        Path file = file(orgId);
        if (file == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            return Optional.of(new Learnt(integer(o.get("pageSize")), integer(o.get("grantBatch")),
                    o.has("learnt") ? o.get("learnt").getAsString() : null));
        } catch (IOException | JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, () -> "Ignoring the size limits kept in " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Writes the org's current sizes (a temporary file moved into place: never half a file). */
    public void save(String orgId, SizeLimits limits) {
        Path file = file(orgId);
        if (file == null) {
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("pageSize", limits.pageSize());
        o.addProperty("grantBatch", limits.grantBatch());
        o.addProperty("learnt", clock.instant().toString());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, orgId, ".tmp");
            if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(tmp, o.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, () -> "The size limits learnt for the org could not be kept in " + file + ": "
                    + e.getMessage());
        }
    }

    private Path file(String orgId) {
        return ORG_ID.matcher(orgId).matches() ? dir.resolve(orgId + ".json") : null;
    }

    private static int integer(JsonElement e) {
        return e == null || e.isJsonNull() ? 0 : e.getAsInt();
    }
}
