package com.emite.setup.ui.apply;

import com.emite.setup.ui.common.Words;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Another run seems to be in progress on this org" at apply's confirmation: eMite objects made in the last minutes
 * that this vault does not know (the engine's {@code Plan.otherRunNote}). Two applies at once can make objects twice,
 * so the confirmation holds back until the admin says no one else is setting up eMite now (the command line prints
 * the same caution before its question).
 */
public final class OtherRunCaution {
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final BooleanProperty sure = new SimpleBooleanProperty(this, "sure", false);
    private final BooleanBinding holdsBack = note.isNotEmpty().and(sure.not());
    private final StringBinding reason = Bindings.when(holdsBack).then(Words.get("apply.otherRun.why"))
            .otherwise("");

    /** The plan's notice (null when nothing suggests another run); the admin has not answered yet. */
    void show(String otherRunNote) {
        sure.set(false);
        note.set(otherRunNote == null ? "" : otherRunNote);
    }

    void clear() {
        show(null);
    }

    /** The engine's notice: which objects, made when ("" when there is none). */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /**
     * The objects the engine's notice names ("group emite_Access (changed …)"), without its advice, which the window
     * words itself; the whole notice when it is not in the engine's usual shape.
     */
    static String objects(String note) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "^[^:]*: (.+?) (?:was|were) made or changed in the last .*$", java.util.regex.Pattern.DOTALL)
                .matcher(note == null ? "" : note);
        return m.matches() ? m.group(1) : note == null ? "" : note;
    }

    /** Ticked by the admin: "No one else is setting up eMite on this org now". */
    public BooleanProperty sureProperty() {
        return sure;
    }

    /** True while the caution stands unanswered: the confirmation cannot be pressed. */
    public BooleanBinding holdsBackProperty() {
        return holdsBack;
    }

    /** Why the confirmation cannot be pressed, next to it ("" when it can). */
    public StringBinding reasonProperty() {
        return reason;
    }
}
