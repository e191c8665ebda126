package com.emite.setup.app;

import java.util.Objects;

/**
 * A failure as the admin sees it: a plain sentence that says what to do next, a stable code to paste into a support
 * ticket, and technical details (never a stack trace, never a secret) for "Copy details".
 *
 * @param code    stable code, e.g. {@code VAULT-04} or {@code GC-03}
 * @param message plain words for the admin
 * @param details technical, secret-free facts for support
 */
public record Problem(String code, String message, String details) {
    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        details = details == null ? "" : details;
    }

    /** The text "Copy details" puts on the clipboard. */
    public String report() {
        StringBuilder sb = new StringBuilder();
        sb.append("eMite Setup problem ").append(code).append('\n');
        sb.append("Message: ").append(message).append('\n');
        if (!details.isBlank()) {
            sb.append("Details: ").append(details).append('\n');
        }
        sb.append("App: ").append(version()).append("; Java ").append(System.getProperty("java.version"))
                .append("; ").append(System.getProperty("os.name")).append(' ')
                .append(System.getProperty("os.version")).append('\n');
        return sb.toString();
    }

    private static String version() {
        String v = Problem.class.getPackage() == null ? null : Problem.class.getPackage().getImplementationVersion();
        return "eMite Setup " + (v == null ? "(development build)" : v);
    }
}
