package com.emite.setup.vault;

import java.util.ArrayList;
import java.util.List;

/** An in-memory clipboard that records what was done to it (without recording the text). */
final class FakeClipboard implements ClipboardPort {
    private String text;
    private List<Hint> hints = List.of();
    private final List<String> log = new ArrayList<>();

    @Override
    public synchronized void putText(String text, List<Hint> hints) {
        this.text = text;
        this.hints = List.copyOf(hints);
        log.add("put " + hints.size() + " hints");
    }

    @Override
    public synchronized String getText() {
        return text;
    }

    @Override
    public synchronized void clear() {
        text = null;
        hints = List.of();
        log.add("clear");
    }

    /** Another application (or the admin) copies something. */
    synchronized void userCopies(String other) {
        text = other;
        hints = List.of();
    }

    synchronized List<Hint> hints() {
        return hints;
    }

    synchronized List<String> log() {
        return new ArrayList<>(log);
    }
}
