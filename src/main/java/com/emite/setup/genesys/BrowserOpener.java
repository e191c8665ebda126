package com.emite.setup.genesys;

import java.io.PrintStream;
import java.net.URI;

/**
 * Opens the system browser at a sign-in address. The desktop app passes {@code HostServices::showDocument}, the
 * command line {@link #desktopOrPrint} or {@link #printTo}; a test plays the browser itself.
 */
@FunctionalInterface
public interface BrowserOpener {
    void open(URI uri) throws Exception;

    /** Prints the address for the admin to open (headless servers, SSH sessions). */
    static BrowserOpener printTo(PrintStream out) {
        return uri -> {
            out.println("Open this address in a browser to sign in to Genesys Cloud:");
            out.println("  " + uri);
        };
    }

    /** java.awt.Desktop when it can browse, otherwise prints the address. */
    static BrowserOpener desktopOrPrint(PrintStream out) {
        return uri -> {
            boolean opened = false;
            try {
                if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                        && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(uri);
                    opened = true;
                }
            } catch (Exception | LinkageError e) {
                opened = false;
            }
            if (!opened) {
                printTo(out).open(uri);
            }
        };
    }
}
