package com.emite.setup.provision;

import com.emite.setup.contract.ApiContract;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * "Another run seems in progress" (issue 15): eMite-named objects made or changed minutes ago that this vault does
 * not know are most likely another admin's apply (another computer or data folder, which the vault lock cannot see)
 * running now. Only OAuth clients ({@code dateCreated}) and groups ({@code dateModified}) carry a date; roles and the
 * app cannot tell ({@link ApiContract#OTHER_RUN_RECENT_MINUTES}).
 */
final class OtherRunRule {
    private OtherRunRule() {
    }

    /** The plan's notice, or null when nothing suggests another run. */
    static String note(OrgSnapshot s, Needs needs, RunStore store, Instant now) {
        Instant since = now.minus(Duration.ofMinutes(ApiContract.OTHER_RUN_RECENT_MINUTES));
        Set<String> known = new HashSet<>();
        for (ClientSpec c : needs.clients()) {
            RunStore.StoredSecret stored = store.client(c.name());
            if (stored != null) {
                known.add(stored.clientId());
            }
        }
        List<String> recent = new ArrayList<>();
        for (Needs.GroupNeed g : needs.groups()) {
            if (ours(s, ItemKind.GROUP, g.name())) {
                continue;
            }
            s.groups().stream().filter(x -> x.name().equals(g.name()) && !known.contains(x.id())
                    && !s.journal().knows(x.id()))
                    .filter(x -> x.modified() != null && x.modified().isAfter(since))
                    .findFirst().ifPresent(x -> recent.add("group " + x.name() + " (changed " + x.modified() + ")"));
        }
        for (ClientSpec c : needs.clients()) {
            if (ours(s, ItemKind.OAUTH_CLIENT, c.name())) {
                continue;
            }
            s.clients().stream().filter(x -> x.name().equals(c.name()) && !known.contains(x.id())
                    && !s.journal().knows(x.id()))
                    .filter(x -> x.created() != null && x.created().isAfter(since))
                    .findFirst().ifPresent(x -> recent.add("OAuth client " + x.name() + " (made " + x.created() + ")"));
        }
        if (recent.isEmpty()) {
            return null;
        }
        return "Another run seems to be in progress on this org: " + String.join(", ", recent) + " "
                + (recent.size() == 1 ? "was" : "were") + " made or changed in the last "
                + ApiContract.OTHER_RUN_RECENT_MINUTES + " minutes by something this vault does not know (another "
                + "admin, another computer or another data folder). Two applies at once can make objects twice. "
                + "Wait until the other run has ended, then plan again; apply only if you are sure no one else is "
                + "setting up eMite now.";
    }

    /** An object this vault's last run asked for without getting the answer (or the id) back: most likely its own. */
    private static boolean ours(OrgSnapshot s, ItemKind kind, String name) {
        Journal.Step step = s.journal().lastRun() == null ? null
                : s.journal().lastRun().steps().get(kind.name() + ":" + name);
        return step != null && step.status() != Journal.StepStatus.DONE;
    }
}
