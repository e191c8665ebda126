package com.emite.setup.schedule;

/**
 * Whether an entry is installed, and what the scheduler says of it.
 *
 * @param installed true when the entry exists
 * @param where     the file or task name holding it (null when not installed)
 * @param detail    the scheduler's own words (next run, last result), trimmed; may be empty
 */
public record ScheduleStatus(boolean installed, String where, String detail) {
    public static ScheduleStatus absent() {
        return new ScheduleStatus(false, null, "");
    }
}
