package com.emite.setup.app;

/** The built-in sandbox could not start (no free port, out of memory). */
public final class SandboxStartException extends RuntimeException {
    public SandboxStartException(Throwable cause) {
        super("The built-in sandbox could not start on this computer. Close other copies of eMite Setup and try "
                + "again; if it keeps happening, restart the computer.", cause);
    }
}
