package com.emite.setup.diagnose;

/** What a read-only look at a real org says about one inferred API choice. */
public enum Verdict {
    /** The org behaves as we assumed. */
    HELD("held"),
    /** The org behaves otherwise: the choice in {@code ApiContract} (or the blueprint) should be corrected. */
    DIFFERS("differs"),
    /** Only a write (or a different sign-in) could show it; nothing was changed to find out. */
    CANNOT_TELL("cannot tell read-only");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** The words printed for the admin and sent to us. */
    public String words() {
        return words;
    }
}
