package com.emite.setup;

import java.io.PrintStream;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What the app does when the Java heap runs out: one message in plain words (how much memory it had, that nothing
 * is lost, what to do next) instead of a {@code java.lang.OutOfMemoryError} stack trace, then it stops. The command
 * line prints it; the window also shows it ({@link #onOutOfMemory}).
 */
public final class OutOfMemory {
    /** The process's exit code after running out of memory (the command line's own codes are 0–3). */
    public static final int EXIT_CODE = 4;

    private static volatile Consumer<String> showToUser = message -> { };
    /** One thread prints and stops; a second thread out of memory at the same time waits here for the halt. */
    private static final Object STOPPING = new Object();
    /**
     * The message, made at {@link #install()}: with the heap full, building it again can itself run out of memory
     * (the JVM then prints its own "OutOfMemoryError thrown from the UncaughtExceptionHandler" line).
     */
    private static volatile String prepared;

    private OutOfMemory() {
    }

    /** The message for the admin, with the heap this process was given. */
    public static String message() {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "eMite Setup ran out of memory (it had " + maxMb + " MB). Nothing already done is lost: every change "
                + "is saved as soon as it is made. Close other programs and run it again. If it happens again, give it "
                + "more memory: set the environment variable JAVA_TOOL_OPTIONS to -Xmx1g before starting it (or run "
                + "java -Xmx1g -jar emite-setup.jar).";
    }

    /** Where the window shows the message (a dialog); called before it stops. */
    public static void onOutOfMemory(Consumer<String> show) {
        showToUser = Objects.requireNonNull(show);
    }

    /**
     * Makes every thread's uncaught {@code OutOfMemoryError} end the app with {@link #message()}. Other uncaught
     * exceptions are printed as the JVM prints them.
     */
    public static void install() {
        prepared = message();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (caused(e)) {
                stop(System.err);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        });
    }

    /** True when {@code e} or one of its causes is an {@code OutOfMemoryError}. */
    public static boolean caused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /** Prints the message, lets the window show it, and ends the process with {@link #EXIT_CODE}. */
    public static void stop(PrintStream err) {
        synchronized (STOPPING) {
            try {
                String message = prepared != null ? prepared : message();
                err.println(message);
                err.flush();
                try {
                    showToUser.accept(message);
                } catch (Throwable ignored) {
                    // Too little memory even for the dialog: the printed message stands.
                }
            } catch (Throwable ignored) {
                // Too little memory even to print: the exit code still says what happened.
            } finally {
                Runtime.getRuntime().halt(EXIT_CODE);
            }
        }
    }
}
