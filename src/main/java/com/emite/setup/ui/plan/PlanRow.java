package com.emite.setup.ui.plan;

import java.util.List;

/**
 * One row of the plan as the Plan tab shows it.
 *
 * @param key   the item's stable key ({@code GROUP:emite_Access}), for tests and screen readers
 * @param title e.g. "Group emite_Access"
 * @param badge its state
 * @param lines details in plain words: differences, why it is blocked and who can fix it, what apply will do
 */
public record PlanRow(String key, String title, Badge badge, List<String> lines) {
    public PlanRow {
        lines = List.copyOf(lines);
    }
}
