package com.emite.setup;

import com.emite.setup.cli.CliMain;
import com.emite.setup.cli.Command;
import com.emite.setup.sandbox.SandboxMain;
import com.emite.setup.ui.DesktopMain;

import java.util.Arrays;

/**
 * Entry point of the runnable jar. It does not extend {@code Application} so that a shaded jar starts with
 * {@code java -jar}, and so that the command line and the sandbox never load JavaFX (they run without a display).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // Every command of the command line, so a new one never falls through to the window.
        if (args.length > 0 && Command.of(args[0]) != null) {
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
