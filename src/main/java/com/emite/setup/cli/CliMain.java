package com.emite.setup.cli;

/** Command line face (issue 6 fills this in). */
public final class CliMain {
    private CliMain() {
    }

    public static int run(String[] args) {
        System.err.println("The command line is not available in this build yet.");
        return 1;
    }

    public static String usage() {
        return "Usage: java -jar emite-setup.jar [plan|apply|verify|export-form|sandbox] [options]";
    }
}
