package com.emite.setup.schedule;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A daily unattended run, as the operating system's scheduler should start it.
 *
 * @param name        the entry's name in the scheduler, e.g. {@code emite-keep-licences-litwaretelecom}: letters,
 *                    digits, dots, dashes and underscores only, so it is safe as a file name, unit name, task name and
 *                    launchd label alike
 * @param description one line a person reads in the scheduler's own tool
 * @param at          the local time of day it runs
 * @param command     the program and its arguments, each an element (never joined by us into a shell line)
 */
public record Schedule(String name, String description, LocalTime at, List<String> command) {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    public Schedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(description, "description");
        if (name == null || !SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A schedule name may hold letters, digits, '.', '-' and '_' only");
        }
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("A schedule needs a command to run");
        }
        if (description.contains("\n") || description.contains("\r")) {
            throw new IllegalArgumentException("A schedule's description is one line");
        }
        at = at.withSecond(0).withNano(0);
    }

    /** The scheduler entry name for one org's licence upkeep (the short name made safe for every scheduler). */
    public static String nameFor(String task, String orgShortName) {
        String safe = orgShortName == null ? "" : orgShortName.replaceAll("[^A-Za-z0-9._-]", "-");
        return task + (safe.isEmpty() ? "" : "-" + safe);
    }
}
