package com.emite.setup.schedule;

import java.nio.file.Path;

/** A file a scheduler entry consists of: where it goes and what it holds (shown to the admin before install). */
public record EntryFile(Path path, String content) {
}
