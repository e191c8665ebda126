package com.emite.setup.diagnose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a probe run is about to make and has made in the org, written (and flushed) BEFORE each create and right after
 * it, so that a run stopped half-way (Ctrl-C, a crash, a lost connection) leaves a file that says what to take away.
 * The next probe run removes it first ({@link Prober}). One owner-only file per run, {@code probe-<tag>.journal}, in
 * the diagnose folder; deleted when everything it lists is gone. Ids only: no names of people, no secrets.
 */
final class ProbeJournal {
    /** What a probe makes, in the order it is taken away (clients and apps before the role and groups they use). */
    enum Kind {
        OAUTH_CLIENT, INTEGRATION, GRANT, ROLE, GROUP
    }

    /** One object made (for a GRANT: the role id and the granted user ids, comma-separated). */
    record Made(Kind kind, String id) {
    }

    private final Path file;
    private final String tag;

    private ProbeJournal(Path file, String tag) {
        this.file = file;
        this.tag = tag;
    }

    /** A journal of this org (the journals of other orgs are never acted on here). */
    static ProbeJournal begin(Path dir, String tag, String orgId) {
        Path file = dir.resolve("probe-" + tag + ".journal");
        try {
            Files.createDirectories(dir); // the caller keeps dir owner-only (the data folder's diagnose/)
            Files.createFile(file);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString(
                        "rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The probe journal could not be written in " + dir, e);
        }
        ProbeJournal j = new ProbeJournal(file, tag);
        j.append("tag " + tag);
        j.append("org " + orgId);
        return j;
    }

    String tag() {
        return tag;
    }

    Path file() {
        return file;
    }

    /** Before a create: if the answer is lost, the tag in the name is how the object is found again. */
    void intend(Kind kind) {
        append("intend " + kind);
    }

    void made(Kind kind, String id) {
        append("made " + kind + " " + id);
    }

    void removed(Kind kind, String id) {
        append("removed " + kind + " " + id);
    }

    /** Everything is gone: the journal has nothing left to say. */
    void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Objects made and not yet removed, in removal order. */
    List<Made> left() {
        return left(lines(file));
    }

    /** True when a create was started whose answer never came (its object can only be found by the tag). */
    boolean unanswered() {
        List<String> lines = lines(file);
        long intents = lines.stream().filter(l -> l.startsWith("intend ")).count();
        long made = lines.stream().filter(l -> l.startsWith("made ")).filter(l -> !l.startsWith("made GRANT"))
                .count();
        long refused = lines.stream().filter(l -> l.startsWith("refused ")).count();
        return intents > made + refused;
    }

    /** The create started by the last {@link #intend} was refused: nothing was made. */
    void refused(Kind kind) {
        append("refused " + kind);
    }

    /** Journals of earlier runs in this org that did not finish removing. */
    static List<ProbeJournal> leftBehind(Path dir, String orgId) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<ProbeJournal> out = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().startsWith("probe-")
                    && f.getFileName().toString().endsWith(".journal")).sorted().forEach(f -> {
                        List<String> lines = lines(f);
                        String tag = lines.isEmpty() || !lines.get(0).startsWith("tag ") ? null
                                : lines.get(0).substring(4);
                        if (tag != null && lines.contains("org " + orgId)) {
                            out.add(new ProbeJournal(f, tag));
                        }
                    });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Made> left(List<String> lines) {
        Map<String, Made> open = new LinkedHashMap<>();
        for (String line : lines) {
            String[] w = line.split(" ", 3);
            if (w.length == 3 && w[0].equals("made")) {
                open.put(w[1] + " " + w[2], new Made(Kind.valueOf(w[1]), w[2]));
            } else if (w.length == 3 && w[0].equals("removed")) {
                open.remove(w[1] + " " + w[2]);
            }
        }
        List<Made> out = new ArrayList<>(open.values());
        out.sort((a, b) -> Integer.compare(a.kind().ordinal(), b.kind().ordinal()));
        return out;
    }

    private static List<String> lines(Path f) {
        try {
            return Files.exists(f) ? Files.readAllLines(f, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void append(String line) {
        Objects.requireNonNull(line);
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("The probe journal " + file + " could not be written", e);
        }
    }
}
