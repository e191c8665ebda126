package com.emite.setup.ui.plan;

import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.PlanItem;

/** The state badge of a plan row: its words and its style class ({@code badge-present}, …). */
public enum Badge {
    PRESENT("Present", "badge-present"),
    MISSING("Missing", "badge-missing"),
    DIFFERENT("Different", "badge-different"),
    BLOCKED("Blocked", "badge-blocked"),
    SECRET_UNKNOWN("Secret unknown", "badge-secret"),
    /** Blocked, but only for an option the admin did not choose (e.g. WFM permissions without WFM). */
    NOT_AVAILABLE("Not available", "badge-muted");

    private final String text;
    private final String styleClass;

    Badge(String text, String styleClass) {
        this.text = text;
        this.styleClass = styleClass;
    }

    public String text() {
        return text;
    }

    public String styleClass() {
        return styleClass;
    }

    public static Badge of(PlanItem item) {
        if (item.state() == ItemState.BLOCKED && item.blocker() != null && !item.blocker().required()) {
            return NOT_AVAILABLE;
        }
        return switch (item.state()) {
            case PRESENT -> PRESENT;
            case MISSING -> MISSING;
            case DIFFERENT -> DIFFERENT;
            case BLOCKED, NEEDS_CHOICE -> BLOCKED;
            case SECRET_UNKNOWN -> SECRET_UNKNOWN;
        };
    }
}
