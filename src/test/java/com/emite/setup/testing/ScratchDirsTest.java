package com.emite.setup.testing;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scratch folder goes with everything in it, and removing one that is gone already is no error. */
class ScratchDirsTest {
    @Test
    void removesTheWholeTree() throws Exception {
        Path dir = Files.createTempDirectory("emite-scratch-test");
        Files.createDirectories(dir.resolve("vaults/logs"));
        Files.writeString(dir.resolve("vaults/org.emitevault"), "x");
        Files.writeString(dir.resolve("vaults/logs/run.log"), "y");
        assertTrue(Files.exists(dir.resolve("vaults/logs/run.log")));
        ScratchDirs.remove(dir);
        assertFalse(Files.exists(dir));
        ScratchDirs.remove(dir);
    }
}
