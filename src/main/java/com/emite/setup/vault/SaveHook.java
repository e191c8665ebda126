package com.emite.setup.vault;

import java.io.IOException;

/**
 * Test seam: called at each point of the write sequence. A hook that throws an {@link IOException} simulates a
 * failure at that point (disk full, read-only folder); one that copies the folder simulates a crash there (the copy
 * is what the disk holds if the process died at that moment).
 */
@FunctionalInterface
interface SaveHook {
    SaveHook NONE = step -> { };

    void reached(SaveStep step) throws IOException;

    /** The write sequence, in order. */
    enum SaveStep {
        /** Before the temporary file is created (a read-only folder fails here). */
        BEFORE_TEMP,
        /** The empty temporary file exists with owner-only permissions. */
        TEMP_CREATED,
        /** Half of the bytes are written (disk full mid-write, crash mid-write). */
        TEMP_HALF_WRITTEN,
        /** All bytes written, not yet flushed. */
        TEMP_WRITTEN,
        /** Temporary file flushed to disk (fsync) and closed. */
        TEMP_SYNCED,
        /** The backup's temporary copy is written and flushed. */
        BACKUP_TEMP_SYNCED,
        /** {@code .bak} now holds the previous save (atomic rename). */
        BACKUP_REPLACED,
        /** The vault file now holds the new save (atomic rename). Failures from here on do not undo the save. */
        MAIN_REPLACED,
        /** The folder entry is flushed (where the platform allows). */
        FOLDER_SYNCED
    }
}
