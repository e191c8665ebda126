package com.emite.setup.provision;

/** Where one item of the plan stands, compared with what eMite needs. */
public enum ItemState {
    /** In place: nothing to do. */
    PRESENT,
    /** Not there: apply creates it. */
    MISSING,
    /** There, but some settings differ (the item lists them): apply fixes what the API allows. */
    DIFFERENT,
    /** Cannot be done now; the item says why and who can fix it. */
    BLOCKED,
    /** An OAuth client exists but its secret is not in the vault: eMite cannot be given it without a reset. */
    SECRET_UNKNOWN,
    /**
     * The admin must choose before apply can do it (a permission row whose exact string the org's catalog lacks: the
     * candidates are in the plan's permission checklist). Nothing is done for it until then; counts as blocked.
     */
    NEEDS_CHOICE;

    /** Plain words for the command line and the UI. */
    public String label() {
        return switch (this) {
            case PRESENT -> "in place";
            case MISSING -> "missing";
            case DIFFERENT -> "different";
            case BLOCKED -> "blocked";
            case SECRET_UNKNOWN -> "secret unknown";
            case NEEDS_CHOICE -> "needs your choice";
        };
    }
}
