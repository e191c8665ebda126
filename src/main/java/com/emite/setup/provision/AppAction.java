package com.emite.setup.provision;

import java.util.ArrayList;
import java.util.List;

/**
 * The eMite client app in one step: create it (unless it appeared meanwhile), write its config at the version the
 * org holds (version 1 for a new one, without a read), and enable it. A step of several requests: the journal holds
 * the new id as soon as it is known, so a run cut between the requests is finished by the next one.
 */
final class AppAction {
    private static final int MAX_VERSION_RETRIES = 5;

    private final ApplyRun run;
    private final CreateGuard guard;

    AppAction(ApplyRun run, CreateGuard guard) {
        this.run = run;
        this.guard = guard;
    }

    String apply(PlanItem item, Action.ClientApp app) {
        String id = app.integrationId();
        List<String> done = new ArrayList<>();
        String found = id == null ? guard.existing(item, CreateGuard.Kind.INTEGRATION, app.name()) : null;
        if (found != null) {
            id = found;
            run.remember(ItemKind.CLIENT_APP, app.name(), id);
            done.add(run.journal.unansweredWriteAt(item.key()) != null
                    ? "found (an earlier request to create it got no answer, but Genesys Cloud did it)"
                    : "found (it appeared after the plan was read; not created again)");
            run.journal.writeAnswered(item.key());
        } else if (id == null) {
            id = guard.send(item, true, () -> run.api.createIntegration(app.name(), app.typeId()));
            run.wrote(1);
            run.remember(ItemKind.CLIENT_APP, app.name(), id);
            run.journal.addChange("created", ItemKind.CLIENT_APP, app.name(), id, app.typeId());
            run.journal.stepStarted(item.key(), "created " + id + "; configuring");
            run.save();
            done.add("created");
        }
        if (app.putConfig()) {
            run.token.throwIfCancelled();
            putConfig(app, id);
            done.add("configured");
        }
        if (app.enable()) {
            run.token.throwIfCancelled();
            run.api.enableIntegration(id);
            run.wrote(1);
            done.add("enabled");
        }
        String words = String.join(", ", done);
        run.journal.stepDone(item.key(), id, words);
        if (app.integrationId() != null) {
            run.journal.addChange("changed", ItemKind.CLIENT_APP, app.name(), id, words);
        } else {
            run.journal.addChange("configured and enabled", ItemKind.CLIENT_APP, app.name(), id,
                    "URL " + app.config().url() + ", groups " + String.join(", ", app.config().groupNames()));
        }
        return words + " (id " + id + ")";
    }

    private void putConfig(Action.ClientApp app, String id) {
        List<String> groupIds = app.config().groupNames().stream().map(n -> run.id(ItemKind.GROUP, n)).toList();
        int version = app.configVersion() == null ? run.api.integrationConfig(id).version() : app.configVersion();
        for (int attempt = 0; ; attempt++) {
            try {
                run.api.putIntegrationConfig(id, version, app.config(), groupIds);
                run.wrote(1);
                return;
            } catch (OrgApi.VersionConflict e) {
                if (attempt >= MAX_VERSION_RETRIES) {
                    throw new ProvisionException("The eMite app's configuration kept changing while it was "
                            + "saved. Run apply again.");
                }
                version = run.api.integrationConfig(id).version();
            }
        }
    }
}
