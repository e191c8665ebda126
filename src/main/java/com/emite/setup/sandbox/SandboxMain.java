package com.emite.setup.sandbox;

/** Standalone sandbox process (issue 3 fills this in). */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) {
        System.err.println("The sandbox is not available in this build yet.");
        System.exit(1);
    }
}
