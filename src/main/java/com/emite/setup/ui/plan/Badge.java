package com.emite.setup.ui.plan;

import com.emite.setup.ui.common.Words;
import com.emite.setup.provision.ItemState;
import com.emite.setup.provision.PlanItem;

/** The state badge of a plan row: its words and its style class ({@code badge-present}, …). */
public enum Badge {
    PRESENT("badge.present", "badge-present"),
    MISSING("badge.missing", "badge-missing"),
    DIFFERENT("badge.different", "badge-different"),
    BLOCKED("badge.blocked", "badge-blocked"),
    SECRET_UNKNOWN("badge.secretUnknown", "badge-secret"),
    /** Blocked, but only for an option the admin did not choose (e.g. WFM permissions without WFM). */
    NOT_AVAILABLE("badge.notAvailable", "badge-muted");

    private final String textKey;
    private final String styleClass;

    Badge(String textKey, String styleClass) {
        this.textKey = textKey;
        this.styleClass = styleClass;
    }

    public String text() {
        return Words.get(textKey);
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
