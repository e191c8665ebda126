package com.emite.setup.app;

import com.emite.setup.genesys.GenesysApiException;
import com.emite.setup.provision.RunCancelledException;
import com.emite.setup.provision.ProvisionException;
import com.emite.setup.vault.VaultException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one place where a failure becomes words for the admin. The API client's {@code userMessage()}, the vault's
 * messages and the engine's plain messages are used as they are; anything else gets a general sentence and a code.
 * Details hold exception types and technical messages (which the lower layers keep free of secrets), never a stack
 * trace.
 */
public final class Problems {
    private Problems() {
    }

    /** The problem for any failure. */
    public static Problem of(Throwable failure) {
        Throwable e = unwrap(failure);
        if (e instanceof VaultException v) {
            return new Problem(v.code(), v.getMessage(), "vault: " + v.reason() + (v.detail().isEmpty() ? ""
                    : " (" + v.detail() + ")"));
        }
        if (e instanceof GenesysApiException g) {
            return genesys(g, g.userMessage());
        }
        if (e instanceof RunCancelledException c) {
            return new Problem(ErrorCode.SETUP_CANCELLED.code(), c.getMessage(), "cancelled by the admin");
        }
        if (e instanceof ProvisionException p) {
            if (p.getCause() instanceof GenesysApiException g) {
                return genesys(g, p.getMessage());
            }
            return new Problem(ErrorCode.SETUP_STOPPED.code(), p.getMessage(), chain(p));
        }
        if (e instanceof SandboxStartException s) {
            return new Problem(ErrorCode.SANDBOX_FAILED.code(), s.getMessage(), chain(s.getCause()));
        }
        if (e instanceof UncheckedIOException || e instanceof IOException) {
            return new Problem(ErrorCode.FILE_FAILED.code(), "A file could not be read or written"
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + ". Check that the folder exists "
                    + "and that you may write to it, then try again.", chain(e));
        }
        if (e instanceof IllegalArgumentException) {
            // The client and the region code throw these with messages written for the admin.
            return new Problem(ErrorCode.INPUT_INVALID.code(), e.getMessage() == null
                    ? "Something you typed cannot be used. Check it and try again." : e.getMessage(), chain(e));
        }
        return new Problem(ErrorCode.UNEXPECTED.code(), "Something unexpected went wrong. Try again; if it keeps "
                + "happening, press \"Copy details\" and send them to eMite support.", chain(e));
    }

    /** A problem the app states itself (no exception). */
    public static Problem of(ErrorCode code, String message) {
        return new Problem(code.code(), message, "");
    }

    private static Problem genesys(GenesysApiException g, String words) {
        String message = words != null && !words.isBlank() ? words
                : "Genesys Cloud refused the request. Try again; if it keeps happening, press \"Copy details\" and "
                + "send them to eMite support.";
        return new Problem(ErrorCode.of(g.kind()).code(), message, "Genesys Cloud: " + g.kind() + "; "
                + g.getMessage());
    }

    /** The failure behind wrappers of the concurrency and reflection APIs. */
    public static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException
                || e instanceof InvocationTargetException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** Types and messages of the cause chain, one per line: enough for support, no stack trace. */
    public static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable e = t; e != null && depth < 6; e = e.getCause(), depth++) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            sb.append(e.getClass().getName());
            if (e.getMessage() != null) {
                sb.append(": ").append(e.getMessage());
            }
        }
        return sb.toString();
    }
}
