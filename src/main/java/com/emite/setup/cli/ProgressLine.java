package com.emite.setup.cli;

import com.emite.setup.provision.PlanItem;
import com.emite.setup.provision.ProgressListener;

import java.io.PrintStream;

/**
 * Progress on standard error: at a terminal one line that updates in place; otherwise one line per step and message
 * (for logs and CI), never one per request.
 */
final class ProgressLine implements ProgressListener {
    private final PrintStream err;
    private final boolean live;
    private long done;
    private long total;
    private String text = "";
    private int lastLength;

    ProgressLine(PrintStream err, boolean live) {
        this.err = err;
        this.live = live;
    }

    @Override
    public synchronized void stepStarted(PlanItem item) {
        text = "Step " + item.step() + ": " + item.kind().noun() + " "
                + item.target();
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void stepFinished(PlanItem item, String outcome) {
        if (live) {
            clear();
        }
        err.println("  done  " + item.kind().label() + " " + item.target() + ": " + outcome);
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void progress(long done, long total) {
        this.done = done;
        this.total = total;
        if (live) {
            redraw();
        }
    }

    @Override
    public synchronized void message(String message) {
        text = message;
        if (live) {
            redraw();
        } else {
            err.println("  ... " + message);
        }
    }

    /** Ends the live line (before normal output follows). */
    @Override
    public void waiting(Wait reason, java.time.Duration howLong) {
        if (howLong.toSeconds() >= 2) {
            message("Waiting " + howLong.toSeconds() + " s: " + reason.words());
        }
    }

    synchronized void finish() {
        if (live) {
            clear();
        }
    }

    private void redraw() {
        String counter = total > 0 ? "[" + done + "/" + total + " writes] " : "";
        String line = counter + text;
        if (line.length() > 110) {
            line = line.substring(0, 107) + "...";
        }
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastLength; i++) {
            sb.append(' ');
        }
        lastLength = line.length();
        err.print(sb);
        err.flush();
    }

    private void clear() {
        StringBuilder sb = new StringBuilder("\r");
        sb.append(" ".repeat(lastLength)).append('\r');
        err.print(sb);
        err.flush();
        lastLength = 0;
    }
}
