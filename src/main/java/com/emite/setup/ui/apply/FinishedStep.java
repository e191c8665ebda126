package com.emite.setup.ui.apply;

/**
 * A step apply finished, as the running list shows it.
 *
 * @param title   e.g. "Group emite_Access"
 * @param outcome e.g. "created (id 3f1a…)"
 */
public record FinishedStep(String title, String outcome) {
    @Override
    public String toString() {
        return title + ": " + outcome;
    }
}
