package com.emite.setup.ui.apply;

/** Where the Apply tab is: the wizard's commit page, progress page and summary. */
public enum ApplyPhase {
    /** No apply asked for yet. */
    IDLE,
    /** Checking the org once more (with the vault) before asking. */
    CHECKING,
    /** Waiting for the admin to confirm. */
    CONFIRM,
    /** The fresh check found nothing to change. */
    IN_PLACE,
    /** The account lacks permissions: nothing can be changed. */
    REFUSED,
    /** Applying. */
    RUNNING,
    /** Cancel was pressed; the request in flight finishes. */
    CANCELLING,
    FINISHED,
    CANCELLED,
    FAILED
}
