package com.emite.setup.cli;

import com.emite.setup.common.Secret;
import com.emite.setup.vault.RememberedPasswords;
import com.emite.setup.vault.VaultException;

import java.nio.file.Path;
import java.util.Arrays;

/** The vault's password on the command line: where it comes from, keeping it in the keychain, the vault's words. */
final class CliVaultPassword {
    private CliVaultPassword() {
    }

    /** --remember-vault-password: keeps the password that just opened the vault in the OS keychain. */
    static void remember(CliOptions o, CliIO io, Path file, Secret password) {
        if (!o.has("--remember-vault-password")) {
            return;
        }
        RememberedPasswords remembered = new RememberedPasswords(io.keychain());
        if (remembered.isAvailable() && remembered.remember(file, password)) {
            io.err().println("The vault password is kept in this computer's keychain: scheduled runs can use "
                    + "--vault-password-keychain.");
        } else {
            io.err().println("This computer has no keychain eMite Setup can use, so the vault password was not kept. "
                    + "Scheduled runs can read it from a variable: --vault-password-env VAR.");
        }
    }

    /** The vault's message in command-line words: its options instead of the window's buttons. */
    static String words(VaultException e) {
        if (e.reason() == VaultException.Reason.LOCKED_BY_OTHER_PROCESS) {
            return "The vault is in use by another eMite Setup (a window or a command still running). Close it or "
                    + "let the command finish, then try again.";
        }
        String m = e.getMessage();
        String hint = " choose \"Restore backup\".";
        if (m.endsWith(hint)) {
            m = m.substring(0, m.length() - hint.length()) + " run the command again with --restore-backup.";
        }
        return m;
    }

    /** The vault password: from --vault-password-env, --vault-password-keychain, or asked (twice for a new vault). */
    static Secret read(CliOptions o, CliIO io, boolean creating, Path file) {
        if (o.has("--vault-password-env") && o.has("--vault-password-keychain")) {
            throw new UsageException("Give only one of --vault-password-env and --vault-password-keychain.");
        }
        if (o.has("--vault-password-keychain")) {
            if (creating) {
                throw new UsageException("There is no vault at " + file + " yet, so no password of it is in the "
                        + "keychain: create the vault first (apply, or the app).");
            }
            RememberedPasswords remembered = new RememberedPasswords(io.keychain());
            if (!remembered.isAvailable()) {
                throw new UsageException("This computer has no keychain eMite Setup can use. Use "
                        + "--vault-password-env VAR instead.");
            }
            return remembered.recall(file).orElseThrow(() -> new UsageException("The keychain holds no password "
                    + "for the vault " + file + ". Tick \"Remember on this computer\" when you unlock it in the app, "
                    + "or run keep-licences --remember-vault-password once at a terminal."));
        }
        if (o.has("--vault-password-env")) {
            String v = io.env(o.value("--vault-password-env"));
            if (v == null || v.isEmpty()) {
                throw new UsageException("The environment variable " + o.value("--vault-password-env")
                        + " is not set: it should hold the vault password.");
            }
            return Secret.of(v);
        }
        char[] p = io.readSecret(creating ? "New vault password (it protects the client secrets): "
                : "Vault password: ");
        if (p == null || p.length == 0) {
            throw new UsageException("The vault needs a password: type it, pipe it to standard input, or use "
                    + "--vault-password-env VAR.");
        }
        if (creating && io.interactive()) {
            char[] again = io.readSecret("Repeat the vault password: ");
            if (again == null || !Arrays.equals(p, again)) {
                throw new UsageException("The two vault passwords differ. Nothing was created.");
            }
            Arrays.fill(again, '\0');
        }
        Secret s = Secret.of(p);
        Arrays.fill(p, '\0');
        return s;
    }
}
