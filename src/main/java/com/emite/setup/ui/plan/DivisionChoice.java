package com.emite.setup.ui.plan;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** A division in the licence checklist, ticked or not. */
public final class DivisionChoice {
    private final String name;
    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen", true);

    public DivisionChoice(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    @Override
    public String toString() {
        return name;
    }
}
