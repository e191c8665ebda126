package com.emite.setup.ui.plan;

import java.util.List;

/**
 * One step of eMite's guide with its rows.
 *
 * @param step  0 (your account) to 8 (the form)
 * @param title e.g. "Step 2 · Groups"
 * @param note  a sentence under the title, or empty
 * @param rows  the rows
 */
public record PlanSection(int step, String title, String note, List<PlanRow> rows) {
    public PlanSection {
        rows = List.copyOf(rows);
    }
}
