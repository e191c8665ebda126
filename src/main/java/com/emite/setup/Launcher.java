package com.emite.setup;

import com.emite.setup.cli.CliMain;
import com.emite.setup.sandbox.SandboxMain;
import com.emite.setup.ui.DesktopMain;

import java.util.Arrays;
import java.util.Set;

/**
 * Entry point of the runnable jar. It does not extend {@code Application} so that a shaded jar starts with
 * {@code java -jar}, and so that the command line and the sandbox never load JavaFX (they run without a display).
 * Running out of memory, anywhere, ends with {@link OutOfMemory}'s plain message instead of a stack trace.
 */
public final class Launcher {
    private static final Set<String> CLI_COMMANDS = Set.of("plan", "apply", "verify", "export-form");

    private Launcher() {
    }

    public static void main(String[] args) {
        OutOfMemory.install();
        try {
            run(args);
        } catch (OutOfMemoryError e) {
            OutOfMemory.stop(System.err);
        }
    }

    private static void run(String[] args) {
        if (args.length > 0 && CLI_COMMANDS.contains(args[0])) {
            System.exit(CliMain.run(args));
        } else if (args.length > 0 && args[0].equals("sandbox")) {
            SandboxMain.main(Arrays.copyOfRange(args, 1, args.length));
        } else if (args.length > 0 && (args[0].equals("--help") || args[0].equals("help"))) {
            System.out.println(CliMain.usage());
        } else {
            DesktopMain.launch(args);
        }
    }
}
