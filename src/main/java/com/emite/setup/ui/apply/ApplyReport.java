package com.emite.setup.ui.apply;

import com.emite.setup.app.ErrorCode;
import com.emite.setup.app.Problem;
import com.emite.setup.app.Problems;
import com.emite.setup.provision.ApplyResult;
import com.emite.setup.provision.Change;
import com.emite.setup.provision.ItemKind;
import com.emite.setup.provision.RunStore;
import com.emite.setup.ui.common.Words;
import com.emite.setup.ui.form.NewSecret;

import java.util.ArrayList;
import java.util.List;

/**
 * The words after an apply: how it ended (phase, headline, explanation, the
 * problem if it failed) with the secrets it got. No state: {@link ApplyViewModel} shows what this returns.
 */
final class ApplyReport {
    private ApplyReport() {
    }

    /** How an apply ended, as the Apply tab shows it. */
    record Ending(ApplyPhase phase, String headline, String explanation, Problem problem, boolean complete) {
    }

    static Ending ending(ApplyResult r) {
        return switch (r.status()) {
            case FINISHED -> {
                int blocked = r.leftBlocked().size();
                long applied = r.outcomes().stream().filter(ApplyResult.Outcome::done).count();
                String headline = applied == 0 ? Words.get("apply.nothingNeeded")
                        : Words.count("apply.done", applied) + (blocked == 0 ? " " + Words.get("summary.inPlace")
                        : "");
                String explanation = (blocked == 0 ? "" : Words.count("apply.stillBlocked", blocked) + " ")
                        + Words.get("apply.formReady");
                yield new Ending(ApplyPhase.FINISHED, headline, explanation, null, true);
            }
            case CANCELLED -> new Ending(ApplyPhase.CANCELLED, Words.get("apply.cancelled"),
                    Words.get("apply.cancelledHow"), null, false);
            default -> new Ending(ApplyPhase.FAILED, Words.get("apply.stopped"), null,
                    Problems.of(ErrorCode.SETUP_APPLY_FAILED, r.error() == null ? Words.get("apply.stoppedShort")
                            : r.error()), false);
        };
    }

    /** Secrets this run got from Genesys Cloud (new clients and resets), from the vault. */
    static List<NewSecret> newSecrets(ApplyResult r, RunStore store) {
        List<NewSecret> out = new ArrayList<>();
        for (Change c : r.changes()) {
            boolean created = c.kind() == ItemKind.OAUTH_CLIENT && c.action().equals("created");
            boolean reset = c.kind() == ItemKind.CLIENT_SECRET;
            if (created || reset) {
                RunStore.StoredSecret s = store.client(c.target());
                if (s != null && s.clientId().equals(c.id())) {
                    out.removeIf(n -> n.clientName().equals(c.target()));
                    out.add(new NewSecret(c.target(), s.clientId(), s.secret()));
                }
            }
        }
        return out;
    }
}
