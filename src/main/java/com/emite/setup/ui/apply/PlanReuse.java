package com.emite.setup.ui.apply;

import com.emite.setup.provision.ClientSpec;
import com.emite.setup.provision.Needs;
import com.emite.setup.provision.Plan;
import com.emite.setup.provision.RunStore;
import com.emite.setup.vault.Vault;

/**
 * Whether Apply may act on the plan "Check my org" just made instead of reading the whole org again (issue #10: the
 * window's check + apply should cost what the command line's first apply costs). The plan must be fresh and unchanged
 * ({@code PlanViewModel.reusablePlan}) and read with what apply now uses: the same vault, or none when the vault holds
 * nothing for this org yet (no journal, no client secret) — then the planner saw exactly what it sees now. The
 * executor still looks each name up again right before it creates, as it does on the command line.
 */
final class PlanReuse {
    private PlanReuse() {
    }

    /**
     * @param shown     the plan on show when it may be reused, else null
     * @param readWith  the vault the shown plan was read with (null: without)
     * @param vault     the vault apply uses now
     * @param store     the store apply uses now (that vault's record of this org)
     * @return the plan to apply as it is, or null when the org must be read again
     */
    static Plan reusable(Plan shown, Vault readWith, Vault vault, RunStore store, Needs needs) {
        if (shown == null) {
            return null;
        }
        if (readWith == vault) {
            return shown;
        }
        return readWith == null && holdsNothing(store, needs) ? shown : null;
    }

    /** True when the store has no journal and no client secret for this org: it reads as an empty memory store. */
    static boolean holdsNothing(RunStore store, Needs needs) {
        String journal = store.loadJournal();
        if (journal != null && !journal.isBlank()) {
            return false;
        }
        for (ClientSpec c : needs.clients()) {
            if (store.client(c.name()) != null) {
                return false;
            }
        }
        return true;
    }
}
