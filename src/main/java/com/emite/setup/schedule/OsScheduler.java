package com.emite.setup.schedule;

import java.util.List;

/**
 * One operating system's scheduler: a systemd user timer or a crontab line on Linux, a Task Scheduler task on
 * Windows, a launchd agent on macOS. Each entry runs as the signed-in user (never as an administrator).
 */
public interface OsScheduler {

    /** A short name for the admin: "systemd user timer", "cron", "Task Scheduler", "launchd agent". */
    String kind();

    /** The files the entry consists of, as they would be written (nothing is written). */
    List<EntryFile> entries(Schedule schedule);

    /** Writes the entry and asks the scheduler to take it; installing again replaces it. */
    void install(Schedule schedule) throws ScheduleException;

    ScheduleStatus status(String name) throws ScheduleException;

    /** Takes the entry out; true when there was one. */
    boolean remove(String name) throws ScheduleException;
}
