package com.emite.setup.vault;

import java.util.Objects;

/**
 * Why a vault could not be created, opened or saved. {@link #getMessage()} is a plain-language sentence for a
 * non-technical admin that says what happened and what to do next; {@link #code()} is a stable code they can paste
 * into a support ticket; {@link #detail()} is a technical note for the log and "Copy details". None of them ever
 * contains a password, key or secret.
 */
public final class VaultException extends Exception {
    public enum Reason {
        NOT_FOUND("VAULT-01",
                "No vault file was found here. If this is the first time you use eMite Setup on this computer, "
                        + "create a new vault; otherwise choose the vault file you used before."),
        NOT_A_VAULT("VAULT-02",
                "This file is not an eMite Setup vault. Choose your vault file (its name ends in "
                        + Vault.EXTENSION + "), or create a new vault."),
        CORRUPT_HEADER("VAULT-03",
                "The beginning of the vault file is damaged, so it cannot be opened with any password. "
                        + "Restore the backup copy if it is offered, or contact support with this code."),
        WRONG_PASSWORD("VAULT-04",
                "The master password is not correct. Check Caps Lock and the keyboard language, then try again."),
        DAMAGED_BODY("VAULT-05",
                "The password is correct, but the stored data in the vault file is damaged. "
                        + "Restore the backup copy if it is offered, or contact support with this code."),
        UNSUPPORTED_VERSION("VAULT-06",
                "This vault was saved by a newer version of eMite Setup. Install the latest version to open it. "
                        + "The file has not been changed."),
        UNSAFE_KDF_SETTINGS("VAULT-07",
                "This vault file asks for unlock settings far beyond what eMite Setup ever writes (too much memory "
                        + "or time), so it was not opened. The file may have been altered: restore the backup copy or "
                        + "contact support with this code."),
        LOCKED_BY_OTHER_PROCESS("VAULT-08",
                "The vault is open in another window of eMite Setup. Switch to that window, or close it and try "
                        + "again."),
        ALREADY_EXISTS("VAULT-09",
                "A vault already exists at this place. Open it with its master password, or choose another name."),
        READ_ONLY_LOCATION("VAULT-10",
                "The vault's folder cannot be written to, so your changes were not saved. The vault saved before is "
                        + "unchanged. Check the folder's permissions, or keep the vault in a folder you can write to."),
        DISK_FULL("VAULT-11",
                "The disk is full, so your changes were not saved. The vault saved before is unchanged. "
                        + "Free some space, then save again."),
        IO_ERROR("VAULT-12",
                "The vault file could not be read or written. If you were saving, the vault saved before is "
                        + "unchanged. Try again; if it keeps happening, contact support with this code."),
        UNSAFE_LOCATION("VAULT-13",
                "The vault's place on disk is a link that leads nowhere or in a loop, or its lock file is a link "
                        + "or not an ordinary file, so eMite Setup did not use it (nothing was written). Remove the "
                        + "link or odd file named in the details, or point the link at your vault file, then try "
                        + "again."),
        WEAK_PASSWORD("VAULT-14", PasswordPolicy.RULE);

        private final String code;
        private final String message;

        Reason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        /** The plain-language message shown to the admin. */
        public String message() {
            return message;
        }
    }

    static final String BACKUP_HINT = " A backup copy from the previous save is available: choose \"Restore backup\".";

    private final Reason reason;
    private final String detail;
    private final boolean backupAvailable;

    VaultException(Reason reason, String detail) {
        this(reason, detail, false, null);
    }

    VaultException(Reason reason, String detail, Throwable cause) {
        this(reason, detail, false, cause);
    }

    VaultException(Reason reason, String detail, boolean backupAvailable, Throwable cause) {
        super(reason.message() + (backupAvailable ? BACKUP_HINT : ""), cause);
        this.reason = Objects.requireNonNull(reason);
        this.detail = detail == null ? "" : detail;
        this.backupAvailable = backupAvailable;
    }

    VaultException withBackupAvailable() {
        VaultException e = new VaultException(reason, detail, true, getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    public Reason reason() {
        return reason;
    }

    /** Stable code such as "VAULT-04" for support tickets. */
    public String code() {
        return reason.code();
    }

    /** A technical, secret-free note (e.g. "header checksum mismatch") for logs and "Copy details". */
    public String detail() {
        return detail;
    }

    /**
     * True when the vault's {@code .bak} file (the previous save) looks like an intact vault: offer
     * {@link Vault#restoreBackup(java.nio.file.Path, com.emite.setup.common.Secret)}.
     */
    public boolean backupAvailable() {
        return backupAvailable;
    }

    @Override
    public String toString() {
        return "VaultException[" + reason.code() + " " + reason + (detail.isEmpty() ? "" : ": " + detail)
                + (backupAvailable ? ", backup available" : "") + "]";
    }
}
